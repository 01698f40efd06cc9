"""Officer quotas: the quotas of the officers in the user's area, their progress, and a bulk action."""

from django.contrib import messages
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from enrollment.plans.forms import QuotaBulkForm
from enrollment.plans.models.plans import Metric
from enrollment.plans.models.quotas import OfficerQuota
from enrollment.plans.services.quotas import officer_quota_rows, quotas_bulk_set
from enrollment.plans.tables import OfficerQuotaTable
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import EXPORT_FORMATS, ExportTitle, export_response
from enrollment.shared.formats import percent_of
from enrollment.shared.models.users import OFFICE_ROLES as OFFICE
from enrollment.shared.scoping import scope_queryset
from enrollment.territory.models.officers import Staff
from enrollment.territory.selectors import office_units


def _filters(request):
    today = timezone.localdate()
    year = request.GET.get("year", "")
    month = request.GET.get("month", "")
    metric = request.GET.get("metric", "")
    unit = request.GET.get("unit", "")
    return {
        "year": int(year) if year.isdigit() else today.year,
        "month": int(month) if month.isdigit() and 1 <= int(month) <= 12 else None,
        "metric": metric if metric in Metric.values else "",
        "unit": int(unit) if unit.isdigit() else None,
    }


@scoped_view(roles=OFFICE)
def officer_quotas(request):
    user = request.user
    filters = _filters(request)
    units = office_units(user)
    staff = scope_queryset(user, Staff.objects.filter(is_active=True).select_related("unit"))
    form = QuotaBulkForm(request.POST or None, units=units, staff=staff, initial={
        "year": filters["year"], "month": filters["month"], "metric": filters["metric"] or Metric.SI_NEW,
        "unit": user.scope_unit_id,
    })
    if request.method == "POST":
        if form.is_valid():
            data = form.cleaned_data
            if data["staff"]:
                owners = [data["staff"]]
            else:
                owners = staff.filter(unit__path__startswith=data["unit"].path) if data["include_below"] \
                    else staff.filter(unit=data["unit"])
                owners = list(owners)
            if not owners:
                form.add_error("unit", _("This unit has no active officers."))
            else:
                created, updated = quotas_bulk_set(OfficerQuota, owners, data["year"], data["month"], data["metric"],
                                                   data["target"], user, note=data["note"])
                messages.success(request, _("Quotas set for %(count)s officers: %(created)s new, %(updated)s changed.")
                                 % {"count": len(owners), "created": created, "updated": updated})
                query = f"year={data['year']}&metric={data['metric']}" + (
                    f"&month={data['month']}" if data["month"] else "")
                return redirect(f"{reverse('officer_quotas')}?{query}")
        messages.error(request, _("Nothing was saved: correct the fields marked below."))
    rows = officer_quota_rows(user, **filters)
    table = OfficerQuotaTable(rows)
    exported = export_response(request, {"quotas": table}, f"officer-quotas-{filters['year']}",
                               ExportTitle(heading=_("Officer quotas"), data_date=timezone.localdate()))
    if exported:
        return exported
    RequestConfig(request, paginate={"per_page": 50}).configure(table)
    total_target = sum((r.target for r in rows), 0)
    total_actual = sum((r.actual for r in rows), 0)
    return render(request, "enrollment/plans/quotas.html", {
        "form": form, "table": table, "filters": filters, "units": units, "metrics": Metric.choices,
        "months": range(1, 13), "export_formats": EXPORT_FORMATS, "total_target": total_target,
        "total_actual": total_actual,
        "total_percent": percent_of(total_actual, total_target),
        "years": range(timezone.localdate().year + 1, timezone.localdate().year - 4, -1),
    }, status=400 if request.method == "POST" else 200)
