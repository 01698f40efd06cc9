"""A household HI quota set for agents is measured against the new household HI they report: on the
quotas page (metric chosen) and on the agent's phone page, apart from the voluntary SI quota."""

import uuid
from datetime import date

import pytest
from django.utils import timezone

from agents.models import CampaignResult
from agents.quotas.services import agent_quotas_set

pytestmark = pytest.mark.django_db


def logged(agent, day, new_si=0, new_hi=0):
    CampaignResult.objects.create(agent=agent, commune=agent.point.unit, day=day, new_si=new_si, new_hi=new_hi,
                                  idempotency_key=uuid.uuid4())


def test_the_quotas_page_measures_the_chosen_metric(client_for, district_staff, agents):
    agent_quotas_set(level="staff", owners=[agents.mai], year=2026, months=[3], metric="si_new", target=3, user=None)
    agent_quotas_set(level="staff", owners=[agents.mai], year=2026, months=[3], metric="hi_household", target=8,
                     user=None)
    logged(agents.mai, date(2026, 3, 10), new_si=1, new_hi=6)
    client = client_for(district_staff)
    rows = client.get("/agents/quotas/", {"year": 2026, "month": 3, "level": "staff",
                                          "metric": "hi_household"}).context["table"].data.data
    assert [(r.name, r.new, r.target, r.percent) for r in rows] == [("Nguyễn Thị Mai", 6, 8, 75)]
    rows = client.get("/agents/quotas/", {"year": 2026, "month": 3, "level": "staff"}).context["table"].data.data
    assert [(r.name, r.new, r.target) for r in rows] == [("Nguyễn Thị Mai", 1, 3)]


def test_the_phone_page_shows_the_household_hi_quota(client_for, agent_user, agents):
    today = timezone.localdate()
    agent_quotas_set(level="staff", owners=[agents.mai], year=today.year, months=[today.month],
                     metric="hi_household", target=4, user=None)
    logged(agents.mai, today, new_si=1, new_hi=2)
    body = client_for(agent_user).get("/field/").content.decode()
    assert "<strong>2</strong> / 4 BHYT hộ gia đình mới" in body
