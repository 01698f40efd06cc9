"""Reading plans: the version in force, the initial one, and the figure phased to a day."""

from dataclasses import dataclass
from decimal import Decimal

from enrollment.plans.models.plans import Metric, Plan, PlanStatus, PlanVersion
from enrollment.plans.phasing import phased_value


def _approved(unit, year, metric):
    return PlanVersion.objects.filter(
        plan__unit=unit, plan__year=year, plan__metric=metric, status=PlanStatus.APPROVED
    ).select_related("plan")


def plan_in_force(unit, year, metric):
    """The latest approved version, or None."""
    return _approved(unit, year, metric).order_by("-seq").first()


def initial_plan(unit, year, metric):
    """The first approved version (the initial plan), or None."""
    return _approved(unit, year, metric).order_by("seq").first()


def phased_target(version, day):
    """Expected cumulative figure of `version` on `day`, interpolated within the month (a Decimal)."""
    if version is None:
        return None
    return phased_value(version.monthly_targets, version.plan.year, day, version.baseline)


def plan_versions_for(units, year):
    """{(unit_id, metric): {"initial": version, "in_force": version}} for approved plans, in one query."""
    unit_ids = [getattr(u, "pk", u) for u in units]
    versions = (
        PlanVersion.objects.filter(plan__unit_id__in=unit_ids, plan__year=year, status=PlanStatus.APPROVED)
        .select_related("plan")
        .order_by("plan_id", "seq")
    )
    result = {}
    for version in versions:
        entry = result.setdefault((version.plan.unit_id, version.plan.metric), {"initial": version})
        entry["in_force"] = version
    return result


def plans_of_unit(unit, year):
    """The unit's plans of a year with their versions, metric by metric (missing metrics: None)."""
    plans = {p.metric: p for p in Plan.objects.filter(unit=unit, year=year).prefetch_related("versions")}
    return [(metric, plans.get(metric)) for metric in Metric.values]


def parent_plan_in_force(unit, year, metric):
    if unit.parent_id is None:
        return None
    return plan_in_force(unit.parent, year, metric)


@dataclass
class GridRow:
    unit: object
    target: Decimal | None  # in the draft (or the approved allocation when there is no draft)
    approved_target: Decimal | None  # in the latest approved allocation
    in_force: object  # the child's plan version in force
    labour_force: int | None

    @property
    def changed(self):
        return self.approved_target is not None and self.target != self.approved_target


@dataclass
class Grid:
    unit: object
    year: int
    metric: str
    parent_version: object
    draft: object
    approved: object
    rows: list
    allocations: list

    @property
    def current(self):
        return self.draft or self.approved


def allocation_grid(unit, year, metric):
    """Everything the allocation page shows, in a handful of queries whatever the number of children."""
    from enrollment.plans.models.plans import Allocation
    from enrollment.territory.models.units import LabourForce

    parent_version = plan_in_force(unit, year, metric)
    children = list(unit.children.order_by("code"))
    allocations = list(
        Allocation.objects.filter(plan__unit=unit, plan__year=year, plan__metric=metric)
        .select_related("created_by", "approved_by", "parent_version").prefetch_related("lines").order_by("-seq")
    )
    draft = next((a for a in allocations if a.status == PlanStatus.DRAFT), None)
    approved = next((a for a in allocations if a.status == PlanStatus.APPROVED), None)
    draft_lines = {line.unit_id: line.target for line in draft.lines.all()} if draft else {}
    approved_lines = {line.unit_id: line.target for line in approved.lines.all()} if approved else {}
    versions = plan_versions_for(children, year)
    labour = {}
    for unit_id, record_year, value in LabourForce.objects.filter(unit__in=children, year__lte=year).values_list(
            "unit_id", "year", "labour_force"):
        if unit_id not in labour or record_year > labour[unit_id][0]:
            labour[unit_id] = (record_year, value)
    rows = [
        GridRow(
            unit=child,
            target=draft_lines.get(child.pk, approved_lines.get(child.pk)) if draft else approved_lines.get(child.pk),
            approved_target=approved_lines.get(child.pk),
            in_force=versions.get((child.pk, metric), {}).get("in_force"),
            labour_force=labour.get(child.pk, (None, None))[1],
        )
        for child in children
    ]
    return Grid(unit=unit, year=year, metric=metric, parent_version=parent_version, draft=draft, approved=approved,
                rows=rows, allocations=allocations)


def plan_history(units_queryset, year=None, metric=None):
    from enrollment.plans.models.plans import PlanChange

    changes = PlanChange.objects.filter(unit__in=units_queryset).select_related("unit", "user")
    if year:
        changes = changes.filter(year=year)
    if metric:
        changes = changes.filter(metric=metric)
    return changes
