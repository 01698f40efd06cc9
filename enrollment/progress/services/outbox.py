"""The outbox between the register and the figures: every change that needs a recompute is a
`ProgressChange` row of the change's own transaction; once it commits, a waiting run is made sure of.

The row, not the broker, is what guarantees the figures catch up: a kick lost to a broker fault, a
dropped database or a dead process leaves the row, and the sweeper (`sweeper.py`) queues a run for it.
"""

import logging
from contextlib import contextmanager
from contextvars import ContextVar
from datetime import timedelta
from functools import partial

from django.conf import settings
from django.db import DatabaseError, transaction
from django.utils import timezone

from enrollment.progress.models import (
    ProgressChange,
    RecomputeKind,
    RecomputeRun,
    RecomputeStatus,
)
from enrollment.progress.services.additions import pending_add, pending_payments_add
from enrollment.shared.dispatch import task_dispatch

log = logging.getLogger(__name__)
_paused = ContextVar("progress_changes_paused", default=False)
CHANGES = "changes"  # `triggered_by` of the incremental runs that count saved changes


def debounce_seconds():
    """Changes arriving within this many seconds are recomputed together."""
    return getattr(settings, "PROGRESS_DEBOUNCE_SECONDS", 30)


# --- the hook the register, imports and plans call ---------------------------------------------

def progress_changed(unit_ids, dates):
    """Record, in the current transaction, that these units (any level) changed from these dates;
    once it commits, make sure a run will count them. All changes of one transaction make one
    `ProgressChange`, and changes within `debounce_seconds()` share one run."""
    unit_ids = {int(u) for u in unit_ids if u}
    if unit_ids:
        _request(unit_ids, dates)


def progress_added(participant_ids, dates):
    """Participants registered in the current transaction, with their payments: the next run adds
    them to the stored figures instead of recounting their communes. Only for participants created
    in the same transaction (a later change to them goes through `progress_changed`)."""
    participant_ids = [int(p) for p in participant_ids]
    if participant_ids and not _paused.get():
        pending_add(participant_ids)
        _request(set(), dates)


def progress_paid(payments, dates):
    """Payments ((payment id, participant id) pairs) recorded in the current transaction by people
    already counted: the next run applies the difference they make to the stored figures instead of
    recounting their communes. Only for payments that change nothing else the figures read: not a
    first payment, not dated before the person's first payment, no renewal outcome overwritten (those
    go through `progress_changed`)."""
    payments = [(int(pay), int(par)) for pay, par in payments]
    if payments and not _paused.get():
        pending_payments_add(payments)
        _request(set(), dates)


def _request(unit_ids, dates):
    """The outbox: the change is a row of the same transaction, so it commits or rolls back with it."""
    days = {d.isoformat() for d in dates if d}
    if not days or _paused.get():
        return
    conn = transaction.get_connection()
    pending = getattr(conn, "_progress_pending", None)
    # A kick still waiting for this transaction's commit means its change row is ours to extend.
    if pending is None or not any(item[1] is pending["kick"] for item in conn.run_on_commit):
        change = ProgressChange.objects.create(unit_ids=sorted(unit_ids), dates=sorted(days))
        conn._progress_pending = {"change": change, "kick": partial(progress_kick)}
        transaction.on_commit(conn._progress_pending["kick"])
        return
    change = pending["change"]
    change.unit_ids = sorted(set(change.unit_ids) | unit_ids)
    change.dates = sorted(set(change.dates) | days)
    if not ProgressChange.objects.filter(pk=change.pk).update(unit_ids=change.unit_ids, dates=change.dates):
        # A run inside this same transaction has already counted (and deleted) the row: start another.
        pending["change"] = ProgressChange.objects.create(unit_ids=sorted(unit_ids), dates=sorted(days))


@contextmanager
def progress_changes_paused():
    """Ignore change notices inside the block (the demo seeders, which recompute in full at the end)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def progress_kick():
    """After a change commits: make sure a waiting run will count it, or create and queue one.

    Never raises: the change is safe in the outbox, and the sweeper creates or queues the run
    when this fails (database dropped, broker down)."""
    try:
        with transaction.atomic():
            run = (RecomputeRun.objects.select_for_update()
                   .filter(kind=RecomputeKind.INCREMENTAL, status=RecomputeStatus.PENDING, triggered_by=CHANGES)
                   .order_by("pk").first())
            if run is not None:
                return run
            run = RecomputeRun.objects.create(kind=RecomputeKind.INCREMENTAL, triggered_by=CHANGES,
                                              due_at=timezone.now() + timedelta(seconds=debounce_seconds()))
    except DatabaseError:
        log.warning("could not queue a recompute for the changes saved; the sweeper will", exc_info=True)
        return None
    progress_run_dispatch(run, countdown=debounce_seconds())
    return run


def progress_run_dispatch(run, countdown=None):
    """Queue the task of a waiting run (best effort: the sweeper queues again a run whose task is overdue)."""
    task_dispatch("enrollment.tasks.recompute_progress_run", run.pk, countdown=countdown)
