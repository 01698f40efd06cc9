"""The waiting people's differences carried above the communes, and breakdown rows changed key by key.

A district's, a province's or the country's count is the sum of its communes' counts, so what the
waiting people change in their communes changes each unit above by the same amounts: those are added
to the stored figures instead of summing every commune below again, and only the breakdown rows whose
counts move are written.
"""

from django.db import connection

from enrollment.progress.models import ProgressBreakdown
from enrollment.progress.models import ProgressMetric as M
from enrollment.progress.services.figures import COUNT_METRICS, History
from enrollment.progress.services.leaves import Leaves
from enrollment.progress.services.stored import stored_actuals
from enrollment.progress.services.writes import breakdown_rows, breakdowns_upsert
from enrollment.shared.months import same_day_last_year
from enrollment.territory.models.units import Unit

BREAKDOWN = ProgressBreakdown._meta.db_table
COUNTS = ("new_participants", "active_participants", "new_in_month")
# Besides its own count, a metric's row reads other counts of its (unit, day): coverage the participants,
# the forecasts of participants and of coverage the new participants.
ROWS_READING = {M.SI_NEW: (M.SI_PARTICIPANTS, M.COVERAGE), M.SI_PARTICIPANTS: (M.COVERAGE,)}


def units_above(communes):
    """{commune: [its district, its province, None (the country)]}, leaving out levels a commune lacks."""
    parents = dict(Unit.objects.filter(pk__in=communes).values_list("pk", "parent_id"))
    grand = dict(Unit.objects.filter(pk__in={p for p in parents.values() if p}).values_list("pk", "parent_id"))
    return {commune: [u for u in (parent, grand.get(parent)) if u is not None] + [None]
            for commune, parent in parents.items()}


def _add(target, values):
    for name, value in values.items():
        target[name] = target.get(name, 0) + value


def changes_above(changes, above):
    """Leaves of differences of the units `above` ({commune: units above it}) each commune of `changes`
    (their villages are inside them)."""
    result = Leaves()
    for (unit_id, day), values in changes.figures.items():
        for ancestor in above.get(unit_id, ()):
            _add(result.figures[(ancestor, day)], values)
    for (unit_id, day, dimension, key), counts in changes.breakdowns.items():
        for ancestor in above.get(unit_id, ()):
            target = result.breakdowns[(ancestor, day, dimension, key)]
            for column, value in enumerate(counts):
                target[column] += value
    return result


def figures_stored(unit_ids, days):
    """{(unit, day): {metric: count}} of every unit (None: the country) on every day, as stored."""
    figures = {(unit_id, day): {} for unit_id in unit_ids for day in days}
    for unit_id, day, metric, actual in stored_actuals(unit_ids, days, COUNT_METRICS):
        figures[(unit_id, day)][metric] = int(actual)
    return figures


def figures_added(stored, changes):
    """The stored figures with the differences of `changes` ({(unit, day): {metric: difference}}) added."""
    for key, values in changes.items():
        if key in stored:
            _add(stored[key], values)
    return stored


def figures_moved(unit_ids, days, changes):
    """The stored figures of `unit_ids` on `days` with the differences `changes` added, and the rows
    those differences move (`rows_moved`)."""
    stored = figures_stored(unit_ids, days)
    moved = rows_moved(stored, changes, days)
    return figures_added(stored, changes), moved


def rows_moved(stored, changes, days):
    """{(unit, day): the metrics whose rows the differences `changes` move, or None for every metric of
    a (unit, day) that has no rows yet}, for `stored` as read before the differences are added. None
    when a day of the run is last year's for another (its growth and forecasts read it): then every
    row of the run is written."""
    if set(days) & (History.wanted(days) | {same_day_last_year(day) for day in days}):
        return None
    moved = {}
    for key, values in changes.items():
        if key not in stored:
            continue
        if not stored[key]:
            moved[key] = None
            continue
        metrics = {metric for metric, value in values.items() if value}
        metrics.update(*(ROWS_READING.get(metric, ()) for metric in list(metrics)))
        if metrics:
            moved[key] = metrics
    return moved


def breakdowns_stored(keys):
    """{(unit, day, dimension, key): [counts]} of the stored rows among `keys` (the country's unit is None)."""
    if not keys:
        return {}
    if connection.vendor == "postgresql":
        rows = []
        columns = ", ".join(f"b.{c}" for c in COUNTS)
        units = [k for k in keys if k[0] is not None]
        country = [k for k in keys if k[0] is None]
        with connection.cursor() as cursor:
            if units:
                cursor.execute(
                    f"SELECT b.unit_id, b.date, b.dimension, b.key, {columns} FROM {BREAKDOWN} b "
                    "JOIN unnest(%s::bigint[], %s::date[], %s::text[], %s::text[]) AS k(unit_id, date, dimension, key) "
                    "ON b.unit_id = k.unit_id AND b.date = k.date AND b.dimension = k.dimension AND b.key = k.key",
                    [list(column) for column in zip(*units, strict=True)])
                rows += cursor.fetchall()
            if country:
                cursor.execute(
                    f"SELECT b.unit_id, b.date, b.dimension, b.key, {columns} FROM {BREAKDOWN} b "
                    "JOIN unnest(%s::date[], %s::text[], %s::text[]) AS k(date, dimension, key) "
                    "ON b.unit_id IS NULL AND b.date = k.date AND b.dimension = k.dimension AND b.key = k.key",
                    [list(column) for column in zip(*country, strict=True)][1:])
                rows += cursor.fetchall()
    else:  # the demo's SQLite: few rows
        rows = ProgressBreakdown.objects.filter(date__in={k[1] for k in keys}).values_list(
            "unit_id", "date", "dimension", "key", *COUNTS)
    return {(u, d, dim, key): list(counts) for u, d, dim, key, *counts in rows if (u, d, dim, key) in keys}


def breakdowns_changed(changes):
    """The breakdown rows `changes` ({(unit, day, dimension, key): [differences]}) give, with the stored
    counts added: (rows {key: counts} to write, keys whose counts are all zero now, to delete)."""
    changes = {key: counts for key, counts in changes.items() if any(counts)}
    stored = breakdowns_stored(set(changes))
    rows, emptied = {}, []
    for key, differences in changes.items():
        counts = [a + b for a, b in zip(stored.get(key, [0, 0, 0]), differences, strict=True)]
        if any(counts):
            rows[key] = counts
        elif key in stored:
            emptied.append(key)
    return rows, emptied


def breakdowns_apply(changes):
    """Add `changes` to the stored breakdown rows: the rows whose counts move are written, those left at
    zero deleted (as a full run has no row for a key no one counts in). Returns the rows written."""
    rows, emptied = breakdowns_changed(changes)
    for unit_id, day, dimension, key in emptied:  # rare: someone's only row of a key moved to another
        ProgressBreakdown.objects.filter(unit_id=unit_id, date=day, dimension=dimension, key=key).delete()
    breakdowns_upsert(breakdown_rows(rows))
    return len(rows)
