import pytest

from agents.models import Campaign

pytestmark = pytest.mark.django_db


def create(client, **data):
    return client.post("/agents/campaigns/new/", {
        "name": "Tuần lễ vàng Chợ Gạo", "campaign_type": "golden_week", "starts_on": "2026-03-13",
        "ends_on": "2026-03-21", "target_si": 60, "target_hi": 80, "description": "", **data}, follow=True)


def test_a_campaign_with_its_agents_and_targets(client_for, district_staff, agents, tree):
    response = create(client_for(district_staff), unit=tree.district.pk, agents=[agents.mai.pk, agents.hung.pk])
    campaign = Campaign.objects.get()
    assert (campaign.unit, campaign.target_si, campaign.created_by) == (tree.district, 60, district_staff)
    assert set(campaign.agents.all()) == {agents.mai, agents.hung}
    assert "Đã tạo đợt vận động Tuần lễ vàng Chợ Gạo" in response.content.decode()


@pytest.mark.parametrize("bad", [
    {"ends_on": "2026-03-01"},  # before it starts
    {"target_si": -5},
])
def test_bad_input_creates_nothing(client_for, district_staff, tree, bad):
    response = create(client_for(district_staff), unit=tree.district.pk, **bad)
    assert Campaign.objects.count() == 0
    assert "errorlist" in response.content.decode()


def test_units_and_agents_outside_the_district_are_refused(client_for, district_staff, agents, tree):
    create(client_for(district_staff), unit=tree.other_district.pk)
    create(client_for(district_staff), unit=tree.district.pk, agents=[agents.lan.pk])
    assert Campaign.objects.count() == 0


def test_viewers_and_agent_staff_cannot_create_campaigns(client_for, viewer, agent_user):
    assert client_for(viewer).get("/agents/campaigns/new/").status_code == 403
    assert client_for(agent_user).get("/agents/campaigns/new/").status_code == 403
