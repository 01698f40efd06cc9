"""What a dashboard shows, read from the progress snapshot tables only.

A dashboard costs a fixed number of queries whatever the size of its area: the figures of
the unit, its month-end history, its children's figures and its breakdowns are each one query
on the snapshot tables. `unit=None` is the whole country (the engine keys it on a NULL unit).
"""

import calendar
import datetime
from dataclasses import dataclass, field
from decimal import Decimal

from django.db import connection
from django.db.models import F, Max

from enrollment.progress.models import (
    BreakdownDimension,
    ProgressBreakdown,
    ProgressChange,
    ProgressMetric,
    ProgressSnapshot,
    RecomputeRun,
    RecomputeStatus,
)
from enrollment.progress.selectors.freshness import Freshness, moment_of
from enrollment.shared.models.users import OFFICE_ROLES, Role
from enrollment.shared.months import same_day_last_year
from enrollment.shared.scoping import scope_path, scope_queryset
from enrollment.territory.models.units import CodeSet, Level

PLAN_METRIC_CHOICES = [
    (ProgressMetric.SI_PARTICIPANTS, ProgressMetric.SI_PARTICIPANTS.label),
    (ProgressMetric.SI_NEW, ProgressMetric.SI_NEW.label),
    (ProgressMetric.HI_HOUSEHOLD, ProgressMetric.HI_HOUSEHOLD.label),
    (ProgressMetric.COVERAGE, ProgressMetric.COVERAGE.label),
]
RENEWAL_METRICS = (ProgressMetric.RENEWALS_DUE, ProgressMetric.RENEWALS_PAID, ProgressMetric.RENEWALS_PROMISED,
                   ProgressMetric.RENEWALS_LAPSED)

# The breakdowns each level of dashboard shows beside its children.
BREAKDOWNS_BY_LEVEL = {
    None: (BreakdownDimension.AGENT_TYPE, BreakdownDimension.TARGET_GROUP),
    Level.PROVINCE: (BreakdownDimension.AGENT_TYPE, BreakdownDimension.CAMPAIGN, BreakdownDimension.TARGET_GROUP),
    Level.DISTRICT: (BreakdownDimension.OFFICER, BreakdownDimension.AGENT_STAFF, BreakdownDimension.AGENT_TYPE,
                     BreakdownDimension.TARGET_GROUP),
    Level.COMMUNE: (BreakdownDimension.AGENT_STAFF, BreakdownDimension.AGENT_TYPE, BreakdownDimension.TARGET_GROUP),
    Level.VILLAGE: (BreakdownDimension.AGENT_TYPE, BreakdownDimension.TARGET_GROUP),
}

# Dashboards are for the offices and the viewers of an area; agent staff follow their own
# organisation's figures on the agents' pages (docs/ACCESS_POLICY.md).
DASHBOARD_ROLES = (*OFFICE_ROLES, Role.VIEWER)
# Breakdowns that name officers and agent staff: for the offices that manage them.
PERSON_DIMENSIONS = (BreakdownDimension.OFFICER, BreakdownDimension.AGENT_STAFF)

RANKING = (F("achievement_in_force").desc(nulls_last=True), F("achievement_initial").desc(nulls_last=True),
           "unit__name")
# Ranked by growth on last year instead: the percent, then the difference.
RANKING_BY_GROWTH = (F("growth_percent").desc(nulls_last=True), F("growth").desc(nulls_last=True), "unit__name")
RANKINGS = {"plan": RANKING, "growth": RANKING_BY_GROWTH}


@dataclass
class Dashboard:
    unit: object  # a Unit, or None for the whole country
    requested: datetime.date
    shown: datetime.date | None
    metric: str
    ranking: str = "plan"  # the units below by % of plan, or by growth on last year
    figures: dict = field(default_factory=dict)  # metric → ProgressSnapshot
    history: list = field(default_factory=list)  # ProgressSnapshot of `metric` at each month end, then `shown`
    new_history: list = field(default_factory=list)  # new participants of the month at each month end, then `shown`
    children: list = field(default_factory=list)  # ProgressSnapshot of `metric` for each child, with its unit
    breakdowns: dict = field(default_factory=dict)  # dimension → [ProgressBreakdown]
    dimensions: tuple = ()  # the breakdowns this reader may see at this level
    code_set: str = CodeSet.CURRENT  # of the country's children: the former provinces in the legacy view

    @property
    def level(self):
        return self.unit.level if self.unit else None

    @property
    def main(self):
        return self.figures.get(self.metric)

    @property
    def new_by_month(self):
        return new_by_month(self.new_history, self.shown)

    @property
    def last_year_day(self):
        return same_day_last_year(self.shown) if self.shown else None


def _unit_filter(unit):
    return {"unit": unit} if unit is not None else {"unit__isnull": True}


def children_filter(unit, code_set=CodeSet.CURRENT):
    """The units one level below: provinces of the 2025 set for the country (of `code_set`: the former
    provinces in the legacy view)."""
    if unit is None:
        return {"unit__level": Level.PROVINCE, "unit__code_set": code_set}
    return {"unit__parent": unit}


def dashboard_audience(user):
    """Who reads, as far as a dashboard's content depends on it besides its unit: part of every
    cache key of the dashboards. None for a role that reads no dashboard."""
    if not user.is_authenticated or user.role not in DASHBOARD_ROLES:
        return None
    return "office" if user.role in OFFICE_ROLES else "viewer"


def visible_dimensions(user):
    """The breakdowns a reader may see at all."""
    audience = dashboard_audience(user)
    if audience is None:
        return ()
    return tuple(d for d in BreakdownDimension if audience == "office" or d not in PERSON_DIMENSIONS)


def dimensions_for(user, level):
    """The breakdowns a dashboard of `level` (None: the country) shows this reader."""
    return tuple(d for d in BREAKDOWNS_BY_LEVEL[level] if d in visible_dimensions(user))


def snapshots(user):
    if dashboard_audience(user) is None:
        return ProgressSnapshot.objects.none()
    return scope_queryset(user, ProgressSnapshot.objects.all(), legacy=True)


def breakdowns(user):
    audience = dashboard_audience(user)
    if audience is None:
        return ProgressBreakdown.objects.none()
    rows = scope_queryset(user, ProgressBreakdown.objects.all(), legacy=True)
    return rows if audience == "office" else rows.exclude(dimension__in=PERSON_DIMENSIONS)


def shown_date(user, unit, on_or_before):
    """The latest snapshot of the unit on or before the day asked for, or None."""
    return snapshots(user).filter(date__lte=on_or_before, **_unit_filter(unit)).aggregate(d=Max("date"))["d"]


def month_ends(year, until):
    ends = [datetime.date(year, m, calendar.monthrange(year, m)[1]) for m in range(1, 13)]
    return [d for d in ends if d < until] + [until]


def dashboard_for(user, unit, on_or_before, metric=ProgressMetric.SI_PARTICIPANTS, ranking="plan",
                  code_set=CodeSet.CURRENT):
    """Everything one dashboard draws. The caller has already checked that `unit` is in scope.
    `code_set` legacy: the country's dashboard ranks the former provinces."""
    if unit is None and scope_path(user) != "":
        raise PermissionError("the national dashboard is for national users")
    shown = shown_date(user, unit, on_or_before)
    board = Dashboard(unit=unit, requested=on_or_before, shown=shown, metric=metric, ranking=ranking,
                      dimensions=dimensions_for(user, unit.level if unit else None), code_set=code_set)
    if shown is None:
        return board
    own = snapshots(user).filter(**_unit_filter(unit))
    board.figures = {s.metric: s for s in own.filter(date=shown)}
    history = own.filter(metric__in={metric, ProgressMetric.SI_NEW_MONTH}, date__in=month_ends(shown.year, shown))
    for row in history.order_by("date"):
        if row.metric == metric:
            board.history.append(row)
        if row.metric == ProgressMetric.SI_NEW_MONTH:
            board.new_history.append(row)
    board.children = list(
        snapshots(user).filter(date=shown, metric=metric, **children_filter(unit, code_set))
        .select_related("unit").order_by(*RANKINGS.get(ranking, RANKING))
    )
    for row in breakdowns(user).filter(date=shown, dimension__in=board.dimensions, **_unit_filter(unit)).order_by(
            "dimension", "-new_participants", "key"):
        board.breakdowns.setdefault(row.dimension, []).append(row)
    return board


def new_by_month(new_history, shown):
    """[(first of month, new participants or None)] from January to the month of `shown`, as the
    engine stored them at each month end (and at `shown` for its month so far). A month end
    without a row for the unit has no figures: None, never zero."""
    if shown is None:
        return []
    in_month = {row.date: row.actual for row in new_history}
    return [(end.replace(day=1), None if end not in in_month else int(in_month[end]))
            for end in month_ends(shown.year, shown)]


def new_by_month_of(user, unit, shown):
    """The same for a table page, in one query."""
    if shown is None:
        return []
    rows = snapshots(user).filter(metric=ProgressMetric.SI_NEW_MONTH, date__in=month_ends(shown.year, shown),
                                  **_unit_filter(unit))
    return new_by_month(rows, shown)


def figures_version():
    """What changes whenever a recompute finishes, the only writer of figures: part of the dashboards'
    cache keys. One indexed query."""
    return figures_state()[0]


def figures_state():
    """(figures version, Freshness) in one query: the dashboards read both on every page.

    A run commits its figures before it is marked done, so a page built in between is cached under the
    previous version and built again once the run is done; never the other way round."""
    runs = RecomputeRun._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(
            # The latest finish, not the highest id: a run taken over from a stopped worker finishes late.
            f"SELECT (SELECT MAX(finished_at) FROM {runs} WHERE status = %s), "
            f"(SELECT MAX(id) FROM {runs} WHERE status = %s), "
            # The newest row, from the primary key's index: apart from the runs, what tells one database's figures
            # from another's (a database restored or seeded again under the same cache).
            f"(SELECT MAX(id) FROM {ProgressSnapshot._meta.db_table}), "
            f"(SELECT started_at FROM {runs} WHERE status = %s ORDER BY id DESC LIMIT 1), "
            f"(SELECT COUNT(*) FROM {ProgressChange._meta.db_table}), "
            f"(SELECT MIN(created_at) FROM {ProgressChange._meta.db_table})",
            [RecomputeStatus.DONE] * 3)
        finished_at, run, newest, as_of, waiting, oldest = cursor.fetchone()
    version = f"{finished_at}-{run}-{newest}".replace(" ", "T")  # SQLite hands the time back as text
    return version, Freshness(as_of=moment_of(as_of), waiting=waiting or 0, oldest_waiting=moment_of(oldest))


def achievement(snapshot):
    """The percent a child is ranked by: against the plan in force, else the initial plan."""
    if snapshot is None:
        return None
    value = snapshot.achievement_in_force if snapshot.achievement_in_force is not None else snapshot.achievement_initial
    return Decimal(value) if value is not None else None
