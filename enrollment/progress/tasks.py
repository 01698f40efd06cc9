from celery import shared_task

from enrollment.progress.models import RecomputeStatus
from enrollment.progress.services.digest import digest_send, parse_day
from enrollment.progress.services.engine import (
    debounce_seconds,
    progress_recompute,
    progress_requeue_if_skipped,
    progress_run_execute,
)


# Task names stay as first published: schedules and queued messages refer to them.
@shared_task(name="enrollment.tasks.send_daily_digest")
def send_daily_digest(day=None):
    return digest_send(day=parse_day(day))


@shared_task(name="enrollment.tasks.recompute_progress_run", bind=True, max_retries=None)
def recompute_progress_run(self, run_id):
    """Execute a queued recompute; when another run holds the lock, wait and try again."""
    run = progress_run_execute(run_id=run_id)
    if run.status == RecomputeStatus.SKIPPED and progress_requeue_if_skipped(run):
        raise self.retry(countdown=debounce_seconds())
    return {"status": run.status, "snapshot_rows": run.snapshot_rows}


@shared_task(name="enrollment.tasks.recompute_progress_nightly")
def recompute_progress_nightly():
    run = progress_recompute(full=True, triggered_by="nightly")
    return {"status": run.status, "snapshot_rows": run.snapshot_rows}
