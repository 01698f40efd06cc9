"""Two districts officers submit the same personal ID at the same moment: one person is created."""

import threading
from datetime import date

import pytest
from django.db import connection, connections

from enrollment.models import Participant
from enrollment.register.services.participants import participant_get_or_create

pytestmark = pytest.mark.django_db(transaction=True)


def test_concurrent_submits_create_one_participant(tree):
    if connection.vendor != "postgresql":
        pytest.skip("needs two real concurrent transactions")
    barrier = threading.Barrier(2)
    results, errors = [], []

    def submit(name):
        try:
            from django.db import transaction

            with transaction.atomic():
                barrier.wait(timeout=10)
                participant, created = participant_get_or_create(
                    personal_id="082085000777", full_name=name, birth_date=date(1985, 4, 15), sex="male",
                    commune=tree.commune,
                )
                results.append((participant.pk, created))
        except Exception as exc:  # the assertion below shows it
            errors.append(exc)
        finally:
            connections.close_all()

    threads = [threading.Thread(target=submit, args=(name,)) for name in ("Nguyễn Văn A", "Nguyễn Văn A (2)")]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(timeout=30)

    assert errors == []
    assert Participant.objects.filter(personal_id="082085000777").count() == 1
    assert sorted(created for _pk, created in results) == [False, True]
    assert len({pk for pk, _created in results}) == 1
