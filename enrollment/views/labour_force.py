from enrollment.models import OFFICE_ROLES as OFFICE, LabourForce
from enrollment.scoping import scoped_view
from enrollment.selectors.scoping import scope_queryset
from enrollment.tables import LabourForceTable
from enrollment.views.exporting import render_table


@scoped_view(roles=OFFICE)
def labour_force_list(request):
    records = scope_queryset(request.user, LabourForce.objects.select_related("unit"))
    year = request.GET.get("year", "")
    if year.isdigit():
        records = records.filter(year=int(year))
    return render_table(request, LabourForceTable(records), "enrollment/labour_force_list.html",
                        {"year": year}, filename="labour-force")
