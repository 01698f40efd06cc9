"""Faults 3 and 4: Redis is down. Entries, payments and imports save and answer as usual (the work waits
in the database), dashboards and /healthz read the database without the cache; when Redis is back the
sweeper catches up with no manual step, and the figures equal a clean full recompute."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from enrollment.models import ImportJob, Participant, Payment, ProgressChange, ProgressSnapshot, RecomputeRun
from enrollment.progress.services.engine import progress_recompute
from tests.enrollment.progress.test_incremental_recompute_matches_a_full_one import everything
from tests.enrollment.register.test_district_staff_enters_a_participant import entry
from tests.faults import Beat, wait_until

pytestmark = pytest.mark.celery_worker


def test_with_redis_down_work_is_saved_and_the_figures_catch_up_when_it_returns(
        fault_rig, tree, district_staff, client_for):
    today = timezone.localdate()
    client = client_for(district_staff)
    progress_recompute(full=True)  # last night's figures
    fault_rig.worker.start()
    fault_rig.redis.stop()

    paid_on = today.strftime("%d/%m/%Y")
    response = client.post("/participants/new/", entry(tree.commune, paid_on=paid_on))
    person = Participant.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/participants/{person.pk}/"
    response = client.post(f"/participants/{person.pk}/payments/new/", {
        "paid_on": paid_on, "method": "monthly", "monthly_income": "1.500.000"})
    assert response.status_code == 302 and Payment.objects.count() == 2

    later = (today - datetime.timedelta(days=1)).strftime("%d/%m/%Y")
    csv = ("personal_id,full_name,birth_date,sex,commune_code,paid_on,method,monthly_income\n"
           f"082190000001,Lê Thị Hoa,02/03/1990,Nữ,{tree.commune.code},{later},monthly,2.000.000\n")
    response = client.post("/imports/new/participants/", {"file": SimpleUploadedFile("dot-1.csv", csv.encode())})
    job = ImportJob.objects.get()
    assert response.status_code == 302 and job.status == "pending"
    page = client.get(response["Location"]).content.decode()
    assert "tự bắt đầu" in page  # it says the import will start by itself

    assert client.get(f"/dashboards/{tree.district.pk}/").status_code == 200
    health = client.get("/healthz")
    assert health.json()["redis"] == "down" and health.json()["figures"]["waiting_changes"] == 2
    assert ProgressChange.objects.count() == 2 and RecomputeRun.objects.filter(status="done").count() == 1

    fault_rig.redis.start()
    beat = Beat()
    wait_until(lambda: ImportJob.objects.get().status == "done", 40, 0.5, tick=beat)
    wait_until(lambda: not ProgressChange.objects.exists() and not RecomputeRun.objects.filter(
        status__in=("pending", "running")).exists(), 40, 0.5, tick=beat)

    assert Participant.objects.count() == 2 and Payment.objects.count() == 3
    assert ProgressSnapshot.objects.get(unit=tree.commune, date=today, metric="si_new").actual == 2
    assert fault_rig.worker.is_alive()
    assert client.get("/healthz").status_code == 200
    counted = everything()
    progress_recompute(full=True)
    assert everything() == counted
