"""Dashboards are for the offices and the viewers of an area: agent staff are refused by the views
themselves (not only by the menu), and named per-person breakdowns are for the offices only, whatever
the cache holds from an earlier reader."""

import datetime

import pytest

from enrollment.models import Role
from tests.progress_factories import full_board

DAY = datetime.date(2026, 11, 30)
PAGES = ("/dashboards/", "/dashboards/{pk}/", "/dashboards/{pk}/tables/", "/dashboards/{pk}/tables/?_export=csv",
         "/dashboards/{pk}/tables/?view=agent_staff", "/dashboards/{pk}/tables/?view=agent_staff&_export=xlsx",
         "/dashboards/{pk}/tables/?view=officer&_export=csv")


@pytest.fixture
def boards(tree):
    full_board(tree.district, DAY, children=[tree.commune])
    full_board(tree.commune, DAY)


@pytest.mark.parametrize("page", PAGES)
def test_agent_staff_are_refused_every_dashboard_page_and_export(client_for, agent_staff, tree, boards, page):
    assert client_for(agent_staff).get(page.format(pk=tree.commune.pk)).status_code == 403


def test_agent_staff_are_refused_the_country_and_the_recompute(client_for, make_user, tree):
    client = client_for(make_user(Role.AGENT_STAFF, None))
    assert client.get("/dashboards/country/").status_code == 403
    assert client.post("/dashboards/recompute/", {"date": "2026-11-29"}).status_code == 403


def test_office_staff_see_officers_and_agent_staff_by_name(client_for, district_staff, tree, boards):
    client = client_for(district_staff)
    body = client.get(f"/dashboards/{tree.district.pk}/?date=2026-11-30").content.decode()
    assert "officer 0" in body and "agent_staff 0" in body
    export = client.get(f"/dashboards/{tree.district.pk}/tables/?date=2026-11-30&view=agent_staff&_export=csv")
    assert "agent_staff 2" in export.content.decode("utf-8-sig")


def test_viewers_get_no_per_person_figures_even_from_a_warm_cache(client_for, district_staff, viewer, tree, boards):
    url = f"/dashboards/{tree.district.pk}/?date=2026-11-30"
    assert "officer 0" in client_for(district_staff).get(url).content.decode()  # the office's page is cached
    client = client_for(viewer)
    body = client.get(url).content.decode()
    assert "agent_type 0" in body and "target_group 0" in body
    assert "officer 0" not in body and "agent_staff 0" not in body
    for view in ("officer", "agent_staff"):
        table = client.get(f"/dashboards/{tree.district.pk}/tables/?date=2026-11-30&view={view}&_export=csv")
        text = table.content.decode("utf-8-sig")
        assert f"{view} 0" not in text and "Chợ Gạo" in text  # the units below instead


def test_the_office_is_not_served_the_viewers_cached_page(client_for, district_staff, viewer, tree, boards):
    url = f"/dashboards/{tree.district.pk}/?date=2026-11-30"
    assert "officer 0" not in client_for(viewer).get(url).content.decode()
    assert "officer 0" in client_for(district_staff).get(url).content.decode()
