import uuid
from datetime import timedelta

import pytest
from django.utils import timezone

from agents.campaigns.selectors.field import quota_progress_this_month
from agents.models import CampaignResult

pytestmark = pytest.mark.django_db


def result(agent, commune, days_ago=0, **counts):
    return CampaignResult.objects.create(agent=agent, commune=commune, day=timezone.localdate() - timedelta(days_ago),
                                         idempotency_key=uuid.uuid4(), **{"households_visited": 10, "new_si": 2,
                                                                          **counts})


def correction(commune, **counts):
    return {"commune": commune.pk, "households_visited": 10, "people_consulted": 0, "attendees": 0, "new_si": 1,
            "new_hi": 0, "notes": "gõ nhầm", **counts}


def test_a_correction_replaces_the_figures_and_counts_once(client_for, agent_user, agents, tree):
    logged = result(agents.mai, tree.commune)
    client = client_for(agent_user)
    assert f"/field/results/{logged.pk}/" in client.get("/field/").content.decode()
    for _ in range(2):  # a resent correction changes nothing more
        response = client.post(f"/field/results/{logged.pk}/", correction(tree.commune), follow=True)
    logged.refresh_from_db()
    assert (logged.new_si, logged.notes, CampaignResult.objects.count()) == (1, "gõ nhầm", 1)
    assert "Đã sửa báo cáo ngày" in response.content.decode()
    assert quota_progress_this_month(agents.mai, timezone.localdate())["counted"] == 1


def test_a_report_of_last_week_can_be_corrected_not_an_older_one(client_for, agent_user, agents, tree):
    recent, old = result(agents.mai, tree.commune, days_ago=7), result(agents.mai, tree.commune, days_ago=8)
    client = client_for(agent_user)
    page = client.get("/field/").content.decode()
    assert f"/field/results/{recent.pk}/" in page and f"/field/results/{old.pk}/" not in page
    assert client.get(f"/field/results/{old.pk}/").status_code == 404
    assert client.post(f"/field/results/{old.pk}/", correction(tree.commune)).status_code == 404


def test_someone_elses_report_answers_not_found(client_for, agent_user, agents, tree):
    colleague = result(agents.hung, tree.commune)
    client = client_for(agent_user)
    assert client.get(f"/field/results/{colleague.pk}/").status_code == 404
    client.post(f"/field/results/{colleague.pk}/delete/")
    assert CampaignResult.objects.filter(pk=colleague.pk).exists()


def test_a_correction_to_a_commune_not_served_is_refused(client_for, agent_user, agents, tree):
    logged = result(agents.mai, tree.commune)
    response = client_for(agent_user).post(f"/field/results/{logged.pk}/", correction(tree.other_commune))
    logged.refresh_from_db()
    assert logged.commune == tree.commune and "errorlist" in response.content.decode()


def test_deleting_twice_deletes_once(client_for, agent_user, agents, tree):
    logged, kept = result(agents.mai, tree.commune), result(agents.mai, tree.commune, new_si=1)
    client = client_for(agent_user)
    first = client.post(f"/field/results/{logged.pk}/delete/", follow=True).content.decode()
    second = client.post(f"/field/results/{logged.pk}/delete/", follow=True).content.decode()
    assert list(CampaignResult.objects.all()) == [kept]
    assert "Đã xóa báo cáo" in first and "đã được xóa" in second
    assert quota_progress_this_month(agents.mai, timezone.localdate())["counted"] == 1


def test_office_staff_have_no_correction_page(client_for, district_staff, agents, tree):
    logged = result(agents.mai, tree.commune)
    assert client_for(district_staff).get(f"/field/results/{logged.pk}/").status_code == 403


def test_each_report_on_the_phone_page_names_its_figures(client_for, agent_user, agents, tree):
    result(agents.mai, tree.commune, days_ago=2, people_consulted=14, new_hi=3)
    earlier = client_for(agent_user).get("/field/").content.decode().split('id="earlier"')[1]
    assert "10 hộ, 14 người được tư vấn, 2 BHXH TN mới, 3 BHYT hộ gia đình mới" in earlier
