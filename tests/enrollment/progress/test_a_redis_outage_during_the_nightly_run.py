"""Fault 7 and 2: Redis goes away for a few seconds while the nightly full run works. The run does not
need Redis (its progress goes to the database), so it finishes; the worker rides out the outage and
takes new work once Redis is back; the figures equal a clean full recompute."""

import pytest
from django.utils import timezone

from enrollment.models import ProgressChange, ProgressSnapshot, RecomputeRun
from enrollment.progress.services.engine import progress_changes_paused, progress_recompute
from enrollment.shared.dispatch import task_dispatch
from tests.enrollment.progress.conftest import MONTHLY
from tests.enrollment.progress.test_incremental_recompute_matches_a_full_one import everything
from tests.faults import Beat, stall_writes, wait_until

pytestmark = pytest.mark.celery_worker


def test_the_nightly_run_finishes_through_a_redis_outage(fault_rig, tree, enrol, figure):
    today = timezone.localdate()
    with progress_changes_paused():
        enrol(tree.commune, [(today, MONTHLY)])
        enrol(tree.far_commune, [(today, MONTHLY)])
    fault_rig.worker.start()

    with stall_writes(ProgressSnapshot):
        task_dispatch("enrollment.tasks.recompute_progress_nightly")
        wait_until(lambda: RecomputeRun.objects.filter(status="running", done_steps__gte=1).exists(), 30)
        fault_rig.redis.stop()
    nightly = RecomputeRun.objects.get()
    wait_until(lambda: RecomputeRun.objects.get(pk=nightly.pk).status == "done", 30, 0.5)
    fault_rig.redis.start()  # about 4 seconds later
    assert figure(tree.commune, today, "si_new").actual == 1

    assert fault_rig.worker.is_alive(), fault_rig.log.read_text()[-3000:]
    enrol(tree.commune, [(today, MONTHLY)])  # new work after the outage is taken by the same worker
    wait_until(lambda: not ProgressChange.objects.exists(), 40, 0.5, tick=Beat())
    assert figure(tree.commune, today, "si_new").actual == 2
    assert RecomputeRun.objects.get(pk=nightly.pk).status == "done"
    counted = everything()
    progress_recompute(full=True)
    assert everything() == counted
