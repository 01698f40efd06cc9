"""A recompute that fails is tried again by the sweeper with backoff (1, 2, 4 … minutes), says so in
Vietnamese, and stops after JOB_MAX_ATTEMPTS; while changes wait too long the dashboards turn amber
and /healthz answers 503."""

import datetime

import pytest
from django.utils import timezone

from enrollment.models import ProgressChange, RecomputeRun
from enrollment.progress.services.engine import progress_recompute, progress_run_execute
from enrollment.progress.services.sweeper import progress_sweep
from tests.enrollment.progress.conftest import MONTHLY

pytestmark = pytest.mark.django_db
MINUTE = datetime.timedelta(minutes=1)


def test_a_failed_run_is_retried_with_backoff_until_its_attempts_are_spent(tree, enrol, settings):
    settings.JOB_MAX_ATTEMPTS = 2
    enrol(tree.commune, [(timezone.localdate(), MONTHLY)])  # leaves a change in the outbox
    run = RecomputeRun.objects.create(kind="incremental", triggered_by="changes")  # as its commit would

    run = progress_run_execute(run_id=run.pk, fail_after_step=2)
    assert run.status == "failed" and "sẽ tự thử lại lúc" in run.message
    assert ProgressChange.objects.count() == 1  # the change still waits for a run that succeeds
    assert progress_sweep(now=timezone.now())["retried"] == 0  # not before its backoff
    assert progress_sweep(now=timezone.now() + 2 * MINUTE)["retried"] == 1

    run = progress_run_execute(run_id=run.pk, fail_after_step=2)
    assert (run.status, run.attempts, run.due_at) == ("failed", 2, None)
    assert "lần tính lại hằng đêm" in run.message
    assert progress_sweep(now=timezone.now() + 60 * MINUTE)["retried"] == 0

    progress_recompute(full=True)  # the nightly run absorbs what waits
    assert not ProgressChange.objects.exists()


def test_work_waiting_too_long_turns_the_dashboard_amber_and_healthz_503(
        tree, enrol, client_for, provincial_manager, settings, client):
    progress_recompute(full=True)
    assert client.get("/healthz").status_code == 200
    enrol(tree.commune, [(timezone.localdate(), MONTHLY)])
    ProgressChange.objects.update(created_at=timezone.now() - datetime.timedelta(minutes=30))

    page = client_for(provincial_manager).get(f"/dashboards/{tree.province.pk}/").content.decode()
    assert 'id="figures-freshness"' in page and 'data-stale="1"' in page and "1 thay đổi đang chờ tính" in page
    health = client.get("/healthz")
    assert health.status_code == 503
    assert health.json()["figures"]["waiting_changes"] == 1 and health.json()["figures"]["oldest_waiting_minutes"] >= 30
