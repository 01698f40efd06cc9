from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import render_table
from enrollment.shared.history import history_of
from enrollment.shared.models.users import OFFICE_ROLES as OFFICE
from enrollment.shared.scoping import get_object_in_scope, scope_queryset
from enrollment.territory.filters import StaffFilter
from enrollment.territory.forms import StaffForm
from enrollment.territory.models.officers import Staff
from enrollment.territory.selectors import office_units
from enrollment.territory.tables import StaffTable


@scoped_view(roles=OFFICE)
def staff_list(request):
    staff = scope_queryset(request.user, Staff.objects.select_related("unit"))
    filters = StaffFilter(request.GET, queryset=staff, units=office_units(request.user))
    return render_table(request, StaffTable(filters.qs), "enrollment/staff_list.html", {"filter": filters},
                        filename="officers")


@scoped_view(roles=OFFICE)
def staff_edit(request, pk=None):
    staff = get_object_in_scope(request.user, Staff.objects.all(), pk=pk) if pk else None
    form = StaffForm(request.POST or None, instance=staff, units=office_units(request.user))
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("Officer %(name)s was saved.") % {"name": form.instance.full_name})
        return redirect("staff_list")
    history = history_of(staff, ("enrollment.OfficerQuota", {"staff_id": staff.pk})) if staff else None
    return render(request, "enrollment/staff_form.html", {"form": form, "staff": staff, "history": history})
