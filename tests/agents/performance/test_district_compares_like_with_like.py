"""A district sees the provincial post office through its own points only: the organisation's figures
are those points' staff against those points' quotas, marked as a part."""

from datetime import date
from decimal import Decimal

import pytest

from agents.models import OrganisationQuota
from agents.performance.selectors.rankings import agent_performance
from agents.quotas.services import agent_quotas_set
from agents.shared.levels import Level
from agents.shared.scoping import visible_organisations, visible_points, visible_staff

pytestmark = pytest.mark.django_db


@pytest.fixture
def quotas(agents):
    for level, owners, target in ((Level.ORGANISATION, [agents.post, agents.union], 40),
                                  (Level.POINT, [agents.post_point, agents.post_city_point, agents.union_point], 7)):
        agent_quotas_set(level=level, owners=owners, year=2026, months=[3], metric="si_new", target=target, user=None)


def organisation_rows(user):
    rows = agent_performance(Level.ORGANISATION, visible_staff(user), visible_points(user),
                             visible_organisations(user), date(2026, 3, 1), date(2026, 3, 31))
    return {row.name: (row.target, row.partial) for row in rows}


def test_the_district_gets_the_quota_of_its_points_of_the_provincial_post_office(district_staff, agents, quotas):
    assert organisation_rows(district_staff) == {
        "Bưu điện tỉnh": (Decimal(7), True),  # one point of two is in the district
        "Hội Nông dân Chợ Gạo": (Decimal(40), False),  # wholly in the district: its own quota
    }


def test_the_province_gets_the_whole_quota(provincial_manager, agents, quotas):
    assert organisation_rows(provincial_manager)["Bưu điện tỉnh"] == (Decimal(40), False)


def test_the_quota_page_marks_the_part(client_for, district_staff, agents, quotas):
    body = client_for(district_staff).get("/agents/quotas/?year=2026&month=3&level=organisation").content.decode()
    assert "phần trong địa bàn" in body and 'id="partial-note"' in body
    export = client_for(district_staff).get(
        "/agents/performance/?year=2026&level=organisation&_export=csv").content.decode()
    assert "Bưu điện tỉnh (phần trong địa bàn)" in export


def test_a_district_cannot_set_the_provincial_organisations_quota(client_for, district_staff, agents):
    client_for(district_staff).post("/agents/quotas/", {
        "level": "organisation", "organisation": "", "year": 2026, "month_from": 3, "month_to": 3,
        "metric": "si_new", "target": 10})
    assert list(OrganisationQuota.objects.values_list("organisation__name", flat=True)) == ["Hội Nông dân Chợ Gạo"]
