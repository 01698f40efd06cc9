from celery import shared_task

from enrollment.services.imports import import_job_run


@shared_task
def run_import_job(job_id):
    job = import_job_run(job_id=job_id)
    if job is None:
        return None
    return {"status": job.status, "created": job.created_rows, "updated": job.updated_rows, "errors": len(job.errors)}


@shared_task
def send_daily_digest(day=None):
    from enrollment.services.digest import digest_send, parse_day

    return digest_send(day=parse_day(day))


# --- progress engine ---------------------------------------------------------------------------

@shared_task(bind=True, max_retries=None)
def recompute_progress_run(self, run_id):
    """Execute a queued recompute; when another run holds the lock, wait and try again."""
    from enrollment.models import RecomputeStatus
    from enrollment.services.progress import debounce_seconds, progress_requeue_if_skipped, progress_run_execute

    run = progress_run_execute(run_id=run_id)
    if run.status == RecomputeStatus.SKIPPED and progress_requeue_if_skipped(run):
        raise self.retry(countdown=debounce_seconds())
    return {"status": run.status, "snapshot_rows": run.snapshot_rows}


@shared_task
def recompute_progress_nightly():
    from enrollment.services.progress import progress_recompute

    run = progress_recompute(full=True, triggered_by="nightly")
    return {"status": run.status, "snapshot_rows": run.snapshot_rows}
