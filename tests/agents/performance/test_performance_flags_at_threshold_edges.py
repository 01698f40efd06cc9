"""Under 50% of the monthly quota for 3 consecutive months flags an agent for contract review."""

import uuid
from datetime import date

import pytest

from agents.models import AgentStaff, AgentStaffQuota, CampaignResult, ContractReview
from agents.performance.services import ReviewRule, reviews_flag
from agents.quotas.services import agent_quotas_set

pytestmark = pytest.mark.django_db
TODAY = date(2026, 12, 1)  # assesses September, October, November
MONTHS = (9, 10, 11)
RULE = ReviewRule(threshold_percent=50, months=3)


def give(agent, new_by_month, quota=4):
    agent_quotas_set(level="staff", owners=[agent], year=2026, months=MONTHS, metric="si_new", target=quota,
                     user=None)
    for month, new in zip(MONTHS, new_by_month):
        if new:
            CampaignResult.objects.create(agent=agent, commune=agent.point.unit, day=date(2026, month, 10),
                                          new_si=new, idempotency_key=uuid.uuid4())


def flagged(agents):
    reviews = reviews_flag(today=TODAY, rule=RULE, agents=AgentStaff.objects.filter(pk=agents.mai.pk))
    return [r.agent for r in reviews]


def test_exactly_half_the_quota_every_month_is_not_flagged(agents):
    give(agents.mai, (2, 2, 2))
    assert flagged(agents) == []


def test_just_under_half_every_month_is_flagged(agents):
    give(agents.mai, (1, 1, 1))
    assert flagged(agents) == [agents.mai]
    review = ContractReview.objects.get()
    assert review.period_end == date(2026, 11, 1)
    assert review.months == [["2026-09", 1, 4.0, 25.0], ["2026-10", 1, 4.0, 25.0], ["2026-11", 1, 4.0, 25.0]]


def test_two_bad_months_out_of_three_are_not_flagged(agents):
    give(agents.mai, (0, 2, 0))
    assert flagged(agents) == []


def test_a_month_without_a_quota_cannot_be_failed(agents):
    give(agents.mai, (0, 0, 0))
    AgentStaffQuota.objects.filter(month=10).delete()
    assert flagged(agents) == []


def test_the_threshold_and_the_run_length_are_settings(agents, settings):
    give(agents.mai, (2, 2, 2))
    settings.AGENTS_REVIEW_THRESHOLD_PERCENT = 60
    settings.AGENTS_REVIEW_MONTHS = 2
    reviews = reviews_flag(today=TODAY, agents=AgentStaff.objects.filter(pk=agents.mai.pk))
    assert [len(r.months) for r in reviews] == [2]


def test_checking_again_flags_once(agents):
    give(agents.mai, (0, 1, 0))
    flagged(agents)
    flagged(agents)
    assert ContractReview.objects.count() == 1


def test_the_provincial_manager_terminates_a_flagged_agent(client_for, provincial_manager, agents):
    give(agents.mai, (0, 0, 0))
    review = reviews_flag(today=TODAY, rule=RULE, agents=AgentStaff.objects.filter(pk=agents.mai.pk)).get()
    client = client_for(provincial_manager)
    assert "Nguyễn Thị Mai" in client.get("/agents/reviews/").content.decode()
    response = client.post(f"/agents/reviews/{review.pk}/decide/", {"decision": "terminate", "note": "Không đạt"},
                           follow=True)
    review.refresh_from_db()
    agents.mai.refresh_from_db()
    assert (review.decision, review.decided_by, agents.mai.is_active) == ("terminate", provincial_manager, False)
    assert "Đã ghi quyết định" in response.content.decode()
    assert "Nguyễn Thị Mai" not in client.get("/agents/reviews/").content.decode()  # no longer awaiting
    assert "Chấm dứt hợp đồng" in client.get("/agents/reviews/?show=all&_export=csv").content.decode()


def test_a_decision_needs_a_valid_choice(client_for, provincial_manager, agents):
    give(agents.mai, (0, 0, 0))
    review = reviews_flag(today=TODAY, rule=RULE, agents=AgentStaff.objects.filter(pk=agents.mai.pk)).get()
    client_for(provincial_manager).post(f"/agents/reviews/{review.pk}/decide/", {"decision": "fire"})
    review.refresh_from_db()
    assert review.decision == ""


def test_district_staff_see_the_list_but_cannot_decide(client_for, district_staff, agents):
    give(agents.mai, (0, 0, 0))
    review = reviews_flag(today=TODAY, rule=RULE, agents=AgentStaff.objects.filter(pk=agents.mai.pk)).get()
    client = client_for(district_staff)
    assert "Nguyễn Thị Mai" in client.get("/agents/reviews/").content.decode()
    assert client.post(f"/agents/reviews/{review.pk}/decide/", {"decision": "keep"}).status_code == 403


def test_another_provinces_manager_gets_not_found(client_for, make_user, tree, agents):
    give(agents.mai, (0, 0, 0))
    review = reviews_flag(today=TODAY, rule=RULE, agents=AgentStaff.objects.filter(pk=agents.mai.pk)).get()
    other = make_user("provincial_manager", tree.other_province)
    assert client_for(other).post(f"/agents/reviews/{review.pk}/decide/", {"decision": "keep"}).status_code == 404
