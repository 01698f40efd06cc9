"""Fault 1 and 2: Redis restarts and loses the queued recompute (and the countdown task a worker held);
later entries still reach the figures, with no manual step, and the worker is still there."""

import pytest
from django.utils import timezone

from enrollment.models import ProgressChange, RecomputeRun
from enrollment.progress.services.engine import progress_recompute
from tests.enrollment.progress.conftest import MONTHLY
from tests.enrollment.progress.test_incremental_recompute_matches_a_full_one import everything
from tests.faults import Beat, wait_until

pytestmark = pytest.mark.celery_worker


def test_entries_after_a_redis_restart_reach_the_figures(fault_rig, tree, enrol, figure, settings):
    settings.PROGRESS_DEBOUNCE_SECONDS = 3  # the task waits as a countdown in the worker when Redis goes
    today = timezone.localdate()
    fault_rig.worker.start()
    progress_recompute(full=True)
    enrol(tree.commune, [(today, MONTHLY)])
    run = RecomputeRun.objects.get(triggered_by="changes", status="pending")

    fault_rig.redis.stop()  # the queued task, and the worker's hold on it, are gone
    fault_rig.redis.start()
    enrol(tree.commune, [(today, MONTHLY)])  # merges into the waiting run, whose task was lost
    enrol(tree.other_commune, [(today, MONTHLY)])

    def caught_up():
        """the figures have counted every entry"""
        return not ProgressChange.objects.exists() and not RecomputeRun.objects.filter(
            status__in=("pending", "running")).exists()

    wait_until(caught_up, 40, 0.5, tick=Beat())
    assert RecomputeRun.objects.get(pk=run.pk).status == "done"
    assert figure(tree.commune, today, "si_new").actual == 2
    assert figure(tree.province, today, "si_new").actual == 3
    assert fault_rig.worker.is_alive(), fault_rig.log.read_text()[-3000:]
    counted = everything()
    progress_recompute(full=True)
    assert everything() == counted
