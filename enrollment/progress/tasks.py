from celery import shared_task

from enrollment.imports.services import import_jobs_sweep
from enrollment.progress.models import RecomputeStatus
from enrollment.progress.services.digest import digest_send, parse_day
from enrollment.progress.services.engine import (
    debounce_seconds,
    progress_recompute,
    progress_requeue_if_skipped,
    progress_run_dispatch,
    progress_run_execute,
)
from enrollment.progress.services.sweeper import progress_sweep

# Runs are idempotent (a run is claimed once; a finished one is left alone), so a task whose worker
# died is safely delivered again: `acks_late` with `reject_on_worker_lost`. Their outcome is in the
# database, not in the result backend, which is not needed to queue them.
RELIABLE = {"acks_late": True, "reject_on_worker_lost": True, "ignore_result": True}


# Task names stay as first published: schedules and queued messages refer to them.
@shared_task(name="enrollment.tasks.send_daily_digest")
def send_daily_digest(day=None):
    return digest_send(day=parse_day(day))


@shared_task(name="enrollment.tasks.recompute_progress_run", **RELIABLE)
def recompute_progress_run(run_id):
    """Execute a queued recompute; when another run holds the lock, it waits and is queued again."""
    run = progress_run_execute(run_id=run_id)
    if run is None:
        return None
    if run.status == RecomputeStatus.SKIPPED and progress_requeue_if_skipped(run):
        progress_run_dispatch(run, countdown=debounce_seconds())
    return {"status": run.status, "snapshot_rows": run.snapshot_rows}


@shared_task(name="enrollment.tasks.recompute_progress_nightly")
def recompute_progress_nightly():
    run = progress_recompute(full=True, triggered_by="nightly")
    return {"status": run.status, "snapshot_rows": run.snapshot_rows}


@shared_task(name="enrollment.tasks.sweep_background_work", ignore_result=True)
def sweep_background_work():
    """Every minute (beat): queue again what a fault lost, end what a dead worker left running."""
    return {"progress": progress_sweep(), "imports": import_jobs_sweep()}
