from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import render_table
from enrollment.shared.models.users import OFFICE_ROLES as OFFICE
from enrollment.shared.scoping import scope_queryset
from enrollment.territory.models.units import LabourForce
from enrollment.territory.tables import LabourForceTable


@scoped_view(roles=OFFICE)
def labour_force_list(request):
    records = scope_queryset(request.user, LabourForce.objects.select_related("unit"))
    year = request.GET.get("year", "")
    if year.isdigit():
        records = records.filter(year=int(year))
    return render_table(request, LabourForceTable(records), "enrollment/labour_force_list.html",
                        {"year": year}, filename="labour-force")
