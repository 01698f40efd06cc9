"""Growth on last year: each figure against the same unit's figure on the same day a year before.

Last year's figure comes from this run when it computes that day too, else from the stored
snapshots. A day no run has computed (the country has no row on it) gives no growth at all:
it is never read as zero. A computed day on which the unit had no row did read zero.
"""

from decimal import Decimal

from enrollment.progress.models import ProgressMetric, ProgressSnapshot
from enrollment.progress.services.stored import stored_actuals
from enrollment.shared.formats import percent_of
from enrollment.shared.months import same_day_last_year

CENT = Decimal("0.01")
# Above this many units the stored rows are read by day alone (a full run needs them all anyway).
FILTER_UNITS_UP_TO = 2000


def growth_of(actual, last_year):
    """(difference, percent) of `actual` on `last_year`; the percent is None without a base."""
    if last_year is None or actual is None:
        return None, None
    difference = Decimal(actual) - Decimal(last_year)
    return difference, percent_of(difference, last_year)


class LastYear:
    """Last year's actuals of the (unit, day) rows a run writes."""

    def __init__(self, actuals, unit_ids, run_days, metrics=None):
        # `actuals`: {(unit, day): {metric: actual}} of the rows this run writes (its shown rows);
        # `metrics`: the only ones read from the stored rows, when the run writes no others.
        self.actuals, self.run_days = actuals, set(run_days)
        wanted = {same_day_last_year(day) for day in self.run_days} - self.run_days
        self.computed_days, self.stored = set(), {}
        if not wanted:
            return
        self.computed_days = set(ProgressSnapshot.objects.filter(date__in=wanted, unit__isnull=True).order_by()
                                 .values_list("date", flat=True).distinct())
        if not self.computed_days:
            return
        metrics = metrics or ProgressMetric.values
        if len(unit_ids) <= FILTER_UNITS_UP_TO:
            rows = stored_actuals({*unit_ids, None}, self.computed_days, metrics)
        else:
            rows = (ProgressSnapshot.objects.filter(date__in=self.computed_days, metric__in=metrics).order_by()
                    .values_list("unit_id", "date", "metric", "actual").iterator(chunk_size=20000))
        for unit_id, day, metric, actual in rows:
            self.stored[(unit_id, day, metric)] = actual

    def value(self, unit_id, day, metric):
        before = same_day_last_year(day)
        if before in self.run_days:
            return self.actuals.get((unit_id, before), {}).get(metric, 0)
        if before in self.computed_days:
            return self.stored.get((unit_id, before, metric), 0)
        return None
