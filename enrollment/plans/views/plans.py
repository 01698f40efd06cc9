"""Plan overview of a unit: its metrics, versions, monthly phasing and the plans of the units below."""

import datetime
from decimal import Decimal

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enrollment.plans.forms import PhasingForm, PlanVersionForm
from enrollment.plans.models.plans import Curve, Metric, Plan, PlanStatus, PlanVersion
from enrollment.plans.phasing import month_ends
from enrollment.plans.selectors.actuals import actuals
from enrollment.plans.selectors.plans import (
    phased_target,
    plan_history,
    plan_versions_for,
)
from enrollment.plans.services.versions import (
    LAST_LEGACY_YEAR,
    can_edit_phasing,
    can_set_plans,
    phasing_set,
    plan_version_create,
)
from enrollment.plans.tables import ChildrenPlanTable, PlanChangeTable, PlanVersionTable
from enrollment.shared import colours
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import EXPORT_FORMATS, ExportTitle, export_response, render_table
from enrollment.shared.formats import percent_of
from enrollment.shared.history import history_of
from enrollment.shared.models.users import OFFICE_ROLES
from enrollment.shared.scoping import (
    get_object_in_scope,
    get_unit_for_user,
    visible_units,
)
from enrollment.territory.models.units import CodeSet, Level
from enrollment.territory.selectors import unit_ancestors


def selected_year(request):
    text = request.GET.get("year") or request.POST.get("year") or ""
    if text.isdigit() and 2000 <= int(text) <= 2100:
        return int(text)
    return timezone.localdate().year


def plan_years(unit=None):
    """The years a plan page offers: around this one, or those a former unit was in force."""
    if unit is not None and unit.code_set == CodeSet.LEGACY:
        return range(LAST_LEGACY_YEAR, LAST_LEGACY_YEAR - 8, -1)
    return range(timezone.localdate().year + 1, timezone.localdate().year - 4, -1)


def selected_metric(request, default=Metric.SI_PARTICIPANTS):
    value = request.GET.get("metric") or request.POST.get("metric")
    return value if value in Metric.values else default


def digits_for(metric):
    return 2 if Metric.is_rate(metric) else 0


def as_of(year):
    """The day figures are read for: today in the current year, the year's last day for a past one."""
    today = timezone.localdate()
    return today if year >= today.year else datetime.date(year, 12, 31)


def achievement(actual, target):
    return percent_of(actual, target)


def overview_url(unit, year, metric):
    return f"{reverse('plan_overview', args=[unit.pk])}?year={year}&metric={metric}"


def _children_rows(units, year, metric):
    versions = plan_versions_for(units, year)
    figures = actuals(units, year, metric, as_of(year))
    rows = []
    for unit in units:
        entry = versions.get((unit.pk, metric), {})
        initial, in_force = entry.get("initial"), entry.get("in_force")
        actual = figures.get(unit.pk)
        rows.append({
            "code": unit.code, "name": unit.name, "url": overview_url(unit, year, metric),
            "initial": initial.target if initial else None, "in_force": in_force.target if in_force else None,
            "actual": actual, "achievement": achievement(actual, in_force.target if in_force else None),
        })
    return rows


def _metric_cards(unit, year):
    versions = plan_versions_for([unit], year)
    day = as_of(year)
    cards = []
    for metric in Metric.values:
        entry = versions.get((unit.pk, metric), {})
        initial, in_force = entry.get("initial"), entry.get("in_force")
        actual = actuals([unit], year, metric, day).get(unit.pk)
        cards.append({
            "metric": metric, "label": Metric(metric).label, "digits": digits_for(metric),
            "initial": initial, "in_force": in_force, "actual": actual,
            "of_initial": achievement(actual, initial.target if initial else None),
            "of_in_force": achievement(actual, in_force.target if in_force else None),
            "phased": phased_target(in_force, day) if in_force else None,
        })
    return cards


def _version_rows(plan, actual):
    rows = []
    for version in plan.versions.select_related("approved_by").order_by("seq") if plan else []:
        rows.append({
            "pk": version.pk, "seq": version.seq, "kind": version.get_kind_display(),
            "document_number": version.document_number, "document_date": version.document_date,
            "target": version.target, "status": version.get_status_display(),
            "achievement": achievement(actual, version.target) if version.is_approved else None,
            "approved_by": version.approved_by or "", "approved_at": version.approved_at, "note": version.note,
            "is_draft": not version.is_approved, "version": version,
        })
    return rows


def _chart(plan, unit, year, metric):
    """Cumulative monthly figures for the phasing chart: each approved version, and actuals so far."""
    series = []
    for version in plan.versions.filter(status=PlanStatus.APPROVED).order_by("seq") if plan else []:
        series.append({
            "name": f"{version.get_kind_display()} (v{version.seq})",
            "values": [float(v) for v in version.monthly_targets],
        })
    today = timezone.localdate()
    actual_values = []
    for day in month_ends(year):
        if day.replace(day=1) > today:
            break
        value = actuals([unit], year, metric, min(day, today)).get(unit.pk)
        actual_values.append(float(value) if value is not None else None)
    months = [f"{m:02d}/{year}" for m in range(1, 13)]
    return {"months": months, "plans": series, "actual": actual_values, "actual_name": str(_("Actual")),
            "actual_colour": colours.ACTUAL,
            "percent": Metric.is_rate(metric)}


def _plan_page_context(request, unit, year, metric):
    user = request.user
    plan = Plan.objects.filter(unit=unit, year=year, metric=metric).first()
    cards = _metric_cards(unit, year)
    card = next(c for c in cards if c["metric"] == metric)
    version_rows = _version_rows(plan, card["actual"])
    children = list(unit.children.order_by("code")) if unit.level < Level.VILLAGE else []
    children_rows = _children_rows(children, year, metric)
    history = plan_history(visible_units(user, legacy=True).filter(pk=unit.pk), year, metric)
    in_force = card["in_force"]
    allocated = None
    if children_rows and not Metric.is_rate(metric):
        allocated = sum((r["in_force"] or 0 for r in children_rows), Decimal(0))
    return {
        "unit": unit, "year": year, "metric": metric, "metric_label": Metric(metric).label, "cards": cards,
        "card": card, "plan": plan, "in_force": in_force, "digits": digits_for(metric),
        "versions_table": PlanVersionTable(version_rows, digits=digits_for(metric)),
        "children_table": ChildrenPlanTable(children_rows, digits=digits_for(metric)) if children else None,
        "history": history,
        "history_table": PlanChangeTable(list(history[:20]), orderable=False),
        "allocated": allocated, "allocated_difference": (allocated - in_force.target) if (
            allocated is not None and in_force) else None,
        "chart": _chart(plan, unit, year, metric),
        "years": plan_years(unit),
        "metrics": Metric.choices,
        "drafts": [r for r in version_rows if r["is_draft"]],
        "can_set_plans": can_set_plans(user, unit),
        "can_edit_phasing": in_force is not None and can_edit_phasing(user, unit),
        "ancestors": unit_ancestors(user, unit),
        "export_formats": EXPORT_FORMATS,
    }


@scoped_view
def plans_home(request):
    user = request.user
    if user.scope_unit_id:
        return redirect(f"{reverse('plan_overview', args=[user.scope_unit_id])}?{request.GET.urlencode()}")
    year, metric = selected_year(request), selected_metric(request)
    provinces = list(visible_units(user).filter(code_set=CodeSet.CURRENT, level=Level.PROVINCE).order_by("code"))
    table = ChildrenPlanTable(_children_rows(provinces, year, metric), digits=digits_for(metric))
    exported = export_response(request, {"provinces": table}, f"plans-{year}", ExportTitle(
        heading=_("Plans %(year)s") % {"year": year}, unit=_("Whole country"), metric=Metric(metric).label))
    if exported:
        return exported
    return render(request, "enrollment/plans/home.html", {
        "table": table, "year": year, "metric": metric, "metrics": Metric.choices, "export_formats": EXPORT_FORMATS,
        "years": range(timezone.localdate().year + 1, timezone.localdate().year - 4, -1),
    })


@scoped_view
def plan_overview(request, pk):
    unit = get_unit_for_user(request.user, pk, legacy=True)
    year, metric = selected_year(request), selected_metric(request)
    context = _plan_page_context(request, unit, year, metric)
    tables = {"versions": context["versions_table"], "history": PlanChangeTable(context["history"])}
    if context["children_table"] is not None:
        tables["children"] = context["children_table"]
    exported = export_response(request, tables, f"plan-{unit.code}-{year}-{metric}", ExportTitle(
        heading=_("Plans %(year)s") % {"year": year}, unit=unit.name, metric=Metric(metric).label))
    if exported:
        return exported
    context["version_form"] = PlanVersionForm(metric=metric) if context["can_set_plans"] else None
    plan = context["plan"]
    if plan is not None and request.user.role in OFFICE_ROLES:
        context["record_history"] = history_of(plan, ("enrollment.PlanVersion", {"plan_id": plan.pk}))
    if context["can_edit_phasing"]:
        in_force = context["in_force"]
        initial = {"curve": in_force.curve}
        initial.update({f"m{i}": _plain(v, metric) for i, v in enumerate(in_force.monthly_targets, start=1)})
        context["phasing_form"] = PhasingForm(initial=initial, metric=metric)
    return render(request, "enrollment/plans/overview.html", context)


def _plain(value, metric):
    """A figure as a user would type it back (1250 or 2,5)."""
    text = f"{Decimal(str(value)):.2f}" if Metric.is_rate(metric) else str(int(Decimal(str(value))))
    return text.replace(".", ",")


@require_POST
@scoped_view
def plan_version_new(request, pk):
    unit = get_unit_for_user(request.user, pk, legacy=True)
    year, metric = selected_year(request), selected_metric(request)
    if not can_set_plans(request.user, unit):
        raise PermissionDenied
    form = PlanVersionForm(request.POST, metric=metric)
    if form.is_valid():
        data = form.cleaned_data
        try:
            version = plan_version_create(
                user=request.user, unit=unit, year=year, metric=metric, target=data["target"],
                document_number=data["document_number"], document_date=data["document_date"], note=data["note"],
                curve=data["curve"], approve=data["approve"],
            )
        except ValidationError as exc:
            form.add_error("target", exc)
        else:
            messages.success(request, _("%(kind)s (version %(seq)s) was saved.") % {
                "kind": version.get_kind_display(), "seq": version.seq})
            return redirect(overview_url(unit, year, metric))
    context = _plan_page_context(request, unit, year, metric)
    context["version_form"] = form
    messages.error(request, _("The plan was not saved: correct the fields marked below."))
    return render(request, "enrollment/plans/overview.html", context, status=400)


@require_POST
@scoped_view
def phasing_edit(request, pk):
    version = get_object_in_scope(request.user, PlanVersion.objects.select_related("plan__unit"),
                                  unit_field="plan__unit", legacy=True, pk=pk)
    unit = version.plan.unit
    plan = version.plan
    if not can_edit_phasing(request.user, unit):
        raise PermissionDenied
    form = PhasingForm(request.POST, metric=plan.metric)
    if form.is_valid():
        curve = form.cleaned_data["curve"]
        try:
            phasing_set(user=request.user, version=version, curve=curve,
                        monthly_targets=form.monthly_targets() if curve == Curve.CUSTOM else None)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            messages.success(request, _("The monthly phasing was saved."))
            return redirect(overview_url(unit, plan.year, plan.metric) + "#phasing")
    context = _plan_page_context(request, unit, plan.year, plan.metric)
    context["phasing_form"] = form
    messages.error(request, _("The phasing was not saved: correct the months marked below."))
    return render(request, "enrollment/plans/overview.html", context, status=400)


@scoped_view
def plan_history_view(request, pk):
    unit = get_unit_for_user(request.user, pk, legacy=True)
    year = request.GET.get("year", "")
    metric = request.GET.get("metric", "")
    changes = plan_history(visible_units(request.user, legacy=True).filter(path__startswith=unit.path),
                           int(year) if year.isdigit() else None, metric if metric in Metric.values else None)
    return render_table(request, PlanChangeTable(changes), "enrollment/plans/history.html", {
        "unit": unit, "year": year, "metric": metric, "metrics": Metric.choices,
    }, filename=f"plan-history-{unit.code}")
