"""Reading progress snapshots. `unit=None` means the whole country.

These take units the caller has already scoped (see `selectors/scoping.py`).
"""

from django.db.models import Max

from enrollment.progress.models import ProgressBreakdown, ProgressSnapshot, RecomputeRun
from enrollment.territory.models.units import Level, Unit


def _unit_filter(unit):
    return {"unit__isnull": True} if unit is None else {"unit": unit}


def snapshot_dates(unit=None):
    """Every date with snapshots for the unit, newest first."""
    return list(
        ProgressSnapshot.objects.filter(**_unit_filter(unit)).values_list("date", flat=True).distinct().order_by("-date")
    )


def latest_snapshot_date(on_or_before=None, unit=None):
    """The newest snapshot date not after `on_or_before` (any unit unless one is given), or None."""
    queryset = ProgressSnapshot.objects.all()
    if unit is not None:
        queryset = queryset.filter(unit=unit)
    if on_or_before is not None:
        queryset = queryset.filter(date__lte=on_or_before)
    return queryset.aggregate(latest=Max("date"))["latest"]


def unit_snapshots(unit, day):
    """{metric: ProgressSnapshot} of one unit (or the country) on one day."""
    rows = ProgressSnapshot.objects.filter(date=day, **_unit_filter(unit))
    return {row.metric: row for row in rows}


def child_units(unit):
    """The units one level below (provinces for the country)."""
    if unit is None:
        return Unit.objects.filter(level=Level.PROVINCE)
    return Unit.objects.filter(parent=unit)


def children_snapshots(unit, day, metric=None):
    """Snapshots of the unit's children on one day, with their unit loaded."""
    queryset = ProgressSnapshot.objects.filter(date=day).select_related("unit")
    if unit is None:
        queryset = queryset.filter(unit__level=Level.PROVINCE)
    else:
        queryset = queryset.filter(unit__parent=unit)
    if metric is not None:
        queryset = queryset.filter(metric=metric)
    return queryset.order_by("unit__name", "metric")


def unit_and_children_snapshots(unit, day, metric=None):
    """(the unit's own {metric: snapshot}, its children's snapshots) for one day."""
    return unit_snapshots(unit, day), list(children_snapshots(unit, day, metric))


def snapshot_series(unit, metric, year):
    """A unit's snapshots of one metric through a year, oldest first (month ends and run days)."""
    return list(
        ProgressSnapshot.objects.filter(metric=metric, date__year=year, **_unit_filter(unit)).order_by("date")
    )


def breakdowns(unit, day, dimension=None):
    queryset = ProgressBreakdown.objects.filter(date=day, **_unit_filter(unit))
    if dimension is not None:
        queryset = queryset.filter(dimension=dimension)
    return queryset.order_by("dimension", "key")


def latest_recompute_run():
    return RecomputeRun.objects.order_by("-created_at").first()
