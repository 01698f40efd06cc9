"""Fault 6 (imports): one file uploaded twice at the same moment and run by two worker processes at once.
One job saves its rows; the other ends failed and says plainly that the same file was saved by the
first; no row is saved twice, and the figures equal a clean full recompute."""

import time

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from enrollment.models import ImportJob, Participant, Payment, ProgressChange
from enrollment.progress.services.engine import progress_recompute
from tests.enrollment.progress.test_incremental_recompute_matches_a_full_one import everything
from tests.faults import Beat, stall_writes, wait_until

pytestmark = pytest.mark.celery_worker


def test_two_uploads_of_one_file_at_once_save_it_once(fault_rig, tree, national_admin, client_for):
    today = timezone.localdate().strftime("%d/%m/%Y")
    csv = ("personal_id,full_name,birth_date,sex,commune_code,paid_on,method,monthly_income\n"
           f"082190000001,Lê Thị Hoa,02/03/1990,Nữ,{tree.commune.code},{today},monthly,2.000.000\n"
           f"082079000002,Trần Văn Nam,05/06/1979,Nam,{tree.other_commune.code},{today},quarterly,2.500.000\n")
    client = client_for(national_admin)
    progress_recompute(full=True)
    fault_rig.worker.concurrency = 2
    fault_rig.worker.start()

    with stall_writes(Participant):  # both jobs have checked every row and wait to save
        for _ in range(2):  # two tabs: two submission keys
            client.post("/imports/new/participants/", {"file": SimpleUploadedFile("dot-1.csv", csv.encode())})
        wait_until(lambda: ImportJob.objects.filter(status="running").count() == 2, 30)
        time.sleep(1)
    wait_until(lambda: all(job.is_finished for job in ImportJob.objects.all()), 30, 0.3)

    saved, refused = sorted(ImportJob.objects.all(), key=lambda job: job.status)
    assert (saved.status, saved.created_rows) == ("done", 2)
    assert refused.status == "failed" and refused.created_rows == 0
    assert f"lần nhập số {saved.pk}" in refused.message and "không lưu trùng" in refused.message
    page = client.get(f"/imports/{refused.pk}/").content.decode()
    assert refused.message in page and 'id="import-retry"' in page
    assert Participant.objects.count() == 2 and Payment.objects.count() == 2

    wait_until(lambda: not ProgressChange.objects.exists(), 40, 0.5, tick=Beat())
    counted = everything()
    progress_recompute(full=True)
    assert everything() == counted
