"""Agent performance per staff member, point and organisation, and the emulation leaderboards."""

from dataclasses import dataclass, field
from datetime import date
from decimal import Decimal

from django.utils.translation import gettext_lazy as _

from agents.organisations.models import CollectionPoint, OrganisationType
from agents.performance.selectors.performance import (
    months_of,
    new_by_agent_month,
    new_by_officer,
    new_hi_by_agent_month,
    renewals_by_agent_month,
    renewals_by_officer,
)
from agents.quotas.models import (
    AgentStaffQuota,
    CollectionPointQuota,
    OrganisationQuota,
)
from agents.quotas.selectors import targets_for_months
from agents.shared.levels import Level
from enrollment.plans.models.plans import Metric
from enrollment.plans.models.quotas import OfficerQuota
from enrollment.shared.formats import percent_of


@dataclass
class PerformanceRow:
    pk: int
    name: str
    parent: str
    new: int = 0
    renewals: int = 0
    target: Decimal | None = None
    by_month: dict = field(default_factory=dict)
    rank: int = 0
    partial: bool = False  # an organisation only part of which the user sees
    year_target: Decimal | None = None  # the whole year's quota, beside the phased one (national networks)

    @property
    def percent(self):
        return percent_of(self.new, self.target)

    @property
    def year_percent(self):
        return percent_of(self.new, self.year_target)


# What "% of quota" is measured against over a period (docs/AGENTS.md): the quota of the months of
# the period (monthly quotas, a twelfth of a whole-year quota per month), or the whole year's.
PHASED, WHOLE_YEAR = "phased", "year"
QUOTA_BASES = [(PHASED, _("the quota phased to this period")), (WHOLE_YEAR, _("the year's quota"))]


def quota_months(start, end, basis=PHASED):
    """The months whose quotas a period is measured against."""
    months = months_of(start, end)
    if basis != WHOLE_YEAR:
        return months
    return [date(year, month, 1) for year in sorted({m.year for m in months}) for month in range(1, 13)]


def _minus_when_none(value):
    return value if value is not None else Decimal(-1)


def agent_performance(level, staff, points, organisations, start, end, metric=Metric.SI_NEW, basis=PHASED):
    """Rows for the level over [start, end]; staff/points/organisations are already scoped querysets.

    `metric`: new voluntary SI participants (counted, docs/AGENTS.md) or new household HI participants
    (reported), each against the quotas of that metric; `basis`: the quotas of the period's months or
    of the whole year."""
    months = quota_months(start, end, basis)
    new = (new_hi_by_agent_month if metric == Metric.HI_HOUSEHOLD else new_by_agent_month)(staff, start, end)
    renewals = renewals_by_agent_month(staff, start, end)
    members = list(staff.values_list("pk", "full_name", "point_id", "point__name", "point__organisation_id",
                                     "point__organisation__name"))
    if level == Level.STAFF:
        targets = targets_for_months(AgentStaffQuota, staff, months, metric)
        rows = {pk: PerformanceRow(pk, name, point_name, target=targets.get(pk))
                for pk, name, _point, point_name, _org, _org_name in members}
        owner_of = {pk: pk for pk, *_ in members}
    elif level == Level.POINT:
        targets = targets_for_months(CollectionPointQuota, points, months, metric)
        rows = {pk: PerformanceRow(pk, name, org_name, target=targets.get(pk))
                for pk, name, org_name in points.values_list("pk", "name", "organisation__name")}
        owner_of = {pk: point for pk, _n, point, *_ in members}
    else:
        targets = _organisation_targets(organisations, points, months, metric)
        rows = {pk: PerformanceRow(pk, name, OrganisationType(kind).label, target=targets.get(pk),
                                   partial=pk in targets.partial)
                for pk, name, kind in organisations.values_list("pk", "name", "organisation_type")}
        owner_of = {pk: org for pk, _n, _p, _pn, org, _on in members}
    for agent_id, owner_id in owner_of.items():
        row = rows.get(owner_id)
        if row is None:
            continue
        for month, n in new.get(agent_id, {}).items():
            row.new += n
            row.by_month[month] = row.by_month.get(month, 0) + n
        row.renewals += sum(renewals.get(agent_id, {}).values())
    return list(rows.values())


class OrganisationTargets(dict):
    """{organisation_id: target}, and the organisations seen only in part (`partial`)."""

    partial = frozenset()


def _organisation_targets(organisations, points, months, metric=Metric.SI_NEW):
    """Compare like with like: the actual of an organisation is the sum of the staff the user sees, so
    for an organisation with points outside the user's area (the provincial post office seen from a
    district) the target is the sum of the quotas of the points the user sees, not the whole quota."""
    targets = OrganisationTargets(targets_for_months(OrganisationQuota, organisations, months, metric))
    partial = set(CollectionPoint.objects.filter(organisation__in=organisations).exclude(pk__in=points)
                  .values_list("organisation_id", flat=True).order_by().distinct())
    if not partial:
        return targets
    seen_points = dict(points.filter(organisation_id__in=partial).values_list("pk", "organisation_id"))
    for organisation_id in partial:
        targets.pop(organisation_id, None)
    for point_id, target in targets_for_months(CollectionPointQuota, list(seen_points), months, metric).items():
        organisation_id = seen_points[point_id]
        targets[organisation_id] = targets.get(organisation_id, Decimal(0)) + target
    targets.partial = frozenset(partial)
    return targets


def officer_performance(officers, start, end, basis=PHASED):
    months = quota_months(start, end, basis)
    targets = targets_for_months(OfficerQuota, officers, months)
    new = new_by_officer(officers, start, end)
    renewals = renewals_by_officer(officers, start, end)
    return [
        PerformanceRow(pk, name, unit_name, new=new.get(pk, 0), renewals=renewals.get(pk, 0), target=targets.get(pk))
        for pk, name, unit_name in officers.values_list("pk", "full_name", "unit__name")
    ]


def network_ranking(branches, staff, points, start, end, by=PHASED):
    """The branches of a national network over [start, end], each with both shares: of the quota phased to the
    period (`target`, `percent`) and of the year's quota (`year_target`, `year_percent`), ranked by `by` (PHASED,
    WHOLE_YEAR, or "new"). `branches`, `staff` and `points` are already scoped: a provincial office gets its
    branch only."""
    rows = agent_performance(Level.ORGANISATION, staff, points, branches, start, end, basis=PHASED)
    year = _organisation_targets(branches, points, quota_months(start, end, WHOLE_YEAR))
    units = dict(branches.values_list("pk", "unit__name"))
    for row in rows:
        row.year_target, row.parent = year.get(row.pk), units.get(row.pk, row.parent)
    return ranked(rows, by={PHASED: "percent", WHOLE_YEAR: "year_percent"}.get(by, "new"))


def ranked(rows, by="new"):
    """Competition ranking (1, 2, 2, 4): by people brought in, or by % of quota (phased: "percent"; of the year's
    quota: "year_percent")."""
    if by == "new":
        def key(r):
            return r.new, r.renewals
    else:
        attribute = "year_percent" if by == "year_percent" else "percent"

        def key(r):
            return _minus_when_none(getattr(r, attribute)), r.new
    rows = sorted(rows, key=lambda r: (key(r), -r.pk), reverse=True)
    previous, rank = None, 0
    for position, row in enumerate(rows, start=1):
        if key(row) != previous:
            rank, previous = position, key(row)
        row.rank = rank
    return rows
