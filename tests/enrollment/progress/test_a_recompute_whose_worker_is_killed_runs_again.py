"""Fault 6: a worker killed (`kill -9`) in the middle of a recompute. The run's heartbeat stops, so the
dashboard never hands that stuck run back; it is queued again and finishes once a worker is back (as
its supervisor restarts it), with the figures of a clean full recompute and no manual step."""

import datetime

import pytest
from django.utils import timezone

from enrollment.models import ProgressSnapshot, RecomputeRun
from enrollment.progress.services.engine import progress_changes_paused, progress_recompute
from enrollment.progress.services.sweeper import run_is_stale
from tests.enrollment.progress.conftest import MONTHLY, QUARTERLY
from tests.enrollment.progress.test_incremental_recompute_matches_a_full_one import everything
from tests.faults import Beat, stall_writes, wait_until

pytestmark = pytest.mark.celery_worker


def test_a_killed_recompute_is_run_again_and_never_handed_back_stuck(fault_rig, tree, enrol, client_for,
                                                                      provincial_manager):
    today = timezone.localdate()
    day = today - datetime.timedelta(days=1)
    with progress_changes_paused():
        enrol(tree.commune, [(today.replace(day=1), QUARTERLY)], village=tree.village)
        enrol(tree.other_commune, [(day, MONTHLY)])
    client = client_for(provincial_manager)
    back = f"/dashboards/{tree.province.pk}/?date={day.isoformat()}"
    fault_rig.worker.start()

    with stall_writes(ProgressSnapshot):
        client.post("/dashboards/recompute/", {"date": day.isoformat(), "next": back})
        run = RecomputeRun.objects.get()
        wait_until(lambda: RecomputeRun.objects.filter(pk=run.pk, status="running", done_steps__gte=1).exists(), 30)
        fault_rig.worker.kill()
    run.refresh_from_db()
    assert run.status == "running" and 0 < run.percent < 100
    assert not ProgressSnapshot.objects.exists()  # its transaction died with it

    wait_until(lambda: run_is_stale(RecomputeRun.objects.get(pk=run.pk)), 15, 0.5)
    response = client.post("/dashboards/recompute/", {"date": day.isoformat(), "next": back})
    assert response.url == f"{back}&run={run.pk}"
    status = client.get(f"/dashboards/recompute/{run.pk}/status/").json()
    assert status["status"] == "pending" and "dừng" in status["message"]  # queued again, and it says why

    fault_rig.worker.start()  # what systemd (Restart=always) or `make worker` does
    wait_until(lambda: RecomputeRun.objects.get(pk=run.pk).status == "done", 40, 0.5, tick=Beat())
    run.refresh_from_db()
    assert run.attempts == 2 and RecomputeRun.objects.count() == 1
    assert client.get(f"/dashboards/recompute/{run.pk}/status/").json()["percent"] == 100
    counted = everything()
    assert ProgressSnapshot.objects.filter(date=day).exists()
    progress_recompute(full=True, days=[day])
    assert everything() == counted
