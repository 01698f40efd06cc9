import threading
import uuid
from datetime import date

import pytest
from django.db import connection

from agents.campaigns.services.results import result_record
from agents.models import CampaignResult

pytestmark = pytest.mark.django_db


def submit(client, commune, key, **counts):
    data = {"key": str(key), "commune": commune.pk, "households_visited": 12, "people_consulted": 20,
            "attendees": 0, "new_si": 2, "new_hi": 1, "notes": "", **counts}
    return client.post("/field/", data, follow=True)


def test_a_double_tap_records_the_result_once(client_for, agent_user, tree):
    client = client_for(agent_user)
    key = uuid.uuid4()
    first = submit(client, tree.commune, key)
    second = submit(client, tree.commune, key)
    assert CampaignResult.objects.count() == 1
    assert "Đã lưu" in first.content.decode()
    assert "không ghi hai lần" in second.content.decode()


def test_two_reports_with_their_own_forms_are_both_kept(client_for, agent_user, tree):
    client = client_for(agent_user)
    submit(client, tree.commune, uuid.uuid4())
    submit(client, tree.commune, uuid.uuid4(), new_si=1)
    assert CampaignResult.objects.count() == 2
    assert "24 hộ" in client.get("/field/").content.decode()


def test_the_page_gives_every_form_a_fresh_key(client_for, agent_user):
    client = client_for(agent_user)
    first, second = (client.get("/field/").context["form"]["key"].value() for _ in range(2))
    assert first != second


def test_a_commune_the_point_does_not_serve_is_refused(client_for, agent_user, tree):
    response = submit(client_for(agent_user), tree.other_commune, uuid.uuid4())
    assert CampaignResult.objects.count() == 0
    assert "errorlist" in response.content.decode()


def test_negative_counts_are_refused(client_for, agent_user, tree):
    response = submit(client_for(agent_user), tree.commune, uuid.uuid4(), households_visited=-3)
    assert CampaignResult.objects.count() == 0
    assert "lớn hơn hoặc bằng" in response.content.decode()


def test_office_staff_have_no_field_page(client_for, district_staff):
    assert client_for(district_staff).get("/field/").status_code == 403


@pytest.mark.django_db(transaction=True)
def test_two_simultaneous_submissions_of_one_form_record_once(agent_user, agents, tree):
    key = uuid.uuid4()
    barrier = threading.Barrier(2)
    outcomes = []

    def send():
        try:
            barrier.wait()
            outcomes.append(result_record(agent=agents.mai, idempotency_key=key, day=date(2026, 11, 20), commune=tree.commune,
                                          user=agent_user, households_visited=5)[1])
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(2)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join()
    assert sorted(outcomes) == [False, True]
    assert CampaignResult.objects.filter(idempotency_key=key).count() == 1


def test_a_campaign_running_today_is_offered_and_chosen_for_its_agents(client_for, agent_user, agents, tree):
    from django.utils import timezone

    from agents.models import Campaign

    today = timezone.localdate()
    week = Campaign.objects.create(name="Tuần lễ vàng", campaign_type="golden_week", unit=tree.district,
                                   starts_on=today, ends_on=today)
    week.agents.set([agents.mai])
    Campaign.objects.create(name="Đã qua", campaign_type="mobilisation_day", unit=tree.district,
                            starts_on=date(2020, 5, 23), ends_on=date(2020, 5, 23))
    client = client_for(agent_user)
    form = client.get("/field/").context["form"]
    assert form["campaign"].value() == week.pk
    assert [c.name for c in form.fields["campaign"].queryset] == ["Tuần lễ vàng"]
    submit(client, tree.commune, uuid.uuid4(), campaign=week.pk)
    assert CampaignResult.objects.get().campaign == week
