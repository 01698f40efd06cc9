import pytest

from agents.models import Campaign, CampaignType

pytestmark = pytest.mark.django_db


def test_the_staff_list_shows_only_their_organisation(client_for, agent_user, agents):
    body = client_for(agent_user).get("/agents/staff/").content.decode()
    assert "Nguyễn Thị Mai" in body and "Trần Thị Lan" in body  # both post office, in two districts
    assert "Lê Văn Hùng" not in body  # another organisation in the same commune
    assert "Đỗ Minh Quân" not in body


def test_the_export_holds_only_their_organisation(client_for, agent_user, agents):
    csv = client_for(agent_user).get("/agents/staff/?_export=csv").content.decode()
    assert "Nguyễn Thị Mai" in csv and "Lê Văn Hùng" not in csv


@pytest.mark.parametrize("path", [
    "/agents/staff/{hung}/", "/agents/organisations/{union}/", "/agents/organisations/{far}/",
])
def test_other_organisations_answer_not_found(client_for, agent_user, agents, path):
    url = path.format(hung=agents.hung.pk, union=agents.union.pk, far=agents.far.pk)
    assert client_for(agent_user).get(url).status_code == 404


def test_a_campaign_without_their_organisation_answers_not_found(client_for, agent_user, agents, tree):
    theirs = Campaign.objects.create(name="Ra quân", campaign_type=CampaignType.MOBILISATION_DAY, unit=tree.province,
                                     starts_on="2026-05-23", ends_on="2026-05-23")
    theirs.agents.set([agents.mai])
    other = Campaign.objects.create(name="Hội nghị Hội Nông dân", campaign_type=CampaignType.CONFERENCE,
                                    unit=tree.district, starts_on="2026-05-23", ends_on="2026-05-23")
    other.agents.set([agents.hung])
    client = client_for(agent_user)
    assert client.get(f"/agents/campaigns/{theirs.pk}/").status_code == 200
    assert client.get(f"/agents/campaigns/{other.pk}/").status_code == 404
    assert "Hội nghị Hội Nông dân" not in client.get("/agents/campaigns/").content.decode()


def test_an_agent_account_without_a_profile_sees_no_agents(client_for, make_user, tree, agents):
    user = make_user("agent_staff", tree.commune)
    body = client_for(user).get("/agents/staff/").content.decode()
    assert "Nguyễn Thị Mai" not in body


def test_agent_staff_cannot_set_quotas_or_decide_reviews(client_for, agent_user, agents):
    client = client_for(agent_user)
    assert client.get("/agents/quotas/").status_code == 403
    assert client.get("/agents/reviews/").status_code == 403


def test_a_campaign_they_logged_results_in_without_being_listed_is_theirs_to_see(client_for, agent_user, agents,
                                                                                  tree):
    import uuid

    from agents.models import CampaignResult

    province_day = Campaign.objects.create(name="Ra quân toàn tỉnh", campaign_type=CampaignType.MOBILISATION_DAY,
                                           unit=tree.province, starts_on="2026-05-23", ends_on="2026-05-23")
    province_day.agents.set([agents.hung])
    CampaignResult.objects.create(agent=agents.mai, commune=tree.commune, day="2026-05-23", new_si=2,
                                  campaign=province_day, idempotency_key=uuid.uuid4())
    response = client_for(agent_user).get(f"/agents/campaigns/{province_day.pk}/")
    assert response.status_code == 200
    assert response.context["totals"]["reported"] == 2
    assert "Lê Văn Hùng" not in response.content.decode()
