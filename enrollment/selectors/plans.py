"""Reading plans: the version in force, the initial one, and the figure phased to a day."""

from enrollment.models.plans import Metric, Plan, PlanStatus, PlanVersion
from enrollment.services.phasing import phased_value


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
