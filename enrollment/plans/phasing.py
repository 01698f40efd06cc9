"""Monthly phasing: twelve cumulative targets from a named curve, and the figure expected on a day.

Used for unit plans (PlanVersion.monthly_targets) and for quotas of people and organisations.
"""

import calendar
import datetime
from decimal import ROUND_HALF_UP, Decimal

from enrollment.plans.models.plans import Curve, Metric

# Share of the year's increase made in each month. January is strong (the year's campaigns
# start), February dips for Tết, March has the "golden week", and the year ends in a sprint.
SEASONAL_SHARES = (10, 3, 8, 6, 6, 8, 6, 6, 8, 9, 12, 18)
EVEN_SHARES = (1,) * 12


def _quantum(metric):
    return Decimal("0.01") if Metric.is_rate(metric) else Decimal(1)


def cumulative_from_shares(shares, target, baseline=0, metric=Metric.SI_NEW):
    """Twelve cumulative figures from `baseline` to `target`, in proportion to `shares`.

    Rounded to whole people (hundredths for rates); December is exactly the target.
    """
    target, baseline = Decimal(target), Decimal(baseline)
    total = sum(Decimal(s) for s in shares)
    if total <= 0:
        shares, total = EVEN_SHARES, Decimal(12)
    quantum = _quantum(metric)
    running, result = Decimal(0), []
    for share in shares:
        running += Decimal(share)
        value = baseline + (target - baseline) * running / total
        result.append(value.quantize(quantum, rounding=ROUND_HALF_UP))
    result[-1] = target.quantize(quantum, rounding=ROUND_HALF_UP)
    return [_plain(v) for v in result]


def _plain(value):
    """JSON keeps numbers: whole numbers as int, others as float with two decimals."""
    return int(value) if value == value.to_integral_value() else float(value)


def shares_from_cumulative(cumulative, baseline=0):
    """Monthly increases of a cumulative series (e.g. last year's actuals), never negative."""
    shares, previous = [], Decimal(baseline)
    for value in cumulative:
        value = Decimal(value)
        shares.append(max(value - previous, Decimal(0)))
        previous = max(previous, value)
    return shares


def growth_pattern(series, start=None):
    """Last year's month-end figures as growth since 1 January (what a stock curve is shaped on).

    Without the figure at the start of last year, January's growth is taken as the average month.
    """
    if not series or any(v is None for v in series):
        return None
    values = [Decimal(v) for v in series]
    if start is None:
        start = values[0] - (values[-1] - values[0]) / 11
    return [v - Decimal(start) for v in values]


def curve_shares(curve, last_year=None):
    """Monthly shares of a named curve. LAST_YEAR needs last year's cumulative series; without
    one (or with no growth in it) it falls back to the seasonal curve."""
    if curve == Curve.EVEN:
        return list(EVEN_SHARES)
    if curve == Curve.LAST_YEAR and last_year:
        shares = shares_from_cumulative(last_year)
        if sum(shares) > 0:
            return shares
    return list(SEASONAL_SHARES)


def phased_value(monthly_targets, year, day, baseline=0):
    """Expected cumulative figure on `day`: linear within the month between the month-end figures.

    Before the year starts it is the baseline; after it ends, December's figure.
    """
    baseline = Decimal(baseline)
    if not monthly_targets:
        return None
    if day.year < year:
        return baseline
    if day.year > year:
        return Decimal(str(monthly_targets[-1]))
    month_end = Decimal(str(monthly_targets[day.month - 1]))
    previous = baseline if day.month == 1 else Decimal(str(monthly_targets[day.month - 2]))
    days = calendar.monthrange(day.year, day.month)[1]
    return previous + (month_end - previous) * Decimal(day.day) / Decimal(days)


def month_ends(year):
    return [datetime.date(year, m, calendar.monthrange(year, m)[1]) for m in range(1, 13)]
