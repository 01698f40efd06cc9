"""% of quota over a shorter period than the year: against the quota phased to those months, or against
the whole year's quota, chosen and stated on the page (a whole-year quota is never silently pro-rated)."""

import uuid
from datetime import date

import pytest

from agents.models import CampaignResult, CollectionPointQuota

pytestmark = pytest.mark.django_db
JANUARY_TO_APRIL = {"start": "2026-01-01", "end": "2026-04-30", "level": "point", "by": "percent"}


@pytest.fixture
def quarter_reached(agents):
    CollectionPointQuota.objects.create(point=agents.post_point, year=2026, month=None, target=120)
    CampaignResult.objects.create(agent=agents.mai, commune=agents.mai.point.unit, day=date(2026, 2, 10), new_si=12,
                                  idempotency_key=uuid.uuid4())


def post_point(client, **params):
    page = client.get("/agents/leaderboard/", {**JANUARY_TO_APRIL, **params})
    row = next(r for r in page.context["table"].data.data if r.name == "Điểm bưu điện Chợ Gạo")
    return page, row


def test_the_quota_phased_to_the_period_is_four_twelfths_of_the_year(client_for, provincial_manager, quarter_reached):
    page, row = post_point(client_for(provincial_manager))
    assert (row.new, row.target, row.percent) == (12, 40, 30)
    assert "chỉ tiêu phân kỳ đến kỳ này" in page.content.decode()


def test_the_years_quota_shows_the_share_of_the_year_reached(client_for, provincial_manager, quarter_reached):
    page, row = post_point(client_for(provincial_manager), basis="year")
    assert (row.new, row.target, row.percent) == (12, 120, 10)
    assert "chỉ tiêu cả năm" in page.content.decode()
