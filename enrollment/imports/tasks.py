from celery import shared_task

from enrollment.imports.services import import_job_run


# Task names stay as first published: schedules and queued messages refer to them. A job is claimed
# once and a finished one is left alone, so a task whose worker died is safely delivered again.
@shared_task(name="enrollment.tasks.run_import_job", acks_late=True, reject_on_worker_lost=True, ignore_result=True)
def run_import_job(job_id):
    job = import_job_run(job_id=job_id)
    if job is None:
        return None
    return {"status": job.status, "created": job.created_rows, "updated": job.updated_rows, "errors": len(job.errors)}
