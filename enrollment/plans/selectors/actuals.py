"""Where actual figures come from: a small registry of sources, best one first.

A source is `func(units, year, day) -> {unit_id: number}` registered for a metric with a
priority. `actuals()` asks the sources from the highest priority down and uses the first
that answers; a source answers None when it has nothing for that year or day (snapshots not
computed yet, no register data). Plans registers the lowest: figures reported by hand.
Owners of quotas (officers, agent staff, ...) have the same kind of registry keyed by owner kind.
"""

import datetime

from django.db.models import Max

from enrollment.plans.models.plans import ReportedFigure

_SOURCES = {}  # metric -> [(priority, func)]
_OWNER_SOURCES = {}  # (owner kind, metric) -> [(priority, func)]


def actual_source(metric, priority=0):
    def register(func):
        entries = _SOURCES.setdefault(metric, [])
        entries[:] = [e for e in entries if e[1].__qualname__ != func.__qualname__ or e[1].__module__ != func.__module__]
        entries.append((priority, func))
        entries.sort(key=lambda e: -e[0])
        return func

    return register


def actuals(units, year, metric, day):
    """{unit_id: number} from the best source that answers (empty when none does)."""
    units = list(units)
    for _priority, func in _SOURCES.get(metric, []):
        result = func(units, year, day)
        if result is not None:
            return result
    return {}


def monthly_actuals(units, year, metric):
    """{unit_id: [12 month-end figures]} for a past year (None where no source answers)."""
    units = list(units)
    series = {getattr(u, "pk", u): [None] * 12 for u in units}
    for month in range(1, 13):
        day = (datetime.date(year, month % 12 + 1, 1) if month < 12 else datetime.date(year + 1, 1, 1)) \
            - datetime.timedelta(days=1)
        for unit_id, value in actuals(units, year, metric, day).items():
            if unit_id in series:
                series[unit_id][month - 1] = value
    return series


def owner_actual_source(owner_kind, metric, priority=0):
    """Register `func(owner_ids, year, month) -> {owner_id: number}`; month None = whole year."""

    def register(func):
        entries = _OWNER_SOURCES.setdefault((owner_kind, metric), [])
        entries[:] = [e for e in entries if e[1].__qualname__ != func.__qualname__ or e[1].__module__ != func.__module__]
        entries.append((priority, func))
        entries.sort(key=lambda e: -e[0])
        return func

    return register


def owner_actuals(owner_kind, owner_ids, year, month, metric):
    for _priority, func in _OWNER_SOURCES.get((owner_kind, metric), []):
        result = func(list(owner_ids), year, month)
        if result is not None:
            return result
    return {}


def _reported(metric):
    def source(units, year, day):
        """The last figure reported by hand up to the day's month, per unit."""
        if day.year < year:
            return None
        last_month = 12 if day.year > year else day.month
        unit_ids = [getattr(u, "pk", u) for u in units]
        rows = ReportedFigure.objects.filter(unit_id__in=unit_ids, year=year, metric=metric, month__lte=last_month)
        latest = dict(rows.values_list("unit_id").annotate(m=Max("month")).order_by())
        if not latest:
            return None
        values = {}
        for unit_id, month, value in rows.filter(month__in=set(latest.values())).values_list("unit_id", "month", "value"):
            if latest.get(unit_id) == month:
                values[unit_id] = value
        return values

    source.__qualname__ = f"reported_{metric}"
    return source


for _metric in ReportedFigure._meta.get_field("metric").choices:
    actual_source(_metric[0], priority=0)(_reported(_metric[0]))
