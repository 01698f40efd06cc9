"""Rolling commune figures up the tree in SQL: district, province and the whole country.

Reads the commune rows already written in this transaction, so an incremental run that
recomputed a few communes sums them with the untouched rows of their siblings.
"""

from django.db import connection

from enrollment.progress.models import ProgressBreakdown, ProgressSnapshot
from enrollment.progress.services.figures import COUNT_METRICS
from enrollment.progress.services.leaves import _as_date
from enrollment.territory.models.units import Level, Unit

UNIT = Unit._meta.db_table

# Every commune with each unit above it; ancestor NULL is the whole country.
ANCESTORS_CTE = f"""anc(commune_id, ancestor_id) AS (
    SELECT c.id, c.parent_id FROM {UNIT} c WHERE c.level = {Level.COMMUNE}
    UNION ALL
    SELECT c.id, p.parent_id FROM {UNIT} c JOIN {UNIT} p ON p.id = c.parent_id
        WHERE c.level = {Level.COMMUNE} AND p.parent_id IS NOT NULL
    UNION ALL
    SELECT c.id, NULL FROM {UNIT} c WHERE c.level = {Level.COMMUNE}
)"""


def _in(column, values):
    return f"{column} IN ({', '.join(['%s'] * len(values))})", list(values)


def _ancestor_filter(ancestor_ids):
    if ancestor_ids is None:
        return "", []
    real = [a for a in ancestor_ids if a is not None]
    if not real:
        return " AND anc.ancestor_id IS NULL", []
    clause, params = _in("anc.ancestor_id", real)
    return f" AND ({clause} OR anc.ancestor_id IS NULL)", params


def rollup_figures(days, ancestor_ids=None):
    """{(ancestor_id, day): {metric: sum}} of the count metrics over every commune below."""
    day_clause, day_params = _in("s.date", days)
    metric_clause, metric_params = _in("s.metric", [str(m) for m in COUNT_METRICS])
    anc_clause, anc_params = _ancestor_filter(ancestor_ids)
    sql = (
        f"WITH {ANCESTORS_CTE} SELECT anc.ancestor_id, s.date, s.metric, SUM(s.actual) "
        f"FROM {ProgressSnapshot._meta.db_table} s JOIN anc ON anc.commune_id = s.unit_id "
        f"WHERE {day_clause} AND {metric_clause}{anc_clause} GROUP BY anc.ancestor_id, s.date, s.metric"
    )
    result = {}
    with connection.cursor() as cursor:
        cursor.execute(sql, day_params + metric_params + anc_params)
        for ancestor_id, day, metric, total in cursor.fetchall():
            result.setdefault((ancestor_id, _as_date(day)), {})[metric] = total
    return result


def rollup_breakdowns(days, ancestor_ids=None):
    """Breakdown rows of the ancestors, summed over their communes' rows."""
    day_clause, day_params = _in("b.date", days)
    anc_clause, anc_params = _ancestor_filter(ancestor_ids)
    sql = (
        f"WITH {ANCESTORS_CTE} SELECT anc.ancestor_id, b.date, b.dimension, b.key, MAX(b.label), "
        f"SUM(b.new_participants), SUM(b.active_participants), SUM(b.new_in_month) "
        f"FROM {ProgressBreakdown._meta.db_table} b JOIN anc ON anc.commune_id = b.unit_id "
        f"WHERE {day_clause}{anc_clause} GROUP BY anc.ancestor_id, b.date, b.dimension, b.key"
    )
    with connection.cursor() as cursor:
        cursor.execute(sql, day_params + anc_params)
        return [(a, _as_date(d), dim, key, label, int(new), int(active), int(in_month))
                for a, d, dim, key, label, new, active, in_month in cursor.fetchall()]
