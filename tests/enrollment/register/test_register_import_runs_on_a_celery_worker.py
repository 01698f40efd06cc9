import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.db import transaction

from enrollment.imports.services import import_job_create
from enrollment.models import ImportStatus, Participant, Role

HEADER = "personal_id,full_name,birth_date,sex,commune_code,paid_on,method,monthly_income\n"


@pytest.mark.celery_worker
def test_a_worker_imports_two_thousand_payments(celery_worker, tree, make_user, wait_for_job):
    staff = make_user(Role.DISTRICT_STAFF, tree.district)
    rows = "".join(f"082085{n:06d},Người {n},15/04/1985,Nam,28594,05/11/2026,monthly,1.500.000\n" for n in range(2000))
    with transaction.atomic():
        job = import_job_create(user=staff, kind="participants",
                                uploaded_file=SimpleUploadedFile("nop.csv", (HEADER + rows).encode()))

    job = wait_for_job(job, seconds=120)

    assert job.status == ImportStatus.DONE, job.errors
    assert (job.created_rows, job.processed_rows, job.percent) == (2000, 2000, 100)
    assert Participant.objects.filter(paid_through__isnull=False).count() == 2000
