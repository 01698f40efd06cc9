"""A person named in a result and found in the register counts once, as that person, however far apart the
report and the payment are; claims of people not yet registered, and the unnamed rest, follow the claim rule."""

from datetime import date

import pytest

from agents.models import Campaign, CampaignType
from agents.performance.selectors.performance import (
    counted_by_agent_day,
    new_by_agent_month,
)
from agents.quotas.services import agent_quotas_set
from tests.agents.campaigns.test_named_enrollees_are_linked_to_the_register import (
    register,
)
from tests.agents.enrollees import DAY, log, named

pytestmark = pytest.mark.django_db
MAY = (date(2026, 5, 1), date(2026, 5, 31))
SUMMER = (date(2026, 5, 1), date(2026, 8, 31))


def test_a_named_person_paying_long_after_the_report_counts_once(agents, tree, settings):
    settings.AGENTS_CLAIM_DAYS = 30
    log(agents.mai, tree.commune, named("082085000777"))
    register(tree, paid_on=date(2026, 7, 20))  # beyond the claim window: unnamed, that would be two people
    assert new_by_agent_month([agents.mai], *SUMMER)[agents.mai.pk] == {date(2026, 5, 1): 1, date(2026, 7, 1): 0}
    figures = counted_by_agent_day([agents.mai], date(2026, 7, 20), date(2026, 7, 20))[(agents.mai.pk, date(2026, 7, 20))]
    assert figures == {"reported": 0, "confirmed": 1, "counted": 0}


def test_a_named_person_paid_before_the_report_counts_on_the_payment_day(agents, tree):
    register(tree, paid_on=date(2026, 4, 2))
    log(agents.mai, tree.commune, named("082085000777"))
    assert new_by_agent_month([agents.mai], date(2026, 4, 1), date(2026, 5, 31))[agents.mai.pk] == {
        date(2026, 4, 1): 1, date(2026, 5, 1): 0}


def test_a_named_person_not_yet_registered_counts_as_a_claim(agents, tree):
    log(agents.mai, tree.commune, named("082085000777"), named("082085000778"), new_si=3)
    assert new_by_agent_month([agents.mai], *MAY)[agents.mai.pk] == {date(2026, 5, 1): 3}


def test_a_named_payment_does_not_settle_the_unnamed_rest(agents, tree, first_payment):
    log(agents.mai, tree.commune, named("082085000777"), new_si=2)  # one named, one not
    register(tree, paid_on=date(2026, 5, 25))
    first_payment(tree.commune, date(2026, 5, 26), mobilised_by_agent=agents.mai)  # the unnamed one
    assert sum(new_by_agent_month([agents.mai], *MAY)[agents.mai.pk].values()) == 2


def test_the_campaign_page_counts_a_named_person_once(client_for, provincial_manager, agents, tree, settings):
    settings.AGENTS_CLAIM_DAYS = 3
    campaign = Campaign.objects.create(name="Ra quân", campaign_type=CampaignType.MOBILISATION_DAY, unit=tree.province,
                                       starts_on=DAY, ends_on=DAY, target_si=5)
    log(agents.mai, tree.commune, named("082085000777", "Phạm Văn Tư"), campaign=campaign)
    register(tree, paid_on=date(2026, 6, 30))
    response = client_for(provincial_manager).get(f"/agents/campaigns/{campaign.pk}/")
    totals = response.context["totals"]
    assert (totals["reported"], totals["confirmed"], totals["counted"]) == (1, 1, 1)
    body = response.content.decode()
    assert "Phạm Văn Tư" in body and "082085000777" in body and "/participants/" in body


def test_the_quota_counts_a_named_person_once(client_for, district_staff, agents, tree, settings):
    settings.AGENTS_CLAIM_DAYS = 2
    agent_quotas_set(level="staff", owners=[agents.mai], year=2026, months=[5], metric="si_new", target=2, user=None)
    log(agents.mai, tree.commune, named("082085000777"), named("082085000778"), day=date(2026, 5, 2))
    register(tree, paid_on=date(2026, 5, 20))
    register(tree, personal_id="082085000778", paid_on=date(2026, 5, 21))
    rows = client_for(district_staff).get("/agents/quotas/", {"year": 2026, "month": 5, "level": "staff"}
                                          ).context["table"].data.data
    assert [(r.name, r.new, r.target) for r in rows if r.new] == [("Nguyễn Thị Mai", 2, 2)]
