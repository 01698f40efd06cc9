import datetime
import time

import pytest
from django.utils import timezone

from enrollment.models import ProgressMetric, ProgressSnapshot, RecomputeRun
from enrollment.progress.tasks import recompute_progress_nightly
from tests.enrollment.progress.conftest import MONTHLY


def wait_for_run(seconds=60):
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        run = RecomputeRun.objects.order_by("-pk").first()
        if run and run.is_finished:
            return run
        time.sleep(0.2)
    raise AssertionError("no recompute finished")


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_a_payment_queues_an_incremental_recompute_that_a_worker_runs(celery_worker, tree, enrol, settings):
    settings.PROGRESS_DEBOUNCE_SECONDS = 0
    today = timezone.localdate()

    enrol(tree.commune, [(today, MONTHLY)], village=tree.village)

    run = wait_for_run()
    assert (run.kind, run.status, run.unit_ids) == ("incremental", "done", [tree.commune.pk])
    for unit in (tree.village, tree.commune, tree.district, tree.province, None):
        assert ProgressSnapshot.objects.get(unit=unit, date=today, metric="si_new").actual == 1


@pytest.mark.celery_worker
@pytest.mark.django_db(transaction=True)
def test_the_nightly_task_runs_a_full_recompute_on_a_worker(celery_worker, tree, enrol):
    from enrollment.progress.services.engine import progress_changes_paused

    with progress_changes_paused():
        enrol(tree.far_commune, [(timezone.localdate(), MONTHLY)])

    result = recompute_progress_nightly.delay()

    assert result.get(timeout=60)["status"] == "done"
    run = RecomputeRun.objects.get()
    assert (run.kind, run.triggered_by) == ("full", "nightly")
    assert ProgressSnapshot.objects.filter(unit=tree.far_commune, date=timezone.localdate()).count() == len(ProgressMetric)  # every metric
    assert ProgressSnapshot.objects.get(unit=tree.other_province, date=timezone.localdate(), metric="si_new").actual == 1
    assert ProgressSnapshot.objects.filter(date=datetime.date(timezone.localdate().year - 1, 12, 31)).exists()
