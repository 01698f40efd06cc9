"""Two agents saving the same person at the same moment: the database keeps one, the other is told who has them."""

import threading
import uuid

import pytest
from django.core.exceptions import ValidationError
from django.db import connection

from agents.campaigns.services.results import result_record
from agents.models import CampaignResult, ResultEnrollee
from tests.agents.enrollees import DAY, named


@pytest.mark.django_db(transaction=True)
def test_two_agents_naming_one_person_at_once_record_them_once(agents, tree):
    barrier = threading.Barrier(2)
    outcomes = []

    def send(agent):
        try:
            barrier.wait()
            result_record(agent=agent, idempotency_key=uuid.uuid4(), day=DAY, commune=tree.commune, user=None,
                          new_si=1, enrollees=[named("082085000777")])
            outcomes.append("saved")
        except ValidationError as error:
            outcomes.append(" ".join(error.messages))
        finally:
            connection.close()

    threads = [threading.Thread(target=send, args=(agent,)) for agent in (agents.mai, agents.hung)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert ResultEnrollee.objects.count() == 1 and CampaignResult.objects.count() == 1
    refused = next(outcome for outcome in outcomes if outcome != "saved")
    assert ResultEnrollee.objects.get().result.agent.full_name in refused
