"""A person an agent reports in the field and the same person's first payment in the register count once."""

import uuid
from datetime import date

import pytest

from agents.models import Campaign, CampaignResult, CampaignType
from agents.performance.selectors.performance import (
    counted_by_agent_day,
    new_by_agent_month,
)

pytestmark = pytest.mark.django_db
DAY = date(2026, 5, 23)


def report(agent, commune, new_si, day=DAY, campaign=None):
    return CampaignResult.objects.create(agent=agent, commune=commune, day=day, new_si=new_si, campaign=campaign,
                                         households_visited=10, idempotency_key=uuid.uuid4())


@pytest.fixture
def ra_quan(tree, agents):
    campaign = Campaign.objects.create(name="Ngày ra quân 23/5", campaign_type=CampaignType.MOBILISATION_DAY,
                                       unit=tree.province, starts_on=DAY, ends_on=DAY, target_si=10)
    campaign.agents.set([agents.mai, agents.hung])
    return campaign


def test_the_same_people_reported_and_registered_count_once(agents, tree, first_payment):
    report(agents.mai, tree.commune, 2)
    first_payment(tree.commune, DAY, mobilised_by_agent=agents.mai)
    first_payment(tree.commune, DAY, mobilised_by_agent=agents.mai)
    figures = counted_by_agent_day([agents.mai], DAY, DAY)[(agents.mai.pk, DAY)]
    assert figures == {"reported": 2, "confirmed": 2, "counted": 2}


def test_the_register_counts_when_it_knows_more_than_the_report(agents, tree, first_payment):
    report(agents.mai, tree.commune, 1)
    for _ in range(3):
        first_payment(tree.commune, DAY, collected_by_agent=agents.mai)
    assert counted_by_agent_day([agents.mai], DAY, DAY)[(agents.mai.pk, DAY)]["counted"] == 3


def test_a_report_counts_until_the_register_catches_up(agents, tree):
    report(agents.mai, tree.commune, 3)
    assert new_by_agent_month([agents.mai], date(2026, 5, 1), date(2026, 5, 31))[agents.mai.pk] == {
        date(2026, 5, 1): 3}


def test_renewals_and_other_agents_payments_are_not_new_enrollees(agents, tree, first_payment):
    from enrollment.register.services.participants import payment_record

    payment = first_payment(tree.commune, date(2026, 4, 20), mobilised_by_agent=agents.mai)
    payment_record(participant=payment.participant, paid_on=DAY, method="monthly", monthly_income=2_000_000,
                   collected_by_agent=agents.mai)
    first_payment(tree.commune, DAY, mobilised_by_agent=agents.hung, collected_by_agent=agents.mai)
    assert (agents.mai.pk, DAY) not in counted_by_agent_day([agents.mai], DAY, DAY)


def test_the_campaign_page_counts_the_larger_figure_per_agent_and_day(client_for, provincial_manager, agents, tree,
                                                                     ra_quan, first_payment):
    report(agents.mai, tree.commune, 2, campaign=ra_quan)
    for _ in range(3):
        first_payment(tree.commune, DAY, mobilised_by_agent=agents.mai, campaign=ra_quan)
    report(agents.hung, tree.commune, 4, campaign=ra_quan)
    first_payment(tree.commune, DAY, mobilised_by_agent=agents.hung, campaign=ra_quan)
    response = client_for(provincial_manager).get(f"/agents/campaigns/{ra_quan.pk}/")
    totals = response.context["totals"]
    assert (totals["reported"], totals["confirmed"], totals["counted"]) == (6, 4, 7)
    csv = client_for(provincial_manager).get(f"/agents/campaigns/{ra_quan.pk}/?_export=csv").content.decode()
    assert "Nguyễn Thị Mai" in csv and "Lê Văn Hùng" in csv


def test_a_district_sees_the_provincial_campaign_with_its_own_results_only(client_for, district_staff, agents, tree,
                                                                         ra_quan):
    ra_quan.agents.add(agents.lan)
    report(agents.mai, tree.commune, 2, campaign=ra_quan)
    report(agents.lan, tree.other_commune, 5, campaign=ra_quan)
    response = client_for(district_staff).get(f"/agents/campaigns/{ra_quan.pk}/")
    assert response.context["totals"]["counted"] == 2
    assert "Trần Thị Lan" not in response.content.decode()


def test_people_reported_on_a_campaign_day_and_paying_days_later_count_once(agents, tree, first_payment):
    report(agents.mai, tree.commune, 2)
    first_payment(tree.commune, date(2026, 5, 26), mobilised_by_agent=agents.mai)
    first_payment(tree.commune, date(2026, 5, 26), mobilised_by_agent=agents.mai)
    first_payment(tree.commune, date(2026, 5, 27), mobilised_by_agent=agents.mai)
    by_day = counted_by_agent_day([agents.mai], date(2026, 5, 1), date(2026, 5, 31))
    assert by_day[(agents.mai.pk, date(2026, 5, 26))] == {"reported": 0, "confirmed": 2, "counted": 0}
    assert by_day[(agents.mai.pk, date(2026, 5, 27))]["counted"] == 1
    assert new_by_agent_month([agents.mai], date(2026, 5, 1), date(2026, 5, 31))[agents.mai.pk] == {
        date(2026, 5, 1): 3}


def test_a_report_logged_the_day_after_the_payments_counts_once(agents, tree, first_payment):
    first_payment(tree.commune, DAY, collected_by_agent=agents.mai)
    report(agents.mai, tree.commune, 1, day=date(2026, 5, 24))
    assert new_by_agent_month([agents.mai], date(2026, 5, 1), date(2026, 5, 31))[agents.mai.pk] == {
        date(2026, 5, 1): 1}


def test_a_claim_of_last_month_settles_a_payment_of_this_month(agents, tree, first_payment, settings):
    report(agents.mai, tree.commune, 2, day=date(2026, 4, 28))
    first_payment(tree.commune, date(2026, 5, 4), mobilised_by_agent=agents.mai)
    may = new_by_agent_month([agents.mai], date(2026, 5, 1), date(2026, 5, 31))
    assert may[agents.mai.pk] == {date(2026, 5, 1): 0}


def test_a_payment_long_after_a_claim_is_another_person(agents, tree, first_payment, settings):
    settings.AGENTS_CLAIM_DAYS = 30
    report(agents.mai, tree.commune, 1, day=date(2026, 4, 1))
    first_payment(tree.commune, date(2026, 5, 2), mobilised_by_agent=agents.mai)
    assert new_by_agent_month([agents.mai], date(2026, 4, 1), date(2026, 5, 31))[agents.mai.pk] == {
        date(2026, 4, 1): 1, date(2026, 5, 1): 1}


def test_the_campaign_page_settles_a_claim_paid_later_in_the_campaign(client_for, provincial_manager, agents, tree,
                                                                     first_payment):
    golden_week = Campaign.objects.create(name="Tuần lễ vàng", campaign_type=CampaignType.GOLDEN_WEEK,
                                          unit=tree.province, starts_on=date(2026, 3, 13), ends_on=date(2026, 3, 21))
    report(agents.mai, tree.commune, 3, day=date(2026, 3, 13), campaign=golden_week)
    for _ in range(3):
        first_payment(tree.commune, date(2026, 3, 16), mobilised_by_agent=agents.mai, campaign=golden_week)
    totals = client_for(provincial_manager).get(f"/agents/campaigns/{golden_week.pk}/").context["totals"]
    assert (totals["reported"], totals["confirmed"], totals["counted"]) == (3, 3, 3)


def test_the_campaign_page_and_its_export_show_the_agents_notes(client_for, provincial_manager, agents, tree,
                                                               ra_quan):
    result = report(agents.mai, tree.commune, 1, campaign=ra_quan)
    result.notes = "Hội trường ấp Bình Thạnh, 40 người dự"
    result.save()
    client = client_for(provincial_manager)
    assert "Hội trường ấp Bình Thạnh, 40 người dự" in client.get(f"/agents/campaigns/{ra_quan.pk}/").content.decode()
    csv = client.get(f"/agents/campaigns/{ra_quan.pk}/?_export=csv").content.decode()
    assert "Ghi chú" in csv and "Hội trường ấp Bình Thạnh, 40 người dự" in csv
