"""An office edits the campaigns of its area (dates, targets, participating agents); a campaign run above
or beside it answers 404, and bad input changes nothing."""

from datetime import date

import pytest

from agents.models import Campaign, CampaignType

pytestmark = pytest.mark.django_db


def campaign_of(unit, **fields):
    return Campaign.objects.create(name="Tuần lễ vàng", campaign_type=CampaignType.GOLDEN_WEEK, unit=unit,
                                   starts_on=date(2026, 3, 13), ends_on=date(2026, 3, 21), **fields)


def edit(client, campaign, **data):
    return client.post(f"/agents/campaigns/{campaign.pk}/edit/", {
        "name": campaign.name, "campaign_type": campaign.campaign_type, "starts_on": "13/03/2026",
        "ends_on": "21/03/2026", "unit": campaign.unit_id, "target_si": 60, "target_hi": 80, "description": "",
        **data}, follow=True)


def test_a_district_adds_agents_and_raises_the_target(client_for, district_staff, agents, tree):
    campaign = campaign_of(tree.district, target_si=40)
    campaign.agents.set([agents.mai])
    response = edit(client_for(district_staff), campaign, agents=[agents.mai.pk, agents.hung.pk], target_si=70,
                    ends_on="22/03/2026")
    campaign.refresh_from_db()
    assert (campaign.target_si, campaign.ends_on) == (70, date(2026, 3, 22))
    assert set(campaign.agents.all()) == {agents.mai, agents.hung}
    assert "Đã lưu đợt vận động Tuần lễ vàng" in response.content.decode()


def test_the_form_shows_dates_as_day_month_year(client_for, district_staff, tree):
    campaign = campaign_of(tree.district)
    body = client_for(district_staff).get(f"/agents/campaigns/{campaign.pk}/edit/").content.decode()
    assert 'value="13/03/2026"' in body


def test_a_participant_who_left_stays_on_the_campaign(client_for, district_staff, agents, tree):
    campaign = campaign_of(tree.district)
    campaign.agents.set([agents.mai])
    agents.mai.is_active = False
    agents.mai.save()
    edit(client_for(district_staff), campaign, agents=[agents.mai.pk])
    assert list(campaign.agents.all()) == [agents.mai]


def test_bad_input_changes_nothing(client_for, district_staff, tree):
    campaign = campaign_of(tree.district, target_si=40)
    response = edit(client_for(district_staff), campaign, ends_on="01/03/2026", target_si=99)
    campaign.refresh_from_db()
    assert (campaign.target_si, campaign.ends_on) == (40, date(2026, 3, 21))
    assert "Ngày kết thúc đợt vận động không được trước ngày bắt đầu" in response.content.decode()


def test_the_provinces_and_another_districts_campaigns_answer_not_found(client_for, district_staff, tree):
    client = client_for(district_staff)
    for unit in (tree.province, tree.other_district):
        campaign = campaign_of(unit)
        assert client.get(f"/agents/campaigns/{campaign.pk}/edit/").status_code == 404
        assert edit(client, campaign, target_si=1).status_code == 404
        campaign.refresh_from_db()
        assert campaign.target_si == 0


def test_the_edit_link_shows_only_to_those_who_may_edit(client_for, district_staff, provincial_manager, tree):
    campaign = campaign_of(tree.province)
    url = f"/agents/campaigns/{campaign.pk}/"
    assert f"{url}edit/" not in client_for(district_staff).get(url).content.decode()
    assert f"{url}edit/" in client_for(provincial_manager).get(url).content.decode()


def test_viewers_and_agent_staff_cannot_edit(client_for, viewer, agent_user, agents, tree):
    campaign = campaign_of(tree.district)
    campaign.agents.set([agents.mai])
    assert client_for(viewer).get(f"/agents/campaigns/{campaign.pk}/edit/").status_code == 403
    assert client_for(agent_user).get(f"/agents/campaigns/{campaign.pk}/edit/").status_code == 403
