import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from enrollment.imports.services import import_job_create
from enrollment.models import ImportStatus, LabourForce, Role


@pytest.mark.celery_worker
def test_a_worker_imports_the_file_queued_on_commit(celery_worker, tree, make_user, wait_for_job):
    manager = make_user(Role.PROVINCIAL_MANAGER, tree.province)
    upload = SimpleUploadedFile("lao-dong.csv", b"unit_code,year,labour_force\n822,2026,51000\n28594,2026,9800\n")
    with transaction.atomic():
        job = import_job_create(user=manager, kind="labour_force", uploaded_file=upload)

    job = wait_for_job(job)

    assert job.status == ImportStatus.DONE, job.errors
    assert job.created_rows == 2
    assert LabourForce.objects.get(unit=tree.district, year=2026).labour_force == 51000
