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
