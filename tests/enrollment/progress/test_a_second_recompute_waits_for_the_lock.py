import datetime
import threading

import pytest
from django.db import connection, transaction

from enrollment.models import ProgressMetric, ProgressSnapshot, RecomputeLock
from enrollment.progress.services.engine import progress_recompute

TODAY = datetime.date(2026, 3, 15)


def hold_the_lock(taken, release):
    try:
        with transaction.atomic():
            if connection.vendor == "postgresql":
                RecomputeLock.objects.select_for_update().get(name="progress")
            else:
                RecomputeLock.objects.filter(name="progress").update(claimed_at=datetime.datetime.now(datetime.UTC),
                                                                     run=None)
            taken.set()
            release.wait(30)
    finally:
        connection.close()


@pytest.mark.django_db(transaction=True)
def test_a_recompute_started_while_another_runs_is_skipped_and_writes_nothing(tree):
    RecomputeLock.objects.get_or_create(name="progress")
    if connection.vendor != "postgresql":
        pytest.skip("SQLite serialises writers itself; the claim is covered by the lock row's conditional update")
    taken, release = threading.Event(), threading.Event()
    holder = threading.Thread(target=hold_the_lock, args=(taken, release))
    holder.start()
    try:
        assert taken.wait(10)
        run = progress_recompute(full=True, today=TODAY)
    finally:
        release.set()
        holder.join()

    assert run.status == "skipped"
    assert not ProgressSnapshot.objects.exists()
    assert progress_recompute(full=True, today=TODAY).status == "done"
    assert ProgressSnapshot.objects.filter(unit=None, date=TODAY).count() == len(ProgressMetric)  # every metric


@pytest.mark.django_db
def test_on_sqlite_a_claimed_lock_row_keeps_a_second_run_out(tree):
    if connection.vendor == "postgresql":
        pytest.skip("PostgreSQL locks the row inside the run's transaction")
    from django.utils import timezone

    from enrollment.models import RecomputeRun

    holder = RecomputeRun.objects.create(kind="full", status="running")
    RecomputeLock.objects.update_or_create(name="progress", defaults={"run": holder, "claimed_at": timezone.now()})

    assert progress_recompute(full=True, today=TODAY).status == "skipped"
    RecomputeLock.objects.filter(name="progress").update(run=None, claimed_at=None)
    assert progress_recompute(full=True, today=TODAY).status == "done"
