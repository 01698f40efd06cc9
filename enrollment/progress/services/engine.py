"""The recompute engine: register and plans in, progress snapshots out, for every level at once.

A run aggregates communes and villages in SQL, writes them, rolls them up the tree in SQL and
writes the districts, provinces and the country, all in one transaction: a worker killed
mid-run leaves the previous figures untouched. Runs never overlap (see `RecomputeLock`).
"""

import logging
import traceback
from contextlib import contextmanager
from contextvars import ContextVar

from django.conf import settings
from django.core.cache import cache
from django.db import DatabaseError, connection, transaction
from django.db.models import Q
from django.utils import timezone

from enrollment.progress.models import (
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
    pending_add,
    pending_clear,
    pending_participant_ids,
)
from enrollment.progress.services.dates import (
    days_affected,
    days_with_breakdowns,
    local_today,
    parse_days,
    snapshot_days,
)
from enrollment.progress.services.leaves import leaves_compute
from enrollment.progress.services.rollup import rollup_breakdowns, rollup_figures
from enrollment.progress.services.writes import (
    breakdown_rows,
    breakdowns_replace,
    figures_write,
    statistics_refresh,
)
from enrollment.shared.dispatch import task_dispatch
from enrollment.territory.models.units import Level, Unit

log = logging.getLogger(__name__)
_paused = ContextVar("progress_changes_paused", default=False)
LOCK_NAME = "progress"
STALE_LOCK_AFTER = timezone.timedelta(hours=3)
STEPS = 9


def debounce_seconds():
    """Changes arriving within this many seconds are recomputed together."""
    return getattr(settings, "PROGRESS_DEBOUNCE_SECONDS", 30)



class LockBusy(Exception):
    pass


# --- the hook the register, imports and plans call ---------------------------------------------

def progress_changed(unit_ids, dates):
    """Queue an incremental recompute of these units (any level) from these dates, once the
    current transaction commits. All changes of one transaction make one request, and
    requests within `debounce_seconds()` share one run."""
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


def _request(unit_ids, dates):
    days = {d.isoformat() for d in dates if d}
    if not days or _paused.get():
        return
    conn = transaction.get_connection()
    pending = getattr(conn, "_progress_pending", None)
    if pending is None or not any(item[1] is pending["flush"] for item in conn.run_on_commit):
        pending = {"units": set(), "days": set()}
        pending["flush"] = lambda: progress_queue(unit_ids=sorted(pending["units"]), days=sorted(pending["days"]))
        conn._progress_pending = pending
        transaction.on_commit(pending["flush"])
    pending["units"].update(unit_ids)
    pending["days"].update(days)


@contextmanager
def progress_changes_paused():
    """Ignore change notices inside the block (the demo seeders, which recompute in full at the end)."""
    token = _paused.set(True)
    try:
        yield
    finally:
        _paused.reset(token)


def progress_queue(*, unit_ids, days):
    """Merge the change into the waiting incremental run, or create one and schedule it."""
    with transaction.atomic():
        run = (RecomputeRun.objects.select_for_update()
               .filter(kind=RecomputeKind.INCREMENTAL, status=RecomputeStatus.PENDING, triggered_by="changes")
               .order_by("pk").first())
        created = run is None
        if created:
            run = RecomputeRun.objects.create(kind=RecomputeKind.INCREMENTAL, triggered_by="changes",
                                              unit_ids=unit_ids, dates=days)
        else:
            run.unit_ids = sorted(set(run.unit_ids) | set(unit_ids))
            run.dates = sorted(set(run.dates) | set(days))
            run.save(update_fields=["unit_ids", "dates"])
    if created:
        task_dispatch("enrollment.tasks.recompute_progress_run", run.pk, countdown=debounce_seconds())
    return run


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
    """Claim a waiting run and execute it; a run already claimed is returned untouched.

    `fail_after_step` raises in the middle of the run, as a killed worker would stop it.
    """
    claimed = RecomputeRun.objects.filter(pk=run_id, status=RecomputeStatus.PENDING).update(
        status=RecomputeStatus.RUNNING, started_at=timezone.now(), total_steps=STEPS, done_steps=0)
    run = RecomputeRun.objects.get(pk=run_id)
    if not claimed:
        return run
    today = today or local_today()
    try:
        with _lock(run):
            with _run_transaction():
                _claim_row_lock()
                progress_session_tune()
                counts = _execute(run, today, fail_after_step)
    except LockBusy:
        return _finish(run, RecomputeStatus.SKIPPED)
    except Exception:  # noqa: BLE001 - recorded on the run; the transaction has rolled back
        log.exception("progress recompute %s failed", run.pk)
        return _finish(run, RecomputeStatus.FAILED, error=traceback.format_exc(limit=8))
    return _finish(run, RecomputeStatus.DONE, done_steps=STEPS, **counts)


def progress_requeue_if_skipped(run):
    """A queued incremental run that met a running one waits again rather than losing its changes."""
    if run.kind != RecomputeKind.INCREMENTAL or run.triggered_by != "changes":
        return False
    return bool(RecomputeRun.objects.filter(pk=run.pk, status=RecomputeStatus.SKIPPED).update(
        status=RecomputeStatus.PENDING, finished_at=None))


def _finish(run, status, **fields):
    fields.update(status=status, finished_at=timezone.now())
    RecomputeRun.objects.filter(pk=run.pk).update(**fields)
    cache.delete(_progress_key(run.pk))
    run.refresh_from_db()
    return run


def _progress_key(run_id):
    return f"progress-recompute:{run_id}:steps"


def run_progress_percent(run):
    """Percent done of a run; while it runs the steps are in the cache (its rows are not yet committed)."""
    if run.is_finished or not run.total_steps:
        return run.percent
    done = cache.get(_progress_key(run.pk), run.done_steps)
    return int(100 * done / run.total_steps)


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
    parents = set(Unit.objects.filter(pk__in=commune_ids).values_list("parent_id", flat=True))
    grand = set(Unit.objects.filter(pk__in=parents).exclude(parent__isnull=True).values_list("parent_id", flat=True))
    return sorted(parents | grand) + [None]


def _execute(run, today, fail_after_step):
    step = _Stepper(run, fail_after_step)
    added = pending_participant_ids()
    days, communes, added_days = _scope_of(run, today, added)
    counts = {"snapshot_rows": 0, "breakdown_rows": 0, "added_participants": len(added), "as_of": today}
    computed_at = timezone.now()

    touched = set()
    if communes is None or (days and communes):
        _leaves_recount(days, communes, today, computed_at, counts, step)
        touched |= set(communes or ())
    else:
        days = []
    if added_days:
        recounted_cells = {(c, d) for c in communes or () for d in days}
        touched |= _leaves_add(added_days, today, recounted_cells, computed_at, counts,
                               on_step=None if days else step)
    days = sorted({*days, *added_days})
    if days:
        _ancestors_roll_up(days, None if communes is None else touched, today, computed_at, counts, step)
    pending_clear(added)
    return counts


def _scope_of(run, today, added):
    """(days, communes to recount, days to add the waiting participants on); communes None is all."""
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


def _leaves_add(days, today, recounted_cells, computed_at, counts, on_step):
    """Add the waiting participants to the stored figures of the leaves they count in; the communes touched."""
    breakdown_days = days_with_breakdowns(days)
    figures, breakdowns, labels, paths, communes = additions_leaves(days, breakdown_days, recounted_cells, on_step)
    counts["snapshot_rows"] += figures_write(figures, paths, days, computed_at)
    counts["breakdown_rows"] += breakdowns_replace(list(paths), breakdown_days, breakdown_rows(breakdowns, labels))
    if on_step:
        on_step()
    return communes


class _Stepper:
    def __init__(self, run, fail_after_step):
        self.run, self.done, self.fail_after_step = run, 0, fail_after_step

    def __call__(self):
        self.done += 1
        cache.set(_progress_key(self.run.pk), self.done, timeout=6 * 3600)
        if self.fail_after_step is not None and self.done >= self.fail_after_step:
            raise RuntimeError(f"recompute stopped after step {self.done}")

