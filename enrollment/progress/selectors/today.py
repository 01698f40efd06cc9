"""What a manager's home page reads from the snapshots: where the area stands and who is behind."""

from dataclasses import dataclass

from django.db.models import Max

from enrollment.progress.models import ProgressMetric
from enrollment.progress.selectors.dashboards import children_filter, shown_date, snapshots

KEY_METRICS = (ProgressMetric.SI_PARTICIPANTS, ProgressMetric.SI_NEW, ProgressMetric.HI_HOUSEHOLD)


@dataclass
class KeyFigure:
    metric: str
    label: str
    snapshot: object
    change: object  # since the day before (None when there is no earlier snapshot)


def _unit_filter(unit):
    return {"unit": unit} if unit is not None else {"unit__isnull": True}


def key_figures(user, unit, today):
    """(day shown, [KeyFigure]) of the unit's key metrics against the phased plan, with the change since
    the snapshot before."""
    shown = shown_date(user, unit, today)
    if shown is None:
        return None, []
    own = snapshots(user).filter(metric__in=KEY_METRICS, **_unit_filter(unit))
    before = own.filter(date__lt=shown).aggregate(d=Max("date"))["d"]
    rows = {(s.date, s.metric): s for s in own.filter(date__in=[d for d in (shown, before) if d])}
    figures = []
    for metric in KEY_METRICS:
        snapshot = rows.get((shown, metric))
        if snapshot is None:
            continue
        previous = rows.get((before, metric))
        figures.append(KeyFigure(metric=metric, label=ProgressMetric(metric).label, snapshot=snapshot,
                                 change=snapshot.actual - previous.actual if previous else None))
    return shown, figures


def units_behind(user, unit, today, metric=ProgressMetric.SI_PARTICIPANTS, limit=8):
    """(children behind the phased plan, worst first, up to `limit`; how many are behind in all)."""
    shown = shown_date(user, unit, today)
    if shown is None:
        return [], 0
    behind = (snapshots(user).filter(date=shown, metric=metric, achievement_phased__lt=100, **children_filter(unit))
              .select_related("unit").order_by("achievement_phased", "unit__name"))
    return list(behind[:limit]), behind.count()
