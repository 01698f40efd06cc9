"""The sweeper, run by beat every minute: whatever a broker or worker fault lost, it queues again.

- a waiting run whose task is overdue (the message was lost, or never sent) is queued again;
- a running run whose worker stopped beating (killed, machine gone) is queued again — its
  transaction died with its connection, so the stored figures are untouched — or, after
  `JOB_MAX_ATTEMPTS`, failed with a message;
- a failed run is tried again with backoff, unless a later run already covers it;
- changes in the outbox that no run is waiting for get one.
"""

import logging

from django.conf import settings
from django.db.models import Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from enrollment.progress.models import (
    PendingParticipant,
    PendingPayment,
    ProgressChange,
    RecomputeKind,
    RecomputeRun,
    RecomputeStatus,
)
from enrollment.progress.services.outbox import CHANGES, progress_kick, progress_run_dispatch
from enrollment.shared.heartbeat import overdue_before, stale_before

log = logging.getLogger(__name__)


def progress_sweep(now=None):
    now = now or timezone.now()
    report = {
        "revived": sum(run_revive_if_stale(run, now) for run in _stale_runs(now)),
        "queued_again": _overdue_dispatch(now),
        "retried": _failed_retry(now),
    }
    report["kicked"] = _orphaned_changes_kick(now)
    return report


def _stale_runs(now):
    return RecomputeRun.objects.filter(
        Q(heartbeat_at__lt=stale_before(now)) | Q(heartbeat_at__isnull=True, started_at__lt=stale_before(now)),
        status=RecomputeStatus.RUNNING,
    ).order_by("pk")


def run_is_stale(run, now=None):
    beat = run.heartbeat_at or run.started_at
    return run.status == RecomputeStatus.RUNNING and beat is not None and beat < stale_before(now)


def run_revive_if_stale(run, now=None):
    """A run whose worker stopped beating: queued again, or failed once it has had its attempts."""
    if not run_is_stale(run, now):
        return False
    since = formats.date_format(timezone.localtime(run.heartbeat_at or run.started_at), "d/m/Y H:i")
    lost = _("The worker running this recompute stopped (no sign of life since %(time)s); "
             "the stored figures were not changed.") % {"time": since}
    stuck = RecomputeRun.objects.filter(pk=run.pk, status=RecomputeStatus.RUNNING, attempts=run.attempts)
    if run.attempts >= settings.JOB_MAX_ATTEMPTS:
        stuck.update(status=RecomputeStatus.FAILED, finished_at=timezone.now(), due_at=None,
                     message=lost + " " + _("It will not be tried again automatically; "
                                            "the nightly recompute will count its changes."))
        return False
    if not stuck.update(status=RecomputeStatus.PENDING, due_at=timezone.now(), message=lost + " " +
                        _("It is queued again.")):
        return False
    log.warning("recompute %s lost its worker; queued again", run.pk)
    progress_run_dispatch(run)
    return True


def _overdue_dispatch(now):
    overdue = RecomputeRun.objects.filter(
        Q(due_at__lt=overdue_before(now)) | Q(due_at__isnull=True, created_at__lt=overdue_before(now)),
        status=RecomputeStatus.PENDING,
    ).order_by("pk")
    count = 0
    for run in overdue:
        # Give the task we send now its time before sending yet another.
        RecomputeRun.objects.filter(pk=run.pk, status=RecomputeStatus.PENDING).update(due_at=now)
        progress_run_dispatch(run)
        count += 1
    return count


def _failed_retry(now):
    count = 0
    due = RecomputeRun.objects.filter(status=RecomputeStatus.FAILED, due_at__lte=now,
                                      attempts__lt=settings.JOB_MAX_ATTEMPTS).order_by("pk")
    for run in due:
        if _covered_by_a_later_run(run):
            RecomputeRun.objects.filter(pk=run.pk).update(due_at=None)
            continue
        if RecomputeRun.objects.filter(pk=run.pk, status=RecomputeStatus.FAILED).update(
                status=RecomputeStatus.PENDING, due_at=now, finished_at=None):
            progress_run_dispatch(run)
            count += 1
    return count


def _covered_by_a_later_run(run):
    """A failed run needs no retry when a later one counts what it would: any full run, or for the
    changes' runs a later changes run (their changes wait in the outbox for it)."""
    later = RecomputeRun.objects.filter(pk__gt=run.pk).exclude(
        status__in=(RecomputeStatus.FAILED, RecomputeStatus.SKIPPED))
    if run.kind == RecomputeKind.FULL:
        return later.filter(Q(dates=[]) | Q(dates=run.dates), kind=RecomputeKind.FULL).exists()
    return later.filter(Q(kind=RecomputeKind.FULL) | Q(triggered_by=run.triggered_by)).exists()


def _orphaned_changes_kick(now):
    """Changes (or new people) older than a debounce with no run to count them: one is made."""
    waiting = (ProgressChange.objects.filter(created_at__lt=overdue_before(now)).exists()
               or PendingParticipant.objects.exists() or PendingPayment.objects.exists())
    if not waiting:
        return False
    busy = RecomputeRun.objects.filter(status__in=(RecomputeStatus.PENDING, RecomputeStatus.RUNNING),
                                       kind=RecomputeKind.INCREMENTAL, triggered_by=CHANGES).exists()
    failed_retrying = RecomputeRun.objects.filter(status=RecomputeStatus.FAILED, triggered_by=CHANGES,
                                                  due_at__isnull=False).exists()
    if busy or failed_retrying:
        return False
    return progress_kick() is not None
