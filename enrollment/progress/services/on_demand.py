"""A manager asks for the figures of a day that has no snapshots yet: one recompute of that day, queued.

Within limits, since each is a full run: not a day in the future, not before the first payment nor
more than `PROGRESS_ON_DEMAND_YEARS` back, and one waiting request per user.
"""

from datetime import date

from django.conf import settings
from django.db import transaction
from django.db.models import Min
from django.utils import formats
from django.utils.translation import gettext as _

from enrollment.progress.models import RecomputeKind, RecomputeRun, RecomputeStatus
from enrollment.progress.services.dates import days_for_a_past_day, local_today
from enrollment.progress.services.outbox import progress_run_dispatch
from enrollment.progress.services.sweeper import run_revive_if_stale
from enrollment.register.models.participants import Payment

WAITING = (RecomputeStatus.PENDING, RecomputeStatus.RUNNING)


class RecomputeRefused(Exception):
    """A request the dashboard turns down, with the reason to show; `run` is the user's waiting one."""

    def __init__(self, message, run=None):
        super().__init__(message)
        self.message, self.run = message, run


def requested_by(user):
    return f"dashboard:{user.pk}"


def _day_text(day):
    return formats.date_format(day, "d/m/Y")


def on_demand_first_day(today=None):
    """The earliest day a dashboard may ask for: the first payment, or the years allowed back."""
    today = today or local_today()
    years_back = date(today.year - settings.PROGRESS_ON_DEMAND_YEARS, 1, 1)
    first_paid = Payment.objects.aggregate(first=Min("paid_on"))["first"]
    return max(years_back, first_paid) if first_paid else years_back


def dashboard_recompute_request(*, user, day):
    """Queue a full recompute of `day`, or return the one already waiting or running for it.

    The run computes beside it the month ends of its year before it (the new participants of each
    month) and the same day a year before (growth on last year). Raises RecomputeRefused for a day
    out of range, or while the user's own earlier request waits."""
    today = local_today()
    if day > today:
        raise RecomputeRefused(_("The figures of a day in the future cannot be computed."))
    first = on_demand_first_day(today)
    if day < first:
        raise RecomputeRefused(_("Figures can be computed from %(first)s to today only.") % {"first": _day_text(first)})
    dates = [d.isoformat() for d in days_for_a_past_day(day)]
    waiting = RecomputeRun.objects.filter(kind=RecomputeKind.FULL, status__in=WAITING, dates=dates).order_by("pk").first()
    if waiting is not None:
        run_revive_if_stale(waiting)  # a run whose worker died is queued again, never handed back stuck
        waiting.refresh_from_db()
        return waiting
    own = RecomputeRun.objects.filter(triggered_by=requested_by(user), status__in=WAITING).order_by("pk").first()
    if own is not None:
        raise RecomputeRefused(
            _("Your request for the figures of %(day)s is still waiting; ask for another day once it is done.")
            % {"day": _day_text(date.fromisoformat(max(own.dates))) if own.dates else "—"}, run=own)
    run = RecomputeRun.objects.create(kind=RecomputeKind.FULL, triggered_by=requested_by(user), dates=dates)
    transaction.on_commit(lambda: progress_run_dispatch(run))
    return run
