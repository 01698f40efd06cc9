"""Writing snapshots and breakdowns: idempotent upserts, run inside the caller's transaction.

PostgreSQL: COPY into a temporary table, then INSERT … ON CONFLICT DO UPDATE of only the rows
that differ (there `computed_at` moves only on rows whose figures changed). SQLite (the demo):
the same INSERT … ON CONFLICT with executemany. The country's rows (unit NULL) conflict on a
partial unique index of their own.
"""

import datetime
import io

from django.db import connection
from django.db.models import Q

from enrollment.progress.models import ProgressBreakdown, ProgressSnapshot
from enrollment.progress.services.figures import (
    SNAPSHOT_COLUMNS,
    History,
    LabourBook,
    PlanBook,
    snapshot_rows,
)
from enrollment.progress.services.growth import LastYear
from enrollment.progress.services.labels import breakdown_labels
from enrollment.territory.models.units import Level, Unit

BREAKDOWN_COLUMNS = ("unit_id", "date", "dimension", "key", "label", "new_participants", "active_participants",
                     "new_in_month")
SNAPSHOT_TYPES = (
    "bigint", "date", "varchar(20)", "numeric(14,2)", "numeric(14,2)", "numeric(14,2)", "numeric(14,2)",
    "numeric(9,2)", "numeric(9,2)", "numeric(9,2)", "numeric(14,2)", "numeric(14,2)", "varchar(10)", "timestamptz",
    "numeric(14,2)", "numeric(14,2)", "numeric(11,2)",
)
BREAKDOWN_TYPES = ("bigint", "date", "varchar(16)", "varchar(40)", "varchar(200)", "integer", "integer", "integer")


def _escape(text):
    if "\\" in text or "\t" in text or "\n" in text:
        return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")
    return text


def _copy_line(row):
    # str() of a date, an aware datetime, an int or a Decimal is what COPY reads.
    return "\t".join([r"\N" if v is None else (_escape(v) if v.__class__ is str else str(v)) for v in row])


def _pg_sync(model, columns, types, keys, rows, days, stale_clause=None, stale_params=(), stale_national=False):
    """COPY `rows` into a temporary table, then write only what differs from the stored rows.

    Unchanged rows are not touched at all (an ON CONFLICT … WHERE would still lock and dirty
    them). With `stale_clause`, stored unit rows of these days matching it that are not among
    `rows` are deleted; with `stale_national`, the country's rows too.
    """
    table = model._meta.db_table
    temp = f"tmp_{table}"
    values = [c for c in columns if c not in keys]
    compared = [c for c in values if c != "computed_at"]
    names = ", ".join(columns)
    # Plain equality (not COALESCE) so that the planner can use the unique index or a hash join;
    # the country's rows (unit NULL) go through the same statements with their own condition.
    other_keys = " AND ".join(f"t.{k} = n.{k}" for k in keys if k != "unit_id")
    by_unit = f"t.unit_id = n.unit_id AND {other_keys}"
    national_key = f"t.unit_id IS NULL AND n.unit_id IS NULL AND {other_keys}"
    day_list = ", ".join(["%s"] * len(days))
    assert days, "rows of no day"
    buffer = io.StringIO()
    buffer.writelines(_copy_line(row) + "\n" for row in rows)
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {temp}")
        cursor.execute(f"CREATE TEMP TABLE {temp} ({', '.join(f'{c} {t}' for c, t in zip(columns, types))}) "
                       "ON COMMIT DROP")
        cursor.cursor.copy_expert(f"COPY {temp} ({names}) FROM STDIN", buffer)
        cursor.execute(f"ANALYZE {temp}")
        if stale_clause is not None:
            cursor.execute(
                f"DELETE FROM {table} t WHERE t.date IN ({day_list}) AND ({stale_clause}) "
                f"AND NOT EXISTS (SELECT 1 FROM {temp} n WHERE {by_unit})", [*days, *stale_params])
        if stale_national:
            cursor.execute(
                f"DELETE FROM {table} t WHERE t.date IN ({day_list}) AND t.unit_id IS NULL "
                f"AND NOT EXISTS (SELECT 1 FROM {temp} n WHERE {national_key})", days)
        differs = (f"({', '.join(f't.{c}' for c in compared)}) IS DISTINCT FROM "
                   f"({', '.join(f'n.{c}' for c in compared)})")
        updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in values)
        national_keys = ", ".join(k for k in keys if k != "unit_id")
        for null_test, key, target in (("IS NOT NULL", by_unit, f"({', '.join(keys)})"),
                                       ("IS NULL", national_key, f"({national_keys}) WHERE unit_id IS NULL")):
            cursor.execute(
                f"INSERT INTO {table} ({names}) SELECT {', '.join(f'n.{c}' for c in columns)} FROM {temp} n "
                f"WHERE n.unit_id {null_test} AND NOT EXISTS (SELECT 1 FROM {table} t WHERE {key} AND NOT {differs} "
                f"AND t.date IN ({day_list})) "
                f"ON CONFLICT {target} DO UPDATE SET {updates}", days)
        cursor.execute(f"DROP TABLE {temp}")


def _plain(value):
    """A value SQLite stores as Django would: dates and decimals as text, datetimes as naive UTC."""
    if value is None or isinstance(value, (int, str)):
        return value
    if isinstance(value, datetime.datetime):
        return connection.ops.adapt_datetimefield_value(value)
    return str(value)


def _executemany_upsert(model, columns, keys, rows):
    """INSERT … ON CONFLICT DO UPDATE in batches: the path of SQLite (the demo)."""
    table = model._meta.db_table
    names = ", ".join(connection.ops.quote_name(c) for c in columns)
    updates = ", ".join(f"{c} = excluded.{c}" for c in columns if c not in keys)
    national_keys = ", ".join(k for k in keys if k != "unit_id")
    marks = ", ".join(["%s"] * len(columns))
    unit_rows = [[_plain(v) for v in row] for row in rows if row[0] is not None]
    national = [[_plain(v) for v in row] for row in rows if row[0] is None]
    with connection.cursor() as cursor:
        if unit_rows:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks}) "
                               f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}", unit_rows)
        if national:
            cursor.executemany(f"INSERT INTO {table} ({names}) VALUES ({marks}) "
                               f"ON CONFLICT ({national_keys}) WHERE unit_id IS NULL DO UPDATE SET {updates}",
                               national)


def statistics_refresh():
    """PostgreSQL: a full run rewrites the snapshot tables; the rollup and later incremental runs
    are planned from fresh statistics, whether or not autovacuum runs on the server."""
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(f"ANALYZE {ProgressSnapshot._meta.db_table}, {ProgressBreakdown._meta.db_table}")


def snapshots_upsert(rows):
    if not rows:
        return 0
    keys = ("unit_id", "date", "metric")
    if connection.vendor == "postgresql":
        _pg_sync(ProgressSnapshot, SNAPSHOT_COLUMNS, SNAPSHOT_TYPES, keys, rows, sorted({r[1] for r in rows}))
    else:
        _executemany_upsert(ProgressSnapshot, SNAPSHOT_COLUMNS, keys, rows)
    return len(rows)


def breakdowns_upsert(rows):
    """Write breakdown rows, leaving the other rows of their units and days as they are."""
    if not rows:
        return
    keys = ("unit_id", "date", "dimension", "key")
    if connection.vendor == "postgresql":
        _pg_sync(ProgressBreakdown, BREAKDOWN_COLUMNS, BREAKDOWN_TYPES, keys, rows, sorted({r[1] for r in rows}))
    else:
        _executemany_upsert(ProgressBreakdown, BREAKDOWN_COLUMNS, keys, rows)


def breakdowns_replace(unit_ids, days, rows, national=False):
    """Make the breakdowns of these units on these days exactly `rows`. `unit_ids` None means
    every commune and village; `national` adds the country's rows."""
    if not days:
        return 0
    keys = ("unit_id", "date", "dimension", "key")
    if connection.vendor == "postgresql":
        if unit_ids is None:
            clause, params = f"t.unit_id IN (SELECT id FROM {Unit._meta.db_table} WHERE level >= %s)", [Level.COMMUNE]
        else:
            ids = [u for u in unit_ids if u is not None] or [0]
            clause, params = f"t.unit_id IN ({', '.join(['%s'] * len(ids))})", ids
        _pg_sync(ProgressBreakdown, BREAKDOWN_COLUMNS, BREAKDOWN_TYPES, keys, rows, days, clause, params,
                 stale_national=national)
        return len(rows)
    stale = ProgressBreakdown.objects.filter(date__in=days)
    if unit_ids is None:
        stale = stale.filter(unit__level__gte=Level.COMMUNE)
    else:
        scope = Q(unit_id__in=[u for u in unit_ids if u is not None])
        stale = stale.filter(scope | Q(unit__isnull=True) if national else scope)
    stale.delete()
    if rows:
        _executemany_upsert(ProgressBreakdown, BREAKDOWN_COLUMNS, keys, rows)
    return len(rows)


def figures_write(figures, paths, days, computed_at, moved=None):
    """Upsert the rows of every (unit, day) of `figures` ({(unit, day): {metric: count}}) that has
    something to show: people, a plan or a labour force; delete the others'. With `moved` (`rows_moved`),
    only the rows of the metrics it names are written."""
    years = sorted({d.year for d in days})
    unit_ids = list(paths) + ([None] if any(u is None for u, _d in figures) else [])
    labour = LabourBook(years)
    labour.remember_paths(paths)
    plans = PlanBook(unit_ids, years)
    planned = {(unit_id, year) for unit_id, year, _metric in plans.versions}
    shown = {
        (unit_id, day): values for (unit_id, day), values in figures.items()
        if unit_id is None or any(values.values()) or (unit_id, day.year) in planned
        or (unit_id, day.year) in labour.own
    }
    history = History(figures, unit_ids, years, days, shown)
    _delete_emptied([key for key in figures if key not in shown])
    written = None if moved is None or None in moved.values() else set().union(*moved.values())
    return snapshots_upsert(snapshot_rows(shown, plans, labour, history, computed_at,
                                          lambda actuals: LastYear(actuals, unit_ids, days, written), moved))


def _delete_emptied(keys):
    """Rows of (unit, day) that have nothing left to show (their people moved or were removed)."""
    by_day = {}
    for unit_id, day in keys:
        by_day.setdefault(day, []).append(unit_id)
    for day, unit_ids in by_day.items():
        for start in range(0, len(unit_ids), 5000):
            ProgressSnapshot.objects.filter(date=day, unit_id__in=unit_ids[start:start + 5000]).delete()


def breakdown_rows(breakdowns, labels=None):
    """Rows to write from {(unit, day, dimension, key): [new, active, new in the month]}; `labels` ({(dimension, key):
    label}) are used where given, the others looked up."""
    labels = {**breakdown_labels({k: v for k, v in breakdowns.items() if (k[2], k[3]) not in (labels or {})}),
              **(labels or {})}
    return [
        (unit_id, day, dimension, key, labels.get((dimension, key), key)[:200], new, active, in_month)
        for (unit_id, day, dimension, key), (new, active, in_month) in breakdowns.items()
    ]
