"""New participants of each month, and active participants at each month end, by one breakdown
dimension: read from the breakdowns the engine keeps at every month end (`new_in_month`)."""

from dataclasses import dataclass, field

from enrollment.progress.models import BreakdownDimension, ProgressMetric
from enrollment.progress.selectors.dashboards import breakdowns, month_ends, snapshots
from enrollment.progress.selectors.labels import shown_label

# The dimensions a monthly series can be split by (month is the series itself).
SERIES_DIMENSIONS = [(d.value, d.label) for d in BreakdownDimension if d != BreakdownDimension.MONTH]


@dataclass
class MonthlySeries:
    months: list  # the first of each month, January to the shown day's month
    computed: set = field(default_factory=set)  # months whose month end (or the shown day) has breakdowns
    keys: dict = field(default_factory=dict)  # key → {"label", "new": [per month], "active": [per month]}

    def rows(self):
        """Keys with the most new participants first."""
        return sorted(self.keys.items(), key=lambda item: (-sum(item[1]["new"]), item[1]["label"]))


def monthly_series(user, unit, shown, dimension):
    """Two queries: which month ends of the shown day's year have the unit's figures, and its
    breakdowns of `dimension` on them. A month end without figures reads None, never zero."""
    if shown is None:
        return MonthlySeries(months=[])
    ends = month_ends(shown.year, shown)
    series = MonthlySeries(months=[end.replace(day=1) for end in ends])
    index = {end: i for i, end in enumerate(ends)}
    own = {"unit": unit} if unit is not None else {"unit__isnull": True}
    computed = snapshots(user).filter(date__in=ends, metric=ProgressMetric.SI_NEW_MONTH, **own)
    series.computed = {index[day] for day in computed.values_list("date", flat=True)}
    rows = breakdowns(user).filter(date__in=ends, dimension=dimension, **own).values_list(
        "date", "key", "label", "new_in_month", "active_participants")
    for day, key, label, new, active in rows:
        entry = series.keys.setdefault(key, {"label": shown_label(dimension, key, label), "new": [0] * len(ends),
                                             "active": [0] * len(ends)})
        entry["new"][index[day]] = new
        entry["active"][index[day]] = active
    for entry in series.keys.values():
        for i in range(len(ends)):
            if i not in series.computed:
                entry["new"][i] = entry["active"][i] = None
    return series
