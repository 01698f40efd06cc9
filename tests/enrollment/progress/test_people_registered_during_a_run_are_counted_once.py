"""Someone registered while a run is counting is left for the next run, and counted once."""

import datetime
import threading
from decimal import Decimal

import pytest
from django.db import connection, transaction
from django.utils import timezone

from enrollment.models import PendingParticipant, RecomputeRun
from enrollment.progress.services import engine as progress
from enrollment.progress.services.additions import pending_add
from enrollment.register.services.participants import (
    participant_get_or_create,
    payment_record,
)
from tests.enrollment.progress.conftest import MONTHLY
from tests.enrollment.progress.test_incremental_recompute_matches_a_full_one import (
    everything,
)

_numbers = iter(range(1, 100))


def register_waiting(commune, today):
    """A new person and their first payment, waiting to be added as an import leaves them."""
    with transaction.atomic(), progress.progress_changes_paused():
        person, _created = participant_get_or_create(
            personal_id=f"082190{next(_numbers):06d}", full_name="Lê Thị Hoa", birth_date=datetime.date(1990, 3, 2),
            sex="female", commune=commune, target_group="farmer", support_category="other")
        payment_record(participant=person, paid_on=today, method=MONTHLY, monthly_income=Decimal(2_000_000))
        pending_add([person.pk])
    return person


def incremental_run():
    run = RecomputeRun.objects.create(kind="incremental", triggered_by="changes",
                                      dates=[timezone.localdate().isoformat()])
    return progress.progress_run_execute(run_id=run.pk)


@pytest.mark.django_db(transaction=True)
def test_a_person_registered_while_a_run_counts_waits_for_the_next_run(tree, enrol, figure, monkeypatch):
    if connection.vendor != "postgresql":
        pytest.skip("SQLite lets no one write while a run holds its transaction")
    today = timezone.localdate()
    with progress.progress_changes_paused():
        enrol(tree.commune, [(today, MONTHLY)])
    assert progress.progress_recompute(full=True).status == "done"
    register_waiting(tree.commune, today)

    counting, go_on = threading.Event(), threading.Event()
    pending_participant_ids = progress.pending_participant_ids

    def read_then_pause():
        found = pending_participant_ids()
        counting.set()
        go_on.wait(30)
        return found

    monkeypatch.setattr(progress, "pending_participant_ids", read_then_pause)
    runs = []

    def run_in_a_worker():
        try:
            runs.append(incremental_run())
        finally:
            connection.close()

    worker = threading.Thread(target=run_in_a_worker)
    worker.start()
    try:
        assert counting.wait(10)
        latecomer = register_waiting(tree.commune, today)
    finally:
        go_on.set()
        worker.join()
    monkeypatch.undo()

    assert (runs[0].status, runs[0].added_participants) == ("done", 1)
    assert figure(tree.commune, today, "si_new").actual == 2
    assert list(PendingParticipant.objects.values_list("participant_id", flat=True)) == [latecomer.pk]

    assert incremental_run().added_participants == 1
    assert figure(tree.commune, today, "si_new").actual == 3
    assert not PendingParticipant.objects.exists()
    counted = everything()
    progress.progress_recompute(full=True)
    assert everything() == counted
