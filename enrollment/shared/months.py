"""Calendar months as the first day of the month, the unit every payment period is counted in."""

from datetime import date


def first_of_month(day):
    return date(day.year, day.month, 1)


def add_months(day, months):
    """First of the month `months` after the month of `day` (negative goes back)."""
    index = day.year * 12 + day.month - 1 + months
    return date(index // 12, index % 12 + 1, 1)


def months_between(start, end):
    """Number of months from the month of `start` through the month of `end`, both included."""
    return (end.year - start.year) * 12 + end.month - start.month + 1


def month_end(day):
    return date.fromordinal(add_months(day, 1).toordinal() - 1)


def same_day_months_later(day, months):
    """The same day of the month `months` later, or that month's last day when it is shorter."""
    first = add_months(day, months)
    return min(first.replace(day=1) + (day - day.replace(day=1)), month_end(first))


def same_day_last_year(day):
    """The same day a year before; 29 February compares with 28 February."""
    if day.month == 2 and day.day == 29:
        return date(day.year - 1, 2, 28)
    return day.replace(year=day.year - 1)
