"""Figures of communes and villages: the leaves of the rollup, aggregated in SQL with GROUP BY.

The same SQL runs on PostgreSQL and SQLite: the days come in as a VALUES list carrying their
month, previous month and first of year, so no date arithmetic is done by the database.
Definitions (docs/PROGRESS.md): see `enrollment/selectors/register.py`, evaluated at the end of
each snapshot day.
"""

from collections import defaultdict
from dataclasses import dataclass, field

from django.apps import apps
from django.db import connection

from enrollment.progress.models import (
    BreakdownDimension,
    ProgressMetric,
)
from enrollment.progress.services.dates import month_has_ended
from enrollment.register.models.households import Household, HouseholdMember
from enrollment.register.models.participants import (
    LAPSING_OUTCOMES,
    Outcome,
    Participant,
    Payment,
    RenewalOutcome,
)
from enrollment.shared.months import add_months, first_of_month

M = ProgressMetric
D = BreakdownDimension


@dataclass(frozen=True)
class People:
    """Some participants' figures only: those whose ids the SQL `participants` selects, counted
    without the payments whose ids the SQL `without_payments` selects (when given)."""

    participants: str
    without_payments: str = ""


@dataclass
class Leaves:
    """{(unit_id, day): {metric: number}} for communes and villages, and commune breakdowns."""

    figures: dict = field(default_factory=lambda: defaultdict(dict))
    # {(commune_id, day, dimension, key): [new in the year, active, new in the month]}
    breakdowns: dict = field(default_factory=lambda: defaultdict(lambda: [0, 0, 0]))


def has_field(model, name):
    return any(f.name == name for f in model._meta.get_fields())


def _days_cte(days, breakdown_days=()):
    """The days as a VALUES list: each with its month, previous month, first of year, whether its
    month is over, and whether it gets breakdowns."""
    rows = ", ".join(["(%s, %s, %s, %s, %s, %s)"] * len(days))
    params = []
    breakdown_days = set(breakdown_days)
    for day in days:
        month = first_of_month(day)
        params += [day, month, add_months(month, -1), day.replace(month=1, day=1), int(month_has_ended(day)),
                   int(day in breakdown_days)]
    return f"WITH dt(d, m, prev_m, ystart, ended, bd) AS (VALUES {rows})", params


def _scope(column, commune_ids):
    if commune_ids is None:
        return "", []
    if not commune_ids:
        return " AND 1 = 0", []
    return f" AND {column} IN ({', '.join(['%s'] * len(commune_ids))})", list(commune_ids)


def _fetch(sql, params):
    with connection.cursor() as cursor:
        cursor.execute(sql, params)
        return cursor.fetchall()


def _as_date(value):
    # SQLite hands the VALUES days back as text.
    if isinstance(value, str):
        import datetime

        return datetime.date.fromisoformat(value[:10])
    return value


T = {
    "payment": Payment._meta.db_table,
    "participant": Participant._meta.db_table,
    "household": Household._meta.db_table,
    "member": HouseholdMember._meta.db_table,
    "outcome": RenewalOutcome._meta.db_table,
}
VILLAGE_OF_PAYMENT = "CASE WHEN par.commune_id = pay.commune_id THEN par.village_id END"


def _add(leaves, rows, metrics):
    """Rows (commune, village, day, *values): added to the commune and, when set, to the village."""
    for commune_id, village_id, day, *values in rows:
        day = _as_date(day)
        for unit_id in (commune_id, village_id):
            if unit_id is None:
                continue
            target = leaves.figures[(unit_id, day)]
            for metric, value in zip(metrics, values):
                target[metric] = target.get(metric, 0) + (value or 0)


def _gave_up(participant, month):
    """The participant declined, moved away or died when due in `month`."""
    lapsing = ", ".join(f"'{o}'" for o in LAPSING_OUTCOMES)
    return (f"EXISTS (SELECT 1 FROM {T['outcome']} ro WHERE ro.participant_id = {participant} "
            f"AND ro.due_month = {month} AND ro.outcome IN ({lapsing}))")


def _promised(participant, month):
    """The participant promised to pay again when due in `month`."""
    return (f"EXISTS (SELECT 1 FROM {T['outcome']} ro WHERE ro.participant_id = {participant} "
            f"AND ro.due_month = {month} AND ro.outcome = '{Outcome.PROMISED}')")


def active_join():
    """The payments that make a participant active on dt.d: one covering the month, or, while the
    month is not over, the one that ended with the month before (due, still time to pay again)
    unless the person has declined, moved away or died."""
    return (f"JOIN {T['payment']} pay ON (pay.period_start <= dt.m AND pay.period_end >= dt.m) "
            f"OR (dt.ended = 0 AND pay.period_end = dt.prev_m AND NOT {_gave_up('pay.participant_id', 'dt.m')})")


def active_sql(cte, scope, key="", join=""):
    return (
        f"{cte} SELECT pay.commune_id, {key or VILLAGE_OF_PAYMENT}, dt.d, COUNT(DISTINCT pay.participant_id) "
        f"FROM dt {active_join()} "
        f"JOIN {T['participant']} par ON par.id = pay.participant_id {join} WHERE 1 = 1{scope} GROUP BY 1, 2, 3"
    )


NEW_COUNTS = "COUNT(*), COUNT(CASE WHEN par.first_paid_on >= dt.m THEN 1 END)"
FIRST_PAYMENT_COUNTS = ("COUNT(DISTINCT pay.participant_id), "
                        "COUNT(DISTINCT CASE WHEN pay.paid_on >= dt.m THEN pay.participant_id END)")


def new_sql(cte, scope, key="par.village_id"):
    """New participants of the year to the day, and of the day's month to the day."""
    return (
        f"{cte} SELECT par.commune_id, {key}, dt.d, {NEW_COUNTS} "
        f"FROM dt JOIN {T['participant']} par ON par.first_paid_on >= dt.ystart AND par.first_paid_on <= dt.d "
        f"WHERE 1 = 1{scope} GROUP BY 1, 2, 3"
    )


def household_sql(cte, scope):
    return (
        f"{cte} SELECT h.commune_id, h.village_id, dt.d, COUNT(*) "
        f"FROM dt JOIN {T['member']} hm ON hm.valid_from <= dt.d AND hm.valid_to >= dt.d "
        f"JOIN {T['household']} h ON h.id = hm.household_id WHERE 1 = 1{scope} GROUP BY 1, 2, 3"
    )


def renewals_sql(cte, scope, paid_scope="", unit="pay.commune_id", village=VILLAGE_OF_PAYMENT):
    """Due, paid again and lapsed of the day's month, by `unit` and `village` (SQL of a payment and its person)."""
    gave_up = _gave_up("due.participant_id", "due.m")
    return (
        f"{cte}, due AS (SELECT {unit} AS commune_id, {village} AS village_id, dt.d, dt.m, dt.ended, "
        f"pay.participant_id, EXISTS (SELECT 1 FROM {T['payment']} p2 WHERE p2.participant_id = pay.participant_id "
        f"AND p2.period_start = dt.m{paid_scope}) AS paid "
        f"FROM dt JOIN {T['payment']} pay ON pay.period_end = dt.prev_m "
        f"JOIN {T['participant']} par ON par.id = pay.participant_id WHERE 1 = 1{scope}) "
        f"SELECT commune_id, village_id, d, COUNT(DISTINCT participant_id), "
        f"COUNT(DISTINCT CASE WHEN paid THEN participant_id END), "
        f"COUNT(DISTINCT CASE WHEN NOT paid AND (ended = 1 OR {gave_up}) THEN participant_id END), "
        f"COUNT(DISTINCT CASE WHEN NOT paid AND ended = 0 AND NOT {gave_up} AND {_promised('due.participant_id', 'due.m')} "
        f"THEN participant_id END) "
        f"FROM due GROUP BY 1, 2, 3"
    )


def first_payment_new_sql(cte, scope, key, join=""):
    """New participants of the year to the day, by an attribute of their first payment."""
    return (
        f"{cte} SELECT pay.commune_id, {key}, dt.d, {FIRST_PAYMENT_COUNTS} "
        f"FROM dt JOIN {T['payment']} pay ON pay.is_first AND pay.paid_on >= dt.ystart AND pay.paid_on <= dt.d "
        f"{join} WHERE 1 = 1{scope} GROUP BY 1, 2, 3"
    )


def _dimension_keys():
    """(dimension, key SQL, join SQL, source of new participants) for each breakdown the schema allows."""
    dims = [
        (D.TARGET_GROUP, "par.target_group", "", "participant"),
        (D.OFFICER, "pay.mobilised_by_staff_id", "", "payment"),
    ]
    if has_field(Payment, "mobilised_by_agent"):
        dims.append((D.AGENT_STAFF, "pay.mobilised_by_agent_id", "", "payment"))
        staff = apps.get_model("agents", "AgentStaff")
        point = staff._meta.get_field("point").related_model
        organisation = point._meta.get_field("organisation").related_model
        join = (f"LEFT JOIN {staff._meta.db_table} ags ON ags.id = pay.mobilised_by_agent_id "
                f"LEFT JOIN {point._meta.db_table} agp ON agp.id = ags.point_id "
                f"LEFT JOIN {organisation._meta.db_table} ago ON ago.id = agp.organisation_id")
        dims.append((D.AGENT_TYPE, "ago.organisation_type", join, "payment"))
    if has_field(Payment, "campaign"):
        dims.append((D.CAMPAIGN, "pay.campaign_id", "", "payment"))
    return dims


def _with_date_bounds(scopes, days):
    """Redundant lower bounds on the dates each query reads: when a few communes are recomputed for
    recent days, PostgreSQL can then read the (commune, date) indexes instead of every payment the
    communes ever had."""
    earliest_month = add_months(first_of_month(min(days)), -1)
    first_of_year = min(days).replace(month=1, day=1)
    bounds = {"active": ("pay.period_end", earliest_month), "new": ("par.first_paid_on", first_of_year),
              "first": ("pay.paid_on", first_of_year)}
    return {name: (sql + f" AND {bounds[name][0]} >= %s", params + [bounds[name][1]])
            for name, (sql, params) in scopes.items()}


def leaves_compute(days, commune_ids=None, breakdown_days=None, on_step=None, people=None):
    """Aggregate the register for the given days, for every commune or only `commune_ids`;
    breakdowns for `breakdown_days` (default: all the days). With `people` (a `People`), only what
    those participants count, wherever they count (households are not theirs: none)."""
    leaves = Leaves()
    if not days:
        return leaves
    step = on_step or (lambda: None)
    breakdown_days = days if breakdown_days is None else breakdown_days
    cte, day_params = _days_cte(days, breakdown_days)
    paid_scope = ""
    if people is not None:
        pay_scope, pay_ids = f" AND pay.participant_id IN ({people.participants})", []
        par_scope, par_ids = f" AND par.id IN ({people.participants})", []
        hh_scope, hh_ids = _scope("h.commune_id", [])
        if people.without_payments:
            pay_scope += f" AND pay.id NOT IN ({people.without_payments})"
            paid_scope = f" AND p2.id NOT IN ({people.without_payments})"
    else:
        pay_scope, pay_ids = _scope("pay.commune_id", commune_ids)
        par_scope, par_ids = _scope("par.commune_id", commune_ids)
        hh_scope, hh_ids = _scope("h.commune_id", commune_ids)
    scopes = {"active": (pay_scope, pay_ids), "new": (par_scope, par_ids), "first": (pay_scope, pay_ids)}
    if commune_ids is not None and people is None:
        scopes = _with_date_bounds(scopes, days)

    if connection.vendor == "postgresql":
        _pg_grouped(leaves, cte, day_params, scopes, set(breakdown_days))
        step()
        step()
    else:
        active_scope, active_ids = scopes["active"]
        new_scope, new_ids = scopes["new"]
        _add(leaves, _fetch(active_sql(cte, active_scope), day_params + active_ids), [M.SI_PARTICIPANTS])
        step()
        _add(leaves, _fetch(new_sql(cte, new_scope), day_params + new_ids), [M.SI_NEW, M.SI_NEW_MONTH])
        step()
    _add(leaves, _fetch(household_sql(cte, hh_scope), day_params + hh_ids), [M.HI_HOUSEHOLD])
    step()
    _add(leaves, _fetch(renewals_sql(cte, pay_scope, paid_scope), day_params + pay_ids),
         [M.RENEWALS_DUE, M.RENEWALS_PAID, M.RENEWALS_LAPSED, M.RENEWALS_PROMISED])
    step()
    if breakdown_days and connection.vendor != "postgresql":
        cte, day_params = _days_cte(breakdown_days, breakdown_days)
        _breakdowns(leaves, cte, day_params, scopes)
    step()
    return leaves


def _breakdowns(leaves, cte, day_params, scopes):
    (active_scope, active_ids), (new_scope, new_ids), (first_scope, first_ids) = (
        scopes["active"], scopes["new"], scopes["first"])
    for dimension, key, join, new_source in _dimension_keys():
        for commune_id, value, day, count in _fetch(active_sql(cte, active_scope, key, join), day_params + active_ids):
            if value is not None:
                leaves.breakdowns[(commune_id, _as_date(day), dimension, str(value))][1] += count
        if new_source == "participant":
            rows = _fetch(new_sql(cte, new_scope, key), day_params + new_ids)
        else:
            rows = _fetch(first_payment_new_sql(cte, first_scope, key, join), day_params + first_ids)
        for commune_id, value, day, count, in_month in rows:
            if value is not None:
                counts = leaves.breakdowns[(commune_id, _as_date(day), dimension, str(value))]
                counts[0] += count
                counts[2] += in_month


def _grouped(leaves, sql, params, keys, metrics, columns, breakdown_days):
    """Rows of a GROUPING SETS query: (commune, day, grouping mask, *keys, *counts), one count per
    metric (figures) and per column (breakdowns).

    The mask tells which key a row is grouped by (its bit is 0); all bits set is the commune's total.
    """
    width = len(keys)
    for commune_id, day, mask, *values in _fetch(sql, params):
        counts = values[width:]
        day = _as_date(day)
        grouped = [i for i in range(width) if not mask & (1 << (width - 1 - i))]
        if not grouped:
            for metric, count in zip(metrics, counts):
                leaves.figures[(commune_id, day)][metric] = count
            continue
        index = grouped[0]
        value, dimension = values[index], keys[index]
        if value is None:
            continue
        if dimension == "village":
            target = leaves.figures[(value, day)]
            for metric, count in zip(metrics, counts):
                target[metric] = target.get(metric, 0) + count
        elif day in breakdown_days:
            target = leaves.breakdowns[(commune_id, day, dimension, str(value))]
            for column, count in zip(columns, counts):
                target[column] += count


def _pg_grouped(leaves, cte, day_params, scopes, breakdown_days):
    """PostgreSQL: each table is read once, its totals, villages and breakdowns in GROUPING SETS."""
    (active_scope, active_ids), (new_scope, new_ids), (first_scope, first_ids) = (
        scopes["active"], scopes["new"], scopes["first"])
    dims = _dimension_keys()
    joins = " ".join(dict.fromkeys(join for _d, _k, join, _s in dims if join))

    def query(select_from, expressions, scope):
        listed = ", ".join(expressions)
        sets = ", ".join(["()"] + [f"({e})" for e in expressions])
        return (f"{cte} SELECT {select_from[0]}, dt.d, GROUPING({listed}), {listed}, {select_from[1]} "
                f"{select_from[2]} WHERE 1 = 1{scope} GROUP BY {select_from[0]}, dt.d, GROUPING SETS ({sets})")

    def on_breakdown_days(key):
        # Days without breakdowns fold every key into one discarded NULL group.
        return f"CASE WHEN dt.bd = 1 THEN {key} END"

    active_keys = ["village"] + [d for d, _k, _j, _s in dims]
    active = query(("pay.commune_id", "COUNT(DISTINCT pay.participant_id)",
                    f"FROM dt {active_join()} JOIN {T['participant']} par ON par.id = pay.participant_id {joins}"),
                   [VILLAGE_OF_PAYMENT] + [on_breakdown_days(k) for _d, k, _j, _s in dims], active_scope)
    _grouped(leaves, active, day_params + active_ids, active_keys, [M.SI_PARTICIPANTS], [1], breakdown_days)

    by_participant = [(d, k) for d, k, _j, source in dims if source == "participant"]
    new_keys = ["village"] + [d for d, _k in by_participant]
    new = query(("par.commune_id", NEW_COUNTS,
                 f"FROM dt JOIN {T['participant']} par ON par.first_paid_on >= dt.ystart "
                 f"AND par.first_paid_on <= dt.d"),
                ["par.village_id"] + [on_breakdown_days(k) for _d, k in by_participant], new_scope)
    _grouped(leaves, new, day_params + new_ids, new_keys, [M.SI_NEW, M.SI_NEW_MONTH], [0, 2], breakdown_days)

    by_payment = [(d, k) for d, k, _j, source in dims if source == "payment"]
    if by_payment and breakdown_days:
        # Only the breakdown days: these figures have no total to feed.
        cte, day_params = _days_cte(sorted(breakdown_days), breakdown_days)
        first = query(("pay.commune_id", FIRST_PAYMENT_COUNTS,
                       f"FROM dt JOIN {T['payment']} pay ON pay.is_first AND pay.paid_on >= dt.ystart "
                       f"AND pay.paid_on <= dt.d {joins}"),
                      [k for _d, k in by_payment], first_scope)
        _grouped(leaves, first, day_params + first_ids, [d for d, _k in by_payment], [], [0, 2], breakdown_days)
