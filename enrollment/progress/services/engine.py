"""The recompute engine: register and plans in, progress snapshots out, for every level at once.

A run aggregates communes and villages in SQL, writes them, rolls them up the tree in SQL and
writes the districts, provinces and the country, all in one transaction: a worker killed
mid-run leaves the previous figures untouched. Runs never overlap (see `RecomputeLock`).
"""

import logging
import traceback
from contextlib import contextmanager
from datetime import timedelta

from django.conf import settings
from django.db import DatabaseError, connection, transaction
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _

from enrollment.progress.models import (
    ProgressChange,
    RecomputeKind,
    RecomputeLock,
    RecomputeRun,
    RecomputeStatus,
)
from enrollment.progress.services.additions import (
    additions_communes,
    additions_days,
    additions_leaves,
    counted_in_full,
    pending_clear,
    pending_participant_ids,
    pending_payment_ids,
    pending_statistics_refresh,
)
from enrollment.progress.services.dates import (
    days_affected,
    days_with_breakdowns,
    local_today,
    parse_days,
    snapshot_days,
)
from enrollment.progress.services.deltas import (
    breakdowns_apply,
    changes_above,
    figures_moved,
    units_above,
)
from enrollment.progress.services.leaves import leaves_compute
from enrollment.progress.services.legacy import legacy_figures_write
from enrollment.progress.services.outbox import (  # noqa: F401 - the register, imports and plans call these here
    CHANGES,
    debounce_seconds,
    progress_added,
    progress_changed,
    progress_changes_paused,
    progress_kick,
    progress_paid,
    progress_run_dispatch,
)
from enrollment.progress.services.rollup import rollup_breakdowns, rollup_figures
from enrollment.progress.services.writes import (
    breakdown_rows,
    breakdowns_replace,
    figures_write,
    statistics_refresh,
)
from enrollment.shared.heartbeat import Heartbeat, retry_delay, stale_before
from enrollment.territory.models.units import Level, Unit

log = logging.getLogger(__name__)
LOCK_NAME = "progress"
STALE_LOCK_AFTER = timezone.timedelta(hours=3)
STEPS = 9


class LockBusy(Exception):
    pass


# --- running ------------------------------------------------------------------------------------

def progress_recompute(*, full=False, unit_ids=None, days=None, today=None, triggered_by="command"):
    """Create a run and execute it now. `days` defaults to every snapshot day (full) or those
    a change on `days` affects (incremental)."""
    kind = RecomputeKind.FULL if full or not unit_ids else RecomputeKind.INCREMENTAL
    run = RecomputeRun.objects.create(
        kind=kind, triggered_by=triggered_by, unit_ids=sorted(unit_ids or []),
        dates=sorted(d.isoformat() for d in days or []),
    )
    return progress_run_execute(run_id=run.pk, today=today)


def progress_run_execute(*, run_id, today=None, fail_after_step=None):
    """Claim a waiting run (or a running one whose worker stopped beating) and execute it; a run
    claimed by a live worker, or finished, is returned untouched. Safe to call twice for one run:
    Celery redelivers a task whose worker died (`acks_late`).

    `fail_after_step` raises in the middle of the run, as a killed worker would stop it.
    """
    now = timezone.now()
    claimed = RecomputeRun.objects.filter(
        Q(status=RecomputeStatus.PENDING) | Q(status=RecomputeStatus.RUNNING, heartbeat_at__lt=stale_before(now)),
        pk=run_id,
    ).update(status=RecomputeStatus.RUNNING, started_at=now, heartbeat_at=now, total_steps=STEPS, done_steps=0,
             attempts=F("attempts") + 1, due_at=None)
    run = RecomputeRun.objects.filter(pk=run_id).first()
    if not claimed:
        return run  # finished, claimed by a live worker, or gone
    today = today or local_today()
    try:
        with Heartbeat(RecomputeRun, run.pk) as beat, _lock(run):
            with _run_transaction():
                _claim_row_lock()
                progress_session_tune()
                counts = _execute(run, today, _Stepper(beat, fail_after_step))
    except LockBusy:
        return _finish(run, RecomputeStatus.SKIPPED)
    except Exception as exc:  # noqa: BLE001 - recorded on the run; the transaction has rolled back
        log.exception("progress recompute %s failed", run.pk)
        return _finish_failed(run, exc)
    return _finish(run, RecomputeStatus.DONE, done_steps=STEPS, message="", **counts)


def progress_requeue_if_skipped(run):
    """A queued incremental run that met a running one waits again rather than losing its changes."""
    if run.kind != RecomputeKind.INCREMENTAL or run.triggered_by != CHANGES:
        return False
    # A wait for the lock is not a failed attempt.
    return bool(RecomputeRun.objects.filter(pk=run.pk, status=RecomputeStatus.SKIPPED).update(
        status=RecomputeStatus.PENDING, finished_at=None, attempts=F("attempts") - 1,
        due_at=timezone.now() + timedelta(seconds=debounce_seconds())))


def _finish(run, status, **fields):
    fields.update(status=status, finished_at=timezone.now())
    # A worker taken for dead that finishes after all must not overwrite the attempt that replaced it.
    RecomputeRun.objects.filter(pk=run.pk, status=RecomputeStatus.RUNNING, attempts=run.attempts).update(**fields)
    run.refresh_from_db()
    return run


def _finish_failed(run, exc):
    run.refresh_from_db(fields=["attempts"])
    retry = run.attempts < settings.JOB_MAX_ATTEMPTS
    due_at = timezone.now() + retry_delay(run.attempts) if retry else None
    if retry:
        message = _("The recompute failed and the figures were not changed (%(error)s). "
                    "It will be tried again at %(time)s.") % {
            "error": type(exc).__name__, "time": formats.time_format(timezone.localtime(due_at), "H:i")}
    else:
        message = _("The recompute failed %(count)s times and the figures were not changed (%(error)s); "
                    "the nightly recompute will count its changes.") % {
            "count": run.attempts, "error": type(exc).__name__}
    return _finish(run, RecomputeStatus.FAILED, error=traceback.format_exc(limit=8), message=message, due_at=due_at)


def run_progress_percent(run):
    """Percent done of a run: its worker writes the steps done with its heartbeat."""
    return run.percent


# --- the lock ----------------------------------------------------------------------------------

class _lock:
    """SQLite: a conditional UPDATE claims the lock row (stale after STALE_LOCK_AFTER).
    PostgreSQL: the row is locked FOR UPDATE NOWAIT inside the run's transaction instead
    (`_claim_row_lock`), so a killed worker frees it with its connection."""

    def __init__(self, run):
        self.run = run
        self.claimed = False

    def __enter__(self):
        RecomputeLock.objects.get_or_create(name=LOCK_NAME)
        if connection.vendor == "postgresql":
            return self
        now = timezone.now()
        self.claimed = RecomputeLock.objects.filter(name=LOCK_NAME).filter(
            Q(run__isnull=True) | Q(claimed_at__lt=now - STALE_LOCK_AFTER)
        ).update(run=self.run, claimed_at=now)
        if not self.claimed:
            raise LockBusy
        return self

    def __exit__(self, *exc):
        if self.claimed:
            RecomputeLock.objects.filter(name=LOCK_NAME, run=self.run).update(run=None, claimed_at=None)
        return False


@contextmanager
def _run_transaction():
    """One transaction, on PostgreSQL in REPEATABLE READ: every query of a run sees the register as
    it stood at the run's start, so the participants it finds waiting are exactly those it counted."""
    outermost = not transaction.get_connection().in_atomic_block
    with transaction.atomic():
        if outermost and connection.vendor == "postgresql":
            with connection.cursor() as cursor:
                cursor.execute("SET TRANSACTION ISOLATION LEVEL REPEATABLE READ")
        yield


def _claim_row_lock():
    """Lock the row, and touch it: a run whose snapshot was taken before the previous run committed
    then fails to lock it (a serialization error) and waits, rather than writing over newer rows."""
    if connection.vendor != "postgresql":
        return
    try:
        with transaction.atomic():
            RecomputeLock.objects.select_for_update(nowait=True).get(name=LOCK_NAME)
            RecomputeLock.objects.filter(name=LOCK_NAME).update(claimed_at=timezone.now())
    except DatabaseError as exc:
        raise LockBusy from exc


def progress_session_tune():
    """PostgreSQL: a run's few large aggregations gain nothing from JIT compilation (seconds
    of compile time each) and sort in memory rather than on disk; for this transaction only."""
    if connection.vendor != "postgresql":
        return
    with connection.cursor() as cursor:
        cursor.execute("SET LOCAL jit = off")
        cursor.execute("SET LOCAL work_mem = '128MB'")


def progress_lock_is_held():
    """True while a run holds the lock (for pages that offer a recompute)."""
    if connection.vendor != "postgresql":
        return RecomputeLock.objects.filter(name=LOCK_NAME, run__isnull=False).exists()
    try:
        with transaction.atomic():
            RecomputeLock.objects.select_for_update(nowait=True).get(name=LOCK_NAME)
        return False
    except DatabaseError:
        return True


# --- the work ----------------------------------------------------------------------------------

def _communes_in(unit_ids):
    """Communes whose figures a change at these units (any level) can move."""
    units = list(Unit.objects.filter(pk__in=unit_ids).values_list("pk", "level", "parent_id", "path"))
    communes, prefixes = set(), Q()
    for pk, level, parent_id, path in units:
        if level == Level.VILLAGE:
            communes.add(parent_id)
        elif level == Level.COMMUNE:
            communes.add(pk)
        else:
            prefixes |= Q(path__startswith=path)
    if prefixes:
        communes |= set(Unit.objects.filter(prefixes, level=Level.COMMUNE).values_list("pk", flat=True))
    return sorted(communes)


def _ancestors_of(commune_ids):
    return sorted({unit for units in units_above(commune_ids).values() for unit in units if unit}) + [None]


def _execute(run, today, step):
    added, paid = pending_participant_ids(), pending_payment_ids()
    if added or paid:
        pending_statistics_refresh()
    changes = _changes_absorb(run)
    days, communes, added_days = _scope_of(run, today, added or paid)
    counts = {"snapshot_rows": 0, "breakdown_rows": 0, "added_participants": len(added), "as_of": today}
    if run.kind == RecomputeKind.INCREMENTAL:
        counts.update(unit_ids=run.unit_ids, dates=run.dates)
    computed_at = timezone.now()

    touched = set()
    if communes is None or (days and communes):
        _leaves_recount(days, communes, today, computed_at, counts, step)
        touched |= set(communes or ())
    else:
        days = []
    # No commune recounted: the units above move by the same differences as the leaves, written with them.
    above_added = bool(added_days) and not days
    if added_days:
        recounted_cells = {(c, d) for c in communes or () for d in days}
        touched |= _leaves_add(added_days, today, recounted_cells, computed_at, counts, step, new_people=bool(added),
                               paying_again=bool(paid), above_too=above_added)
    days = sorted({*days, *added_days})
    if days and not above_added:
        _ancestors_roll_up(days, None if communes is None else touched, today, computed_at, counts, step)
    if days:
        counts["snapshot_rows"] += legacy_figures_write(days, None if communes is None else touched, added,
                                                        computed_at)
    pending_clear(added, paid)
    ProgressChange.objects.filter(pk__in=changes).delete()
    return counts


def _changes_absorb(run):
    """The saved changes this run counts (those its snapshot sees): an incremental run takes on their
    units and days; a full run counts everything anyway. Deleted when the run commits."""
    changes = list(ProgressChange.objects.values_list("pk", "unit_ids", "dates"))
    if run.kind == RecomputeKind.INCREMENTAL:
        run.unit_ids = sorted({*run.unit_ids, *(u for _pk, units, _dates in changes for u in units)})
        run.dates = sorted({*run.dates, *(d for _pk, _units, dates in changes for d in dates)})
    return [pk for pk, _units, _dates in changes]


def _scope_of(run, today, added):
    """(days, communes to recount, days to add the waiting people's changes on); communes None is all."""
    if run.kind == RecomputeKind.FULL:
        return sorted({*snapshot_days(today), *parse_days(run.dates)}), None, []
    days = days_affected(parse_days(run.dates), today)
    communes = _communes_in(run.unit_ids)
    added_days = additions_days(today) if added else []
    if added_days and not counted_in_full(added_days):
        # No full run has counted those days yet, so the stored figures are no base to add to.
        return sorted({*days, *added_days}), sorted({*communes, *additions_communes()}), []
    return days, communes, added_days


def _ancestors_roll_up(days, communes, today, computed_at, counts, step):
    """Sum the leaves into the districts, provinces and the country above `communes` (None: all)."""
    breakdown_days = days_with_breakdowns(days)
    if communes is None:
        statistics_refresh()
        ancestors = list(Unit.objects.filter(level__lt=Level.COMMUNE).values_list("pk", flat=True)) + [None]
        rollup_scope = None
    else:
        ancestors = rollup_scope = _ancestors_of(communes)
    rolled = rollup_figures(days, rollup_scope)
    step()
    anc_paths = dict(Unit.objects.filter(pk__in=[a for a in ancestors if a]).values_list("pk", "path"))
    anc_figures = {(unit_id, day): rolled.get((unit_id, day), {}) for unit_id in ancestors for day in days}
    counts["snapshot_rows"] += figures_write(anc_figures, anc_paths, days, computed_at)
    step()
    counts["breakdown_rows"] += breakdowns_replace(
        ancestors, breakdown_days, rollup_breakdowns(breakdown_days, rollup_scope) if breakdown_days else [],
        national=True)
    step()


def _leaves_recount(days, communes, today, computed_at, counts, step):
    """Recount communes (all with None) and their villages from the register."""
    breakdown_days = days_with_breakdowns(days)
    leaves = leaves_compute(days, communes, breakdown_days, on_step=step)
    leaf_units = Unit.objects.filter(level__in=(Level.COMMUNE, Level.VILLAGE))
    if communes is not None:
        leaf_units = leaf_units.filter(Q(pk__in=communes) | Q(parent_id__in=communes))
    leaf_paths = dict(leaf_units.values_list("pk", "path"))
    figures = {(unit_id, day): leaves.figures.get((unit_id, day), {}) for unit_id in leaf_paths for day in days}
    counts["snapshot_rows"] += figures_write(figures, leaf_paths, days, computed_at)
    counts["breakdown_rows"] += breakdowns_replace(None if communes is None else list(leaf_paths), breakdown_days,
                                                   breakdown_rows(leaves.breakdowns))
    step()


def _leaves_add(days, today, recounted_cells, computed_at, counts, step, new_people, paying_again, above_too):
    """Add the waiting participants, and the differences the waiting repeat payments make, to the stored
    figures of the leaves they count in and, with `above_too`, of the districts, provinces and the
    country above them (every day of the run for those: a forecast reads the unit's other days); all
    written at once. Returns the communes touched."""
    breakdown_days = days_with_breakdowns(days)
    if not above_too:  # the recount before has marked its steps
        step = _no_step
    figures, moved, paths, counted, communes = additions_leaves(days, breakdown_days, recounted_cells, step,
                                                                new_people, paying_again)
    breakdowns = counted.breakdowns
    if above_too:
        above = changes_above(counted, units_above(communes))
        ancestors = {unit_id for unit_id, _day in above.figures} | {key[0] for key in above.breakdowns}
        figures_above, moved_above = figures_moved(ancestors, days, above.figures)
        figures.update(figures_above)
        moved = None if moved is None or moved_above is None else {**moved, **moved_above}
        paths.update(Unit.objects.filter(pk__in=[a for a in ancestors if a]).values_list("pk", "path"))
        breakdowns = {**breakdowns, **above.breakdowns}
    step()
    counts["snapshot_rows"] += figures_write(figures, paths, days, computed_at, moved)
    step()
    counts["breakdown_rows"] += breakdowns_apply(breakdowns)
    step()
    return communes


def _no_step():
    pass


class _Stepper:
    def __init__(self, beat, fail_after_step):
        self.beat, self.done, self.fail_after_step = beat, 0, fail_after_step

    def __call__(self):
        self.done += 1
        self.beat.update(done_steps=self.done)
        if self.fail_after_step is not None and self.done >= self.fail_after_step:
            raise RuntimeError(f"recompute stopped after step {self.done}")

