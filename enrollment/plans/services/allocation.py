"""Allocating a unit's plan to all its children: by hand, by rule or by upload; draft, then approval.

Approval by a manager above the district level (national administrator or provincial manager
whose area holds the unit) turns the lines into the children's plan versions. A district user
can prepare the allocation of its own plan to its communes but cannot approve it.
"""

import datetime
import re
from dataclasses import dataclass
from decimal import ROUND_FLOOR, Decimal

from django.core.exceptions import PermissionDenied, ValidationError
from django.db import transaction
from django.db.models import Max
from django.utils import timezone
from django.utils.translation import gettext as _

from enrollment.plans.models.plans import (
    Allocation,
    AllocationLine,
    AllocationRule,
    ChangeAction,
    Curve,
    Metric,
    Plan,
    PlanStatus,
    PlanVersion,
)
from enrollment.plans.selectors.actuals import actuals
from enrollment.plans.selectors.plans import plan_in_force
from enrollment.plans.services.versions import (
    change_record,
    figure_text,
    last_year_patterns,
    plan_version_create,
)
from enrollment.shared.models.users import MANAGER_ROLES, OFFICE_ROLES
from enrollment.shared.scoping import unit_in_scope
from enrollment.territory.models.units import LabourForce


def quantum(metric):
    return Decimal("0.01") if Metric.is_rate(metric) else Decimal(1)


def can_allocate(user, unit):
    return user.role in OFFICE_ROLES and unit_in_scope(user, unit)


def can_approve_allocation(user, unit):
    """Only a manager above the allocating office approves: never district staff, whatever their area."""
    return user.role in MANAGER_ROLES and unit_in_scope(user, unit)


GROUPED = re.compile(r"^\d{1,3}([.,]\d{3})+$")
DECIMAL = re.compile(r"^\d+([.,]\d+)?$")


def parse_figure(text, metric):
    """A figure typed by a Vietnamese user: "1.234" or "1234" people; "8,5" or "8.5" percent.

    For people, a separator followed by three digits groups thousands; anything else after a
    separator is a fraction, which a count of people cannot have.
    """
    typed = str(text).strip()
    text = typed.replace(" ", "").replace("\u00a0", "")
    if not text:
        raise ValueError(_("required"))
    digits = text[1:] if text[0] in "-+" else text
    if not DECIMAL.match(digits) and not GROUPED.match(digits):
        raise ValueError(_("“%(value)s” is not a number") % {"value": typed})
    if text.startswith("-") and digits.strip("0.,"):
        raise ValueError(_("cannot be negative"))
    if Metric.is_rate(metric):
        value = Decimal(digits.replace(",", "."))
        if value > 100:
            raise ValueError(_("a rate is at most 100%"))
        return value.quantize(Decimal("0.01"))
    if GROUPED.match(digits):
        value = Decimal(digits.replace(".", "").replace(",", ""))
    else:
        value = Decimal(digits.replace(",", "."))
        if value != value.to_integral_value():
            raise ValueError(_("“%(value)s” is not a whole number") % {"value": typed})
    if value >= Decimal("1e10"):
        raise ValueError(_("is too large"))
    return value.to_integral_value()


def largest_remainder(total, weights, step=Decimal(1)):
    """Split `total` in proportion to `weights` in multiples of `step`, adding up exactly.

    Each share is rounded down, then the steps left over go to the largest remainders (ties to
    the earlier item), so the shares always sum to the total.
    """
    total, weights = Decimal(total), [Decimal(w) for w in weights]
    weight_sum = sum(weights)
    if not weights:
        return []
    if weight_sum <= 0:
        raise ValueError("weights must not all be zero")
    exact = [total * w / weight_sum for w in weights]
    shares = [(e / step).to_integral_value(rounding=ROUND_FLOOR) * step for e in exact]
    left = int(((total - sum(shares)) / step).to_integral_value())
    order = sorted(range(len(weights)), key=lambda i: (-(exact[i] - shares[i]), i))
    for i in order[:left]:
        shares[i] += step
    return shares


def _labour_force_weights(children, year):
    latest = {}
    for unit_id, record_year, value in LabourForce.objects.filter(
        unit__in=children, year__lte=year
    ).values_list("unit_id", "year", "labour_force"):
        if unit_id not in latest or record_year > latest[unit_id][0]:
            latest[unit_id] = (record_year, value)
    missing = [c for c in children if not latest.get(c.pk, (0, 0))[1]]
    if missing:
        raise ValidationError(_("No labour force figure up to %(year)s for: %(units)s.") % {
            "year": year, "units": ", ".join(f"{c.code} {c.name}" for c in missing)})
    return [latest[c.pk][1] for c in children]


def _last_year_weights(children, year):
    figures = actuals(children, year - 1, Metric.SI_PARTICIPANTS, datetime.date(year - 1, 12, 31))
    weights = [Decimal(figures.get(c.pk) or 0) for c in children]
    if sum(weights) <= 0:
        raise ValidationError(_("There are no participant figures of %(year)s for these units yet.") % {
            "year": year - 1})
    return weights


def rule_targets(*, children, year, metric, rule, total):
    """{child_id: target} by a rule. A rate (coverage) is not split: every child gets the parent's rate."""
    children = list(children)
    if not children:
        return {}
    total = Decimal(total)
    if Metric.is_rate(metric):
        return {c.pk: total for c in children}
    if rule == AllocationRule.LABOUR_FORCE:
        weights = _labour_force_weights(children, year)
    elif rule == AllocationRule.LAST_YEAR:
        weights = _last_year_weights(children, year)
    elif rule == AllocationRule.EQUAL:
        weights = [1] * len(children)
    else:
        raise ValidationError(_("Choose a rule."))
    shares = largest_remainder(total, weights, quantum(metric))
    return {c.pk: share for c, share in zip(children, shares)}


@dataclass
class Totals:
    parent: Decimal | None
    allocated: Decimal
    difference: Decimal | None  # allocated − parent: above zero over-allocated, below under-allocated

    @property
    def state(self):
        if self.difference is None:
            return "no_plan"
        if self.difference > 0:
            return "over"
        if self.difference < 0:
            return "under"
        return "exact"


def totals_for(parent_target, targets, metric, weights=None):
    """Children against the parent: a sum for people, a labour-force-weighted mean for a rate."""
    values = [Decimal(v) for v in targets if v is not None]
    if Metric.is_rate(metric):
        if weights and sum(weights) > 0 and len(weights) == len(values):
            allocated = sum(v * w for v, w in zip(values, weights)) / sum(weights)
        else:
            allocated = sum(values) / len(values) if values else Decimal(0)
        allocated = allocated.quantize(Decimal("0.01"))
    else:
        allocated = sum(values, Decimal(0))
    difference = None if parent_target is None else allocated - Decimal(parent_target)
    return Totals(parent=parent_target, allocated=allocated, difference=difference)


def _check_complete(children, targets):
    child_ids = {c.pk for c in children}
    unknown = set(targets) - child_ids
    missing = [c for c in children if c.pk not in targets]
    errors = []
    if unknown:
        errors.append(_("Some units are not children of this unit."))
    if missing:
        errors.append(_("Missing rows for: %(units)s.") % {"units": ", ".join(f"{c.code} {c.name}" for c in missing)})
    if errors:
        raise ValidationError(errors)


def allocation_save(*, user, unit, year, metric, targets, rule=AllocationRule.MANUAL, document_number="",
                    document_date=None, note=""):
    """Save the children's targets as the draft allocation of the unit's plan (one draft at a time).

    With an approved allocation already there, the draft is its next version; the old one stays.
    """
    if not can_allocate(user, unit):
        raise PermissionDenied
    children = list(unit.children.order_by("code"))
    if not children:
        raise ValidationError(_("%(unit)s has no units below it to allocate to.") % {"unit": unit.name})
    parent_version = plan_in_force(unit, year, metric)
    if parent_version is None:
        raise ValidationError(_("%(unit)s has no approved %(metric)s plan for %(year)s to allocate.") % {
            "unit": unit.name, "metric": Metric(metric).label, "year": year})
    targets = {getattr(k, "pk", k): Decimal(v) for k, v in targets.items()}
    _check_complete(children, targets)
    if any(v < 0 for v in targets.values()):
        raise ValidationError(_("A target cannot be negative."))
    with transaction.atomic():
        plan = Plan.objects.select_for_update().get(pk=parent_version.plan_id)
        draft = plan.allocations.filter(status=PlanStatus.DRAFT).first()
        reference = draft or plan.allocations.filter(status=PlanStatus.APPROVED).order_by("-seq").first()
        old = {line.unit_id: line.target for line in reference.lines.all()} if reference else {}
        if draft is None:
            seq = (plan.allocations.aggregate(m=Max("seq"))["m"] or 0) + 1
            draft = Allocation.objects.create(plan=plan, seq=seq, created_by=user)
        draft.rule, draft.parent_version = rule, parent_version
        draft.document_number, draft.document_date, draft.note = document_number, document_date, note
        draft.save()
        draft.lines.all().delete()
        AllocationLine.objects.bulk_create(
            [AllocationLine(allocation=draft, unit=c, target=targets[c.pk]) for c in children]
        )
        old_sum = figure_text(sum(old.values()), metric) if old and not Metric.is_rate(metric) else ""
        change_record(unit=unit, year=year, metric=metric, action=ChangeAction.ALLOCATION_SAVED, user=user,
                      subject=_("Allocation %(seq)s · %(rule)s") % {"seq": draft.seq, "rule": draft.get_rule_display()},
                      old=old_sum, new="" if Metric.is_rate(metric) else figure_text(sum(targets.values()), metric))
        for child in children:
            before = old.get(child.pk)
            if before is None or before != targets[child.pk]:
                change_record(unit=child, year=year, metric=metric, action=ChangeAction.ALLOCATION_SAVED, user=user,
                              subject=_("Allocation %(seq)s of %(parent)s") % {"seq": draft.seq, "parent": unit.name},
                              old=figure_text(before, metric), new=figure_text(targets[child.pk], metric))
    return draft


def approval_document_check(document_number, document_date):
    """An approval names its decision: the document number and date are typed, never carried over."""
    errors = []
    if not (document_number or "").strip():
        errors.append(_("Give the number of the approving document."))
    if document_date is None:
        errors.append(_("Give the date of the approving document."))
    if errors:
        raise ValidationError(errors)


def allocation_approve(*, user, allocation, document_number, document_date, reason=""):
    """Make the draft the children's plans: a new plan version for each child whose target changed.

    Children that do not add up to the parent's plan are approved only with the approver's reason,
    which the history keeps.
    """
    plan = allocation.plan
    unit = plan.unit
    if not can_approve_allocation(user, unit):
        raise PermissionDenied
    approval_document_check(document_number, document_date)
    reason = (reason or "").strip()
    with transaction.atomic():
        allocation = Allocation.objects.select_for_update().get(pk=allocation.pk)
        if allocation.status != PlanStatus.DRAFT:
            raise ValidationError(_("This allocation is already approved."))
        lines = list(allocation.lines.select_related("unit"))
        parent_version = plan_in_force(unit, plan.year, plan.metric)
        total = sum((line.target for line in lines), Decimal(0))
        if parent_version and not Metric.is_rate(plan.metric) and total != parent_version.target and not reason:
            raise ValidationError(_(
                "The children add up to %(total)s but the plan of %(unit)s is %(target)s: give the reason for "
                "approving anyway.") % {"total": figure_text(total, plan.metric), "unit": unit.name,
                                        "target": figure_text(parent_version.target, plan.metric)})
        in_force = {
            v.plan.unit_id: v for v in PlanVersion.objects.filter(
                plan__unit__in=[line.unit for line in lines], plan__year=plan.year, plan__metric=plan.metric,
                status=PlanStatus.APPROVED,
            ).select_related("plan").order_by("seq")
        }
        curve = parent_version.curve if parent_version and parent_version.curve != Curve.CUSTOM else Curve.SEASONAL
        children = [line.unit for line in lines]
        baselines = {}
        if Metric.is_stock(plan.metric):
            baselines = actuals(children, plan.year - 1, plan.metric, datetime.date(plan.year - 1, 12, 31))
        series = last_year_patterns(children, plan.year, plan.metric) if curve == Curve.LAST_YEAR else {}
        for line in lines:
            current = in_force.get(line.unit_id)
            if current is not None and current.target == line.target:
                continue
            last_year = series.get(line.unit_id)
            plan_version_create(
                user=user, unit=line.unit, year=plan.year, metric=plan.metric, target=line.target,
                document_number=document_number.strip(), document_date=document_date,
                note=allocation.note or _("Allocated from %(parent)s") % {"parent": unit.name},
                allocation=allocation, approve=True, check_permission=False, curve=curve,
                baseline=Decimal(baselines.get(line.unit_id) or 0),
                last_year=last_year or [],
            )
        allocation.status, allocation.approved_by, allocation.approved_at = PlanStatus.APPROVED, user, timezone.now()
        allocation.document_number, allocation.document_date = document_number.strip(), document_date
        allocation.parent_version = parent_version
        allocation.save(update_fields=["status", "approved_by", "approved_at", "updated_at", "document_number",
                                       "document_date", "parent_version"])
        change_record(unit=unit, year=plan.year, metric=plan.metric, action=ChangeAction.ALLOCATION_APPROVED, user=user,
                      subject=_("Allocation %(seq)s · %(document)s") % {"seq": allocation.seq,
                                                                       "document": allocation.document_number},
                      old="" if Metric.is_rate(plan.metric) or not parent_version
                      else figure_text(parent_version.target, plan.metric),
                      new="" if Metric.is_rate(plan.metric) else figure_text(total, plan.metric), reason=reason)
    return allocation


def allocation_discard(*, user, allocation):
    unit = allocation.plan.unit
    if not can_allocate(user, unit):
        raise PermissionDenied
    if allocation.status != PlanStatus.DRAFT:
        raise ValidationError(_("An approved allocation is kept; change it by saving a new one."))
    change_record(unit=unit, year=allocation.plan.year, metric=allocation.plan.metric,
                  action=ChangeAction.ALLOCATION_DISCARDED, user=user,
                  subject=_("Allocation %(seq)s") % {"seq": allocation.seq})
    allocation.delete()
