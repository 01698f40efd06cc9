"""Writing snapshots and breakdowns: idempotent upserts, run inside the caller's transaction.

PostgreSQL: COPY into a temporary table, then one INSERT … ON CONFLICT DO UPDATE. Elsewhere:
bulk_create(update_conflicts=True). The country's rows (unit NULL) are replaced, because a NULL
never conflicts with a plain unique constraint.
"""

import io

from django.db import connection

from enrollment.models import ProgressBreakdown, ProgressSnapshot
from enrollment.services.progress_figures import SNAPSHOT_COLUMNS

BREAKDOWN_COLUMNS = ("unit_id", "date", "dimension", "key", "label", "new_participants", "active_participants")
SNAPSHOT_TYPES = (
    "bigint", "date", "varchar(20)", "numeric(14,2)", "numeric(14,2)", "numeric(14,2)", "numeric(14,2)",
    "numeric(9,2)", "numeric(9,2)", "numeric(9,2)", "numeric(14,2)", "numeric(14,2)", "varchar(10)", "timestamptz",
)
BREAKDOWN_TYPES = ("bigint", "date", "varchar(16)", "varchar(40)", "varchar(200)", "integer", "integer")


def _copy_text(value):
    if value is None:
        return r"\N"
    text = value.isoformat() if hasattr(value, "isoformat") else str(value)
    return text.replace("\\", "\\\\").replace("\t", " ").replace("\n", " ")


def _pg_upsert(model, columns, types, keys, rows):
    table = model._meta.db_table
    temp = f"tmp_{table}"
    updates = ", ".join(f"{c} = EXCLUDED.{c}" for c in columns if c not in keys)
    names = ", ".join(columns)
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(_copy_text(v) for v in row))
        buffer.write("\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        cursor.execute(f"DROP TABLE IF EXISTS {temp}")
        cursor.execute(f"CREATE TEMP TABLE {temp} ({', '.join(f'{c} {t}' for c, t in zip(columns, types))}) "
                       "ON COMMIT DROP")
        cursor.cursor.copy_expert(f"COPY {temp} ({names}) FROM STDIN", buffer)
        national_keys = ", ".join(k for k in keys if k != "unit_id")
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM {temp} WHERE unit_id IS NOT NULL "
            f"ON CONFLICT ({', '.join(keys)}) DO UPDATE SET {updates}"
        )
        cursor.execute(
            f"INSERT INTO {table} ({names}) SELECT {names} FROM {temp} WHERE unit_id IS NULL "
            f"ON CONFLICT ({national_keys}) WHERE unit_id IS NULL DO UPDATE SET {updates}"
        )
        cursor.execute(f"DROP TABLE {temp}")


def _orm_upsert(model, columns, keys, rows):
    objects = [model(**dict(zip(columns, row))) for row in rows]
    unit_rows = [o for o in objects if o.unit_id is not None]
    national = [o for o in objects if o.unit_id is None]
    fields = [c for c in columns if c not in keys]
    unique = [k.removesuffix("_id") for k in keys]
    model.objects.bulk_create(unit_rows, batch_size=500, update_conflicts=True, unique_fields=unique,
                              update_fields=fields)
    if national:
        for obj in national:
            model.objects.filter(unit__isnull=True, **{k: getattr(obj, k) for k in keys if k != "unit_id"}).delete()
        model.objects.bulk_create(national, batch_size=500)


def snapshots_upsert(rows):
    if not rows:
        return 0
    keys = ("unit_id", "date", "metric")
    if connection.vendor == "postgresql":
        _pg_upsert(ProgressSnapshot, SNAPSHOT_COLUMNS, SNAPSHOT_TYPES, keys, rows)
    else:
        _orm_upsert(ProgressSnapshot, SNAPSHOT_COLUMNS, keys, rows)
    return len(rows)


def breakdowns_replace(unit_ids, days, rows, national=False):
    """Replace the breakdowns of these units (all when None; the country too if `national`) on these days."""
    if days and unit_ids is None:
        ProgressBreakdown.objects.filter(date__in=days).delete()
    elif days:
        ProgressBreakdown.objects.filter(unit_id__in=[u for u in unit_ids if u is not None], date__in=days).delete()
        if national:
            ProgressBreakdown.objects.filter(unit__isnull=True, date__in=days).delete()
    if not rows:
        return 0
    keys = ("unit_id", "date", "dimension", "key")
    if connection.vendor == "postgresql":
        _pg_upsert(ProgressBreakdown, BREAKDOWN_COLUMNS, BREAKDOWN_TYPES, keys, rows)
    else:
        _orm_upsert(ProgressBreakdown, BREAKDOWN_COLUMNS, keys, rows)
    return len(rows)
