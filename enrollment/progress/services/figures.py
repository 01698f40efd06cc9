"""From actual counts to a full snapshot row: coverage, plans, phasing, achievement, forecast, status.

Pure arithmetic over dictionaries, so the same code serves every level and both databases.
"""

import datetime
from decimal import ROUND_HALF_UP, Decimal

from enrollment.plans.phasing import phased_value
from enrollment.plans.selectors.plans import plan_versions_for
from enrollment.progress.models import ProgressMetric, ProgressStatus
from enrollment.progress.services.growth import growth_of
from enrollment.progress.services.stored import stored_actuals
from enrollment.shared.formats import percent_of
from enrollment.shared.months import month_end
from enrollment.territory.models.units import CodeSet, LabourForce, Level, Unit

M = ProgressMetric
COUNT_METRICS = (M.SI_PARTICIPANTS, M.SI_NEW, M.SI_NEW_MONTH, M.HI_HOUSEHOLD, M.RENEWALS_DUE, M.RENEWALS_PAID,
                 M.RENEWALS_LAPSED, M.RENEWALS_PROMISED)
PLANNED = (M.SI_PARTICIPANTS, M.SI_NEW, M.HI_HOUSEHOLD, M.COVERAGE)
# On track while at least this share of the phased plan is reached, or the forecast reaches the plan.
ON_TRACK_PERCENT = Decimal(95)
# Below this many new participants last year, its monthly pattern is noise: use the calendar instead.
PATTERN_MIN_NEW = 12
CENT = Decimal("0.01")
SNAPSHOT_COLUMNS = (
    "unit_id", "date", "metric", "actual", "plan_initial", "plan_in_force", "phased_to_date", "achievement_initial",
    "achievement_in_force", "achievement_phased", "gap", "forecast", "status", "computed_at",
    "last_year", "growth", "growth_percent",
)


def _dec(value):
    return None if value is None else Decimal(value).quantize(CENT, rounding=ROUND_HALF_UP)


class PlanBook:
    """Plan versions of every unit for the years in play; the country's plan is its provinces' sum."""

    def __init__(self, unit_ids, years):
        # The country's plan sums the 2025 provinces', or for a year none of them has one, the former provinces'.
        provinces = Unit.objects.filter(level=Level.PROVINCE).values_list("pk", "code_set")
        self.provinces = {pk for pk, code_set in provinces if code_set == CodeSet.CURRENT}
        self.legacy_provinces = {pk for pk, code_set in provinces if code_set == CodeSet.LEGACY}
        national = None in unit_ids
        # The country's plan sums every province's, whichever provinces a run writes.
        every = self.provinces | self.legacy_provinces
        unit_ids = sorted({u for u in unit_ids if u is not None} | (every if national else set()))
        self.versions = {}
        for year in years:
            for (unit_id, metric), entry in plan_versions_for(unit_ids, year).items():
                self.versions[(unit_id, year, metric)] = entry

    def figures(self, unit_id, day, metric):
        """(initial, in force, phased to the day) or Nones."""
        if unit_id is None:
            return self._national(day, metric)
        entry = self.versions.get((unit_id, day.year, metric))
        if not entry:
            return None, None, None
        initial, in_force = entry["initial"], entry["in_force"]
        phased = phased_value(in_force.monthly_targets, day.year, day, in_force.baseline)
        return initial.target, in_force.target, phased

    def _national(self, day, metric):
        if metric == M.COVERAGE:
            return None, None, None
        for provinces in (self.provinces, self.legacy_provinces):
            totals, found = [Decimal(0)] * 3, False
            for province_id in provinces:
                values = self.figures(province_id, day, metric)
                if values[1] is None:
                    continue
                found = True
                totals = [t + Decimal(v or 0) for t, v in zip(totals, values)]
            if found:
                return tuple(totals)
        return None, None, None


class LabourBook:
    """Working-age labour force per unit and year: the unit's own figure, else the sum of its communes'."""

    def __init__(self, years):
        rows = LabourForce.objects.filter(year__in=years).values_list("unit_id", "unit__level", "unit__path", "year",
                                                                     "labour_force")
        self.own, self.province_sum, self.prefix_sums = {}, {}, {}
        for unit_id, level, path, year, value in rows:
            self.own[(unit_id, year)] = value
            if level == Level.PROVINCE:
                self.province_sum[year] = self.province_sum.get(year, 0) + value
            if level == Level.COMMUNE:
                # Credit the commune's figure to every path above it ("2025/82/", "2025/82/822/").
                parts = path.strip("/").split("/")
                for depth in range(2, len(parts)):
                    key = ("/".join(parts[:depth]) + "/", year)
                    self.prefix_sums[key] = self.prefix_sums.get(key, 0) + value
        self.unit_paths = {}

    def remember_paths(self, unit_paths):
        self.unit_paths.update(unit_paths)

    def get(self, unit_id, year):
        if unit_id is None:
            return self.province_sum.get(year) or None
        if (unit_id, year) in self.own:
            return self.own[(unit_id, year)]
        return self.prefix_sums.get((self.unit_paths.get(unit_id), year)) or None


# Last year's figures a forecast reads.
HISTORY_METRICS = (M.SI_NEW, M.HI_HOUSEHOLD, M.SI_PARTICIPANTS, M.RENEWALS_LAPSED)


class History:
    """Last year's figures a forecast needs: new participants, participants and lapses at each
    month end, household HI on 31 December."""

    def __init__(self, figures, unit_ids, years, run_days, shown=None):
        # `shown`: the (unit, day) of `figures` that get rows; the others read as having none.
        self.figures, self.shown = figures, shown
        missing = sorted(self.wanted(run_days) - set(run_days))
        self.stored = {}
        for unit_id, day, metric, actual in stored_actuals(unit_ids, missing, HISTORY_METRICS):
            self.stored.setdefault((unit_id, day), {})[metric] = actual

    @staticmethod
    def wanted(run_days):
        """Last year's month ends the forecasts of these days read (`elapsed_share`, `lapses_to_come`,
        `forecasts`): 31 December, the day's month and the one before, and the months after it."""
        days = set()
        for day in run_days:
            last_year = day.year - 1
            months = {12, day.month, max(day.month - 1, 1), *range(day.month + 1, 13)}
            days.update(month_end(datetime.date(last_year, m, 1)) for m in months)
        return days

    def value(self, unit_id, day, metric):
        found = self.figures.get((unit_id, day))
        if found is None:
            return self.stored.get((unit_id, day), {}).get(metric)
        # As the stored rows would read: a row of every metric for what is shown, none otherwise.
        if self.shown is None or (unit_id, day) in self.shown:
            return found.get(metric, 0)
        return None


def elapsed_share(unit_id, day, history):
    """Share of the year's new participants expected by `day`: last year's pattern, else the calendar."""
    year = day.year
    december = history.value(unit_id, datetime.date(year - 1, 12, 31), M.SI_NEW)
    if december is not None and december >= PATTERN_MIN_NEW:
        this_end = history.value(unit_id, month_end(datetime.date(year - 1, day.month, 1)), M.SI_NEW)
        before = 0 if day.month == 1 else history.value(
            unit_id, month_end(datetime.date(year - 1, day.month - 1, 1)), M.SI_NEW)
        if this_end is not None and before is not None:
            days = month_end(day).day
            at_day = Decimal(before) + (Decimal(this_end) - Decimal(before)) * Decimal(day.day) / Decimal(days)
            if at_day > 0:
                return at_day / Decimal(december)
    days_in_year = (datetime.date(year, 12, 31) - datetime.date(year, 1, 1)).days + 1
    return Decimal(day.timetuple().tm_yday) / Decimal(days_in_year)


def lapses_to_come(unit_id, day, active, history):
    """People expected to lapse after this month until December: last year's lapses of those months,
    scaled by how many participants there are now against the same month end last year."""
    last_year = day.year - 1
    then = history.value(unit_id, month_end(datetime.date(last_year, day.month, 1)), M.SI_PARTICIPANTS)
    if not then:
        return Decimal(0)
    lapsed = sum(Decimal(history.value(unit_id, month_end(datetime.date(last_year, m, 1)), M.RENEWALS_LAPSED) or 0)
                 for m in range(day.month + 1, 13))
    return min(lapsed * active / Decimal(then), active)


def forecasts(unit_id, day, values, labour, history):
    """Year-end forecasts: the run rate of new participants scaled by last year's monthly pattern."""
    share = elapsed_share(unit_id, day, history)
    new = Decimal(values.get(M.SI_NEW, 0))
    new_forecast = new / share if share > 0 else None
    result = {M.SI_NEW: new_forecast}
    if new_forecast is not None:
        active = Decimal(values.get(M.SI_PARTICIPANTS, 0))
        result[M.SI_PARTICIPANTS] = max(active + new_forecast - new - lapses_to_come(unit_id, day, active, history),
                                        Decimal(0))
        if labour:
            result[M.COVERAGE] = result[M.SI_PARTICIPANTS] * 100 / Decimal(labour)
    base = history.value(unit_id, datetime.date(day.year - 1, 12, 31), M.HI_HOUSEHOLD)
    if base is not None and share > 0:
        current = Decimal(values.get(M.HI_HOUSEHOLD, 0))
        result[M.HI_HOUSEHOLD] = Decimal(base) + (current - Decimal(base)) / share
    return result


def _status(plan_in_force, achievement_phased, forecast):
    if plan_in_force is None:
        return ProgressStatus.NO_PLAN
    if achievement_phased is not None and achievement_phased >= ON_TRACK_PERCENT:
        return ProgressStatus.ON_TRACK
    if forecast is not None and forecast >= plan_in_force:
        return ProgressStatus.ON_TRACK
    return ProgressStatus.AT_RISK


def actual_values(unit_id, day, values, labour):
    """{metric: actual} of one (unit, day): the counts, and coverage over the labour force."""
    labour_force = labour.get(unit_id, day.year)
    actuals = {metric: int(values.get(metric, 0)) for metric in COUNT_METRICS}
    active = values.get(M.SI_PARTICIPANTS, 0)
    actuals[M.COVERAGE] = _dec(Decimal(active) * 100 / Decimal(labour_force)) if labour_force else 0
    return actuals


def snapshot_rows(figures, plans, labour, history, computed_at, last_year_of, only=None):
    """Tuples in SNAPSHOT_COLUMNS order for every (unit, day) of `figures` and every metric; with
    `only` ({(unit, day): metrics, or None for all}), for those (unit, day) and metrics alone.

    `last_year_of(actuals)` gives the LastYear book (`services/growth.py`) over these actuals."""
    rows = []
    append = rows.append
    no_plan = ProgressStatus.NO_PLAN
    all_actuals = {key: actual_values(*key, values, labour) for key, values in figures.items()}
    last_year = last_year_of(all_actuals)
    for (unit_id, day), values in figures.items():
        if only is not None and (unit_id, day) not in only:
            continue
        metrics = None if only is None else only[(unit_id, day)]
        labour_force = labour.get(unit_id, day.year)
        expected = forecasts(unit_id, day, values, labour_force, history)
        for metric, actual in all_actuals[(unit_id, day)].items():
            if metrics is not None and metric not in metrics:
                continue
            forecast = _dec(expected.get(metric))
            before = last_year.value(unit_id, day, metric)
            growth = (_dec(before), *map(_dec, growth_of(actual, before)))
            in_force = None
            if metric in PLANNED:
                initial, in_force, phased = plans.figures(unit_id, day, metric)
            if in_force is None:
                append((unit_id, day, metric, actual, None, None, None, None, None, None, None, forecast, no_plan,
                        computed_at, *growth))
                continue
            achievement_phased = percent_of(actual, phased)
            append((
                unit_id, day, metric, actual, _dec(initial), _dec(in_force), _dec(phased),
                percent_of(actual, initial), percent_of(actual, in_force), achievement_phased,
                None if phased is None else _dec(Decimal(phased) - actual), forecast,
                _status(in_force, achievement_phased, forecast), computed_at, *growth,
            ))
    return rows
