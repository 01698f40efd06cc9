"""People new to the register are added to the stored figures; their communes are not recounted."""

import datetime

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from django.utils import timezone

from enrollment.imports.services import import_job_create, import_job_run
from enrollment.models import PendingParticipant, RecomputeRun
from enrollment.progress.services.engine import (
    progress_changes_paused,
    progress_recompute,
    progress_run_execute,
)
from tests.enrollment.progress.conftest import MONTHLY, QUARTERLY
from tests.enrollment.progress.test_incremental_recompute_matches_a_full_one import (
    everything,
)

pytestmark = pytest.mark.django_db
HEADER = "personal_id,full_name,birth_date,sex,commune_code,paid_on,method,monthly_income\n"


def a_month_before(day):
    return (day.replace(day=1) - datetime.timedelta(days=1)).replace(day=min(day.day, 28))


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def history(tree, enrol, approved_plan, today):
    approved_plan(tree.province, today.year, "si_participants", 10)
    approved_plan(tree.district, today.year, "si_new", 3)
    with progress_changes_paused():
        enrol(tree.commune, [(a_month_before(a_month_before(today)), QUARTERLY)], village=tree.village)
        return enrol(tree.other_commune, [(a_month_before(today), MONTHLY)], target_group="student")


def rows(tree, today, paying_again):
    return (f"082190000001,Lê Thị Hoa,02/03/1990,Nữ,{tree.commune.code},{today:%d/%m/%Y},monthly,2.000.000\n"
            f"082079000002,Trần Văn Nam,05/06/1979,Nam,{tree.commune.code},{a_month_before(today):%d/%m/%Y},"
            f"quarterly,2.500.000\n"
            f"082088000003,Phạm Văn Lợi,07/08/1988,Nam,{tree.far_commune.code},{today:%d/%m/%Y},yearly,1.800.000\n"
            f"{paying_again.personal_id},{paying_again.full_name},15/04/1985,Nam,{tree.other_commune.code},"
            f"{today:%d/%m/%Y},monthly,2.000.000\n")


def test_an_import_adds_its_new_people_and_recounts_only_the_communes_of_people_paying_again(
        tree, history, today, national_admin, client_for, upload_import, figure):
    progress_recompute(full=True)
    before = figure(tree.commune, today, "si_new").actual

    job = upload_import(client_for(national_admin), "participants", (HEADER + rows(tree, today, history)).encode())

    assert job.status == "done", job.errors[:3]
    run = RecomputeRun.objects.filter(kind="incremental").get()
    assert run.status == "done"
    assert run.unit_ids == [tree.other_commune.pk]
    assert run.added_participants == 3
    assert not PendingParticipant.objects.exists()
    assert figure(tree.commune, today, "si_new").actual == before + 2
    assert figure(tree.far_commune, today, "si_participants").actual == 1
    incremental = everything()

    progress_recompute(full=True)
    assert everything() == incremental


def test_before_a_full_run_has_counted_the_day_the_new_peoples_communes_are_recounted(
        tree, history, today, national_admin, client_for, upload_import, figure):
    job = upload_import(client_for(national_admin), "participants", (HEADER + rows(tree, today, history)).encode())

    assert job.status == "done", job.errors[:3]
    run = RecomputeRun.objects.get()
    assert (run.kind, run.status, run.added_participants) == ("incremental", "done", 3)
    assert figure(tree.commune, today, "si_participants").actual == 3
    assert figure(tree.province, today, "si_new").actual == 4
    incremental = everything()

    # The full run writes every day, the run above only those the import moved; forecasts differ
    # where last year was never counted, the counts may not.
    progress_recompute(full=True)
    full = everything()
    assert {row[:4] for row in incremental[0]} <= {row[:4] for row in full[0]}
    assert incremental[1] <= full[1]


def test_a_run_stopped_half_way_keeps_the_new_people_waiting_for_the_next(
        tree, history, today, national_admin, django_capture_on_commit_callbacks, figure):
    progress_recompute(full=True)
    before = everything()
    upload = SimpleUploadedFile("moi.csv", (HEADER + rows(tree, today, history)).encode())
    job = import_job_create(user=national_admin, kind="participants", uploaded_file=upload)
    with django_capture_on_commit_callbacks(execute=False):
        assert import_job_run(job_id=job.pk).status == "done"
    assert PendingParticipant.objects.count() == 3

    stopped = RecomputeRun.objects.create(kind="incremental", triggered_by="changes", dates=[today.isoformat()])
    stopped = progress_run_execute(run_id=stopped.pk, fail_after_step=3)

    assert stopped.status == "failed"
    assert everything() == before
    assert PendingParticipant.objects.count() == 3
    run = RecomputeRun.objects.create(kind="incremental", triggered_by="changes", unit_ids=[tree.other_commune.pk],
                                      dates=[today.isoformat()])
    assert progress_run_execute(run_id=run.pk).status == "done"
    assert not PendingParticipant.objects.exists()
    incremental = everything()
    progress_recompute(full=True)
    assert everything() == incremental



def test_a_new_person_rewrites_only_the_figures_they_move(tree, history, today, national_admin, client_for,
                                                          upload_import):
    """Their participants, new participants of the year and of the month, and the coverage, in their
    commune, district, province and the country: 16 rows, not every figure of those units."""
    progress_recompute(full=True)
    new_person = f"082190000001,Lê Thị Hoa,02/03/1990,Nữ,{tree.commune.code},{today:%d/%m/%Y},monthly,2.000.000\n"

    job = upload_import(client_for(national_admin), "participants", (HEADER + new_person).encode())

    assert job.status == "done", job.errors[:3]
    run = RecomputeRun.objects.filter(kind="incremental").get()
    assert (run.status, run.added_participants, run.snapshot_rows) == ("done", 1, 16)
    incremental = everything()
    progress_recompute(full=True)
    assert everything() == incremental
