"""Stored snapshot figures a run reads back: the actuals of some units on some days."""

from django.db import connection

from enrollment.progress.models import ProgressSnapshot

CHUNK = 5000
COLUMNS = ("unit_id", "date", "metric", "actual")


def stored_actuals(unit_ids, days, metrics):
    """[(unit, day, metric, actual)] of the stored rows of `unit_ids` (None among them: the country) on
    `days`, of `metrics`. PostgreSQL takes the units, days and metrics as three arrays: an incremental
    run asks for thousands of units, which the ORM would prepare one parameter at a time."""
    ids = [u for u in unit_ids if u is not None]
    national = None in unit_ids
    days, metrics = list(days), list(metrics)
    if not days or not metrics:
        return []
    if connection.vendor != "postgresql":
        queryset = ProgressSnapshot.objects.filter(date__in=days, metric__in=metrics).order_by()
        parts = [queryset.filter(unit_id__in=ids[start:start + CHUNK]) for start in range(0, len(ids), CHUNK)]
        if national:
            parts.append(queryset.filter(unit__isnull=True))
        return [row for part in parts for row in part.values_list(*COLUMNS)]
    select = f"SELECT {', '.join(COLUMNS)} FROM {ProgressSnapshot._meta.db_table} WHERE date = ANY(%s) AND metric = ANY(%s)"
    rows = []
    with connection.cursor() as cursor:
        if ids:
            cursor.execute(f"{select} AND unit_id = ANY(%s)", [days, metrics, ids])
            rows += cursor.fetchall()
        if national:
            cursor.execute(f"{select} AND unit_id IS NULL", [days, metrics])
            rows += cursor.fetchall()
    return rows
