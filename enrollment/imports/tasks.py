from celery import shared_task

from enrollment.imports.services import import_job_run


# Task names stay as first published: schedules and queued messages refer to them.
@shared_task(name="enrollment.tasks.run_import_job")
def run_import_job(job_id):
    job = import_job_run(job_id=job_id)
    if job is None:
        return None
    return {"status": job.status, "created": job.created_rows, "updated": job.updated_rows, "errors": len(job.errors)}
