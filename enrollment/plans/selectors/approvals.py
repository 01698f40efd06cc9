"""Drafts waiting for a manager's approval, and what a manager reads before approving one."""

from dataclasses import dataclass
from decimal import Decimal

from django.db.models import OuterRef, Subquery, Sum

from enrollment.plans.models.plans import Allocation, Metric, PlanStatus, PlanVersion
from enrollment.plans.selectors.plans import plan_in_force, plan_versions_for
from enrollment.shared.formats import percent_of
from enrollment.shared.models.users import MANAGER_ROLES
from enrollment.shared.scoping import visible_units
from enrollment.territory.models.units import Level

LARGEST_CHANGES = 10


def _awaiting(user, queryset, unit_field):
    if user.role not in MANAGER_ROLES:
        return queryset.none()
    queryset = queryset.filter(status=PlanStatus.DRAFT, **{f"{unit_field}__in": visible_units(user)})
    if user.is_national:
        # Below a province, the provincial manager approves: the national queue holds the provinces' plans.
        queryset = queryset.filter(**{f"{unit_field}__level__lte": Level.PROVINCE})
    return queryset


def allocations_awaiting(user, limit=None):
    """Draft allocations the user is the one to approve, oldest first, each with the children's sum
    (`allocated`), the parent's plan in force (`parent_target`), the `difference` and the `share`, in one query."""
    in_force = (PlanVersion.objects.filter(plan=OuterRef("plan"), status=PlanStatus.APPROVED).order_by("-seq")
                .values("target")[:1])
    drafts = _awaiting(user, Allocation.objects.select_related("plan__unit", "created_by"), "plan__unit").annotate(
        allocated=Sum("lines__target"), parent_target=Subquery(in_force)).order_by("updated_at")
    drafts = list(drafts[:limit] if limit else drafts)
    for draft in drafts:
        comparable = draft.parent_target is not None and not Metric.is_rate(draft.plan.metric)
        draft.allocated = draft.allocated or 0  # a draft with no figures yet allocates nothing
        draft.difference = draft.allocated - draft.parent_target if comparable else None
        draft.share = percent_of(draft.allocated, draft.parent_target) if comparable else None
        draft.matches = draft.difference in (None, 0)
    return drafts


def versions_awaiting(user):
    """Draft plan versions the user is the one to approve, oldest first."""
    return _awaiting(user, PlanVersion.objects.select_related("plan__unit", "created_by"),
                     "plan__unit").order_by("created_at")


@dataclass
class ChildChange:
    unit: object
    before: Decimal | None  # the child's plan in force
    after: Decimal

    @property
    def change(self):
        return self.after - (self.before or 0)


@dataclass
class AllocationReview:
    allocation: Allocation
    parent_version: PlanVersion | None
    allocated: Decimal
    changes: list  # the largest changes first
    children_count: int
    previous_document: str

    @property
    def metric(self):
        return self.allocation.plan.metric

    @property
    def parent_target(self):
        return self.parent_version.target if self.parent_version else None

    @property
    def difference(self):
        if self.parent_target is None or Metric.is_rate(self.metric):
            return None
        return self.allocated - self.parent_target

    @property
    def matches(self):
        return self.difference in (None, 0)

    @property
    def share(self):
        """The children's sum as a percent of the parent's plan."""
        if not self.parent_target or Metric.is_rate(self.metric):
            return None
        return percent_of(self.allocated, self.parent_target)


def allocation_review(allocation):
    """Parent against the sum of the children, and the children whose plan changes most."""
    plan = allocation.plan
    lines = list(allocation.lines.select_related("unit"))
    parent_version = plan_in_force(plan.unit, plan.year, plan.metric)
    versions = plan_versions_for([line.unit_id for line in lines], plan.year)
    changes = []
    for line in lines:
        in_force = versions.get((line.unit_id, plan.metric), {}).get("in_force")
        changes.append(ChildChange(unit=line.unit, before=in_force.target if in_force else None, after=line.target))
    changes.sort(key=lambda c: (-abs(c.change), c.unit.code))
    previous = (allocation.plan.allocations.filter(status=PlanStatus.APPROVED).exclude(pk=allocation.pk)
                .order_by("-seq").first())
    return AllocationReview(
        allocation=allocation, parent_version=parent_version,
        allocated=sum((line.target for line in lines), Decimal(0)),
        changes=[c for c in changes if c.change][:LARGEST_CHANGES], children_count=len(lines),
        previous_document=previous.document_number if previous else "",
    )


def previous_version(version):
    """The version in force before this draft, if any."""
    return plan_in_force(version.plan.unit, version.plan.year, version.plan.metric)
