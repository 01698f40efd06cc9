"""Writing plans: adding and approving versions, changing their phasing, keeping the history."""

import datetime
from decimal import Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.formats import number_format
from django.utils.translation import gettext as _

from enrollment.plans.models.plans import (
    ChangeAction,
    Curve,
    Metric,
    Plan,
    PlanChange,
    PlanStatus,
    PlanVersion,
    VersionKind,
)
from enrollment.plans.phasing import (
    cumulative_from_shares,
    curve_shares,
    growth_pattern,
)
from enrollment.plans.selectors.actuals import actuals, monthly_actuals
from enrollment.shared.models.users import MANAGER_ROLES, OFFICE_ROLES
from enrollment.shared.reform import REFORM_DATE
from enrollment.shared.scoping import unit_in_scope
from enrollment.territory.models.units import CodeSet

# Plans of the former units are those of the years they were in force.
LAST_LEGACY_YEAR = REFORM_DATE.year


def figure_text(value, metric):
    if value is None or value == "":
        return ""
    digits = 2 if Metric.is_rate(metric) else 0
    return number_format(Decimal(str(value)), digits, force_grouping=True)


def phasing_text(monthly_targets, metric):
    return "; ".join(figure_text(v, metric) for v in monthly_targets)


def change_record(*, unit, year, metric, action, user, subject="", old="", new="", reason=""):
    return PlanChange.objects.create(unit=unit, year=year, metric=metric, action=action, subject=subject,
                                     old_value=old, new_value=new, user=user, reason=reason)


def can_set_plans(user, unit):
    """Managers record the plans their units receive (a province's plan from Vietnam Social Security), and
    those of the years before the 2025 reform on the former units their area took in."""
    return user.role in MANAGER_ROLES and unit_in_scope(user, unit, legacy=True)


def can_edit_phasing(user, unit):
    return user.role in OFFICE_ROLES and unit_in_scope(user, unit, legacy=True)


def start_of_year_figure(unit, year, metric):
    """Where a stock metric starts on 1 January: last year's result when a source has it."""
    if not Metric.is_stock(metric):
        return Decimal(0)
    value = actuals([unit], year - 1, metric, datetime.date(year - 1, 12, 31)).get(unit.pk)
    return Decimal(value or 0)


def last_year_patterns(units, year, metric):
    """{unit_id: last year's growth by month} for the units that have a full series."""
    series = monthly_actuals(units, year - 1, metric)
    starts = {}
    if Metric.is_stock(metric):
        starts = actuals(units, year - 2, metric, datetime.date(year - 2, 12, 31))
    patterns = {}
    for unit_id, values in series.items():
        start = starts.get(unit_id) if Metric.is_stock(metric) else 0
        pattern = growth_pattern(values, start)
        if pattern is not None:
            patterns[unit_id] = pattern
    return patterns


def last_year_series(unit, year, metric):
    return last_year_patterns([unit], year, metric).get(unit.pk)


def phasing_for(unit, year, metric, target, curve, baseline, last_year=None):
    if curve == Curve.LAST_YEAR and last_year is None:
        last_year = last_year_series(unit, year, metric)
    shares = curve_shares(curve, last_year)
    return cumulative_from_shares(shares, target, min(Decimal(baseline), Decimal(target)), metric)


def _next_seq(plan):
    return (plan.versions.aggregate(m=Max("seq"))["m"] or 0) + 1


def plan_version_create(*, user, unit, year, metric, target, document_number="", document_date=None, note="",
                        curve=Curve.SEASONAL, approve=True, allocation=None, check_permission=True,
                        baseline=None, last_year=None):
    """Add a version to a unit's plan: the initial one, or a supplement once one is approved.

    `baseline` (start-of-year figure) and `last_year` (last year's monthly series) are looked up
    when not given; callers creating many versions at once pass them in bulk.
    """
    if check_permission and not can_set_plans(user, unit):
        raise PermissionDenied
    target = Decimal(target)
    if target < 0:
        raise ValidationError(_("A target cannot be negative."))
    if Metric.is_rate(metric) and target > 100:
        raise ValidationError(_("A coverage rate is at most 100%."))
    if unit.code_set == CodeSet.LEGACY and year > LAST_LEGACY_YEAR:
        raise ValidationError(_("A unit before 01/07/2025 has plans up to %(year)s only.") % {
            "year": LAST_LEGACY_YEAR})
    with transaction.atomic():
        plan, _created = Plan.objects.select_for_update().get_or_create(unit=unit, year=year, metric=metric)
        has_approved = plan.versions.filter(status=PlanStatus.APPROVED).exists()
        if baseline is None:
            baseline = start_of_year_figure(unit, year, metric)
        baseline = min(Decimal(baseline), target)
        version = PlanVersion.objects.create(
            plan=plan, seq=_next_seq(plan),
            kind=VersionKind.SUPPLEMENTAL if has_approved else VersionKind.INITIAL,
            document_number=document_number, document_date=document_date, note=note, target=target,
            baseline=baseline, curve=curve, monthly_targets=phasing_for(unit, year, metric, target, curve, baseline, last_year),
            created_by=user, allocation=allocation,
        )
        change_record(unit=unit, year=year, metric=metric, action=ChangeAction.VERSION_ADDED, user=user,
                      subject=_version_subject(version), new=figure_text(target, metric))
        if approve:
            plan_version_approve(user=user, version=version, check_permission=check_permission)
    return version


def _version_subject(version):
    label = f"{version.get_kind_display()} (v{version.seq})"
    return f"{label} {version.document_number}".strip()


def plan_version_approve(*, user, version, check_permission=True, document_number=None, document_date=None,
                         reason=""):
    """Put a version in force. From the confirmation page the approver gives the document it is approved by."""
    if check_permission and not can_set_plans(user, version.plan.unit):
        raise PermissionDenied
    if version.status == PlanStatus.APPROVED:
        return version
    previous = PlanVersion.objects.filter(plan=version.plan, status=PlanStatus.APPROVED).order_by("-seq").first()
    version.status, version.approved_by, version.approved_at = PlanStatus.APPROVED, user, timezone.now()
    if document_number is not None:
        version.document_number, version.document_date = document_number.strip(), document_date
    version.save(update_fields=["status", "approved_by", "approved_at", "document_number", "document_date"])
    plan = version.plan
    change_record(unit=plan.unit, year=plan.year, metric=plan.metric, action=ChangeAction.VERSION_APPROVED, user=user,
                  subject=_version_subject(version),
                  old=figure_text(previous.target, plan.metric) if previous else "",
                  new=figure_text(version.target, plan.metric), reason=(reason or "").strip())
    return version


def phasing_validate(monthly_targets, target, metric):
    """Twelve cumulative figures that never go down and end on the target; errors name the month."""
    if len(monthly_targets) != 12:
        raise ValidationError(_("Give twelve monthly figures."))
    errors = []
    for month, value in enumerate(monthly_targets, start=1):
        if value < 0:
            errors.append(_("Month %(month)s: cannot be negative.") % {"month": month})
        elif month > 1 and value < monthly_targets[month - 2]:
            errors.append(_("Month %(month)s: a cumulative figure cannot fall below the month before.") % {
                "month": month})
    if Decimal(monthly_targets[-1]) != Decimal(target):
        errors.append(_("Month 12: December must equal the plan's target (%(target)s).") % {
            "target": figure_text(target, metric)})
    if errors:
        raise ValidationError(errors)


def phasing_set(*, user, version, curve, monthly_targets=None):
    """Re-phase a version from a named curve, or from twelve figures typed by hand (curve CUSTOM)."""
    plan = version.plan
    if not can_edit_phasing(user, plan.unit):
        raise PermissionDenied
    if curve == Curve.CUSTOM:
        values = [Decimal(v) for v in monthly_targets]
        phasing_validate(values, version.target, plan.metric)
        new = [int(v) if v == v.to_integral_value() else float(v) for v in values]
    else:
        new = phasing_for(plan.unit, plan.year, plan.metric, version.target, curve, version.baseline)
    old = list(version.monthly_targets)
    if new == old and curve == version.curve:
        return version
    version.curve, version.monthly_targets = curve, new
    version.save(update_fields=["curve", "monthly_targets"])
    change_record(unit=plan.unit, year=plan.year, metric=plan.metric, action=ChangeAction.PHASING_CHANGED, user=user,
                  subject=f"{_version_subject(version)} · {version.get_curve_display()}",
                  old=phasing_text(old, plan.metric), new=phasing_text(new, plan.metric))
    return version
