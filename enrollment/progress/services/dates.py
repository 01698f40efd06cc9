"""Which days get snapshots: today, the same day last year, and every past month end of this year and the last."""

import datetime

from django.utils import timezone

from enrollment.shared.months import add_months, first_of_month, month_end, same_day_last_year


def local_today():
    return timezone.localdate()


def snapshot_days(today=None):
    """Month ends of last year and of this year up to yesterday's month, then today; oldest first.

    The same day last year is among them too, so that today's growth on last year compares
    figures computed by the same rules from the same register."""
    today = today or local_today()
    days = {same_day_last_year(today), today}
    for year in (today.year - 1, today.year):
        for month in range(1, 13):
            day = month_end(datetime.date(year, month, 1))
            if day < today:
                days.add(day)
    return sorted(days)


def days_for_a_past_day(day):
    """What a past day asked for on its own needs beside it: the month ends of its year before it
    (new participants of each month) and the same day a year before (growth); oldest first."""
    days = {day, same_day_last_year(day)}
    days.update(end for end in (month_end(datetime.date(day.year, m, 1)) for m in range(1, 13)) if end < day)
    return sorted(days)


def days_with_breakdowns(days):
    """Breakdowns are kept on every snapshot day of every year, past days computed on demand too."""
    return list(days)


def days_affected(changed_days, today=None):
    """The snapshot days whose figures a change dated on any of `changed_days` can move.

    A payment moves its months' activity, renewals and new counts from the first of its
    earliest month on, so every snapshot day from there is redone.
    """
    if not changed_days:
        return []
    earliest = first_of_month(min(changed_days))
    return [day for day in snapshot_days(today) if day >= earliest]


def month_has_ended(day):
    """Snapshots show a day as it stood at its end: on a month's last day that month is over."""
    return day + datetime.timedelta(days=1) >= add_months(day, 1)


def parse_days(values):
    """Days stored as ISO text (a run's JSON) back to dates."""
    return [datetime.date.fromisoformat(v) if isinstance(v, str) else v for v in values or []]
