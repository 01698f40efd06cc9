"""Every dashboard, table and export answers 404 outside the user's area; no area, nothing."""

import datetime

import pytest

from enrollment.models import Role
from tests.progress_factories import full_board, snapshot

DAY = datetime.date(2026, 11, 30)
PAGES = ("/dashboards/{pk}/", "/dashboards/{pk}/tables/", "/dashboards/{pk}/tables/?_export=csv",
         "/dashboards/{pk}/tables/?view=agent_type&_export=xlsx")


@pytest.fixture
def boards(tree):
    full_board(tree.province, DAY, children=[tree.district, tree.other_district])
    full_board(tree.district, DAY, children=[tree.commune])
    full_board(tree.other_district, DAY, children=[tree.other_commune])
    full_board(tree.other_province, DAY)
    snapshot(None, DAY, 1_100_000, 1_000_000)


@pytest.mark.parametrize("page", PAGES)
def test_a_provincial_manager_gets_a_404_for_another_province(client_for, provincial_manager, tree, boards, page):
    client = client_for(provincial_manager)
    assert client.get(page.format(pk=tree.other_province.pk)).status_code == 404
    assert client.get(page.format(pk=tree.far_commune.pk)).status_code == 404
    assert client.get(page.format(pk=tree.other_district.pk)).status_code == 200


@pytest.mark.parametrize("page", PAGES)
def test_district_staff_get_a_404_for_another_district_and_for_their_province(client_for, district_staff, tree, boards,
                                                                              page):
    client = client_for(district_staff)
    assert client.get(page.format(pk=tree.other_district.pk)).status_code == 404
    assert client.get(page.format(pk=tree.other_commune.pk)).status_code == 404
    assert client.get(page.format(pk=tree.province.pk)).status_code == 404
    assert client.get(page.format(pk=tree.commune.pk)).status_code == 200


def test_the_country_is_for_national_users_only(client_for, provincial_manager, national_admin, tree, boards):
    client = client_for(provincial_manager)
    for page in ("/dashboards/country/", "/dashboards/country/tables/", "/dashboards/country/tables/?_export=csv"):
        assert client.get(page).status_code == 404
    client = client_for(national_admin)
    body = client.get("/dashboards/country/").content.decode()
    assert "1.100.000" in body
    assert "Tỉnh Đồng Tháp" in body and "Thành phố Hà Nội" in body


def test_the_province_table_lists_only_its_own_districts(client_for, provincial_manager, tree, boards):
    body = client_for(provincial_manager).get(f"/dashboards/{tree.province.pk}/tables/?_export=csv").content.decode()
    assert "BHXH cơ sở huyện Chợ Gạo" in body and "BHXH cơ sở thành phố Mỹ Tho" in body
    assert "Hà Nội" not in body and "Ba Đình" not in body


def test_each_user_is_led_to_their_own_dashboard(client_for, make_user, national_admin, tree):
    assert client_for(national_admin).get("/dashboards/").url == "/dashboards/country/"
    manager = make_user(Role.PROVINCIAL_MANAGER, tree.province)
    client = client_for(manager)
    assert 'id="open-dashboard"' in client.get("/").content.decode()
    assert client.get("/dashboards/").url == f"/dashboards/{tree.province.pk}/"


def test_a_user_without_an_area_sees_nothing(client_for, make_user, tree, boards):
    client = client_for(make_user(Role.PROVINCIAL_MANAGER, None))
    response = client.get("/dashboards/")
    assert response.status_code == 200
    assert "chưa được giao địa bàn" in response.content.decode()
    assert client.get(f"/dashboards/{tree.province.pk}/").status_code == 404
    assert client.get("/dashboards/country/").status_code == 404
    assert client.get(f"/dashboards/{tree.province.pk}/tables/?_export=csv").status_code == 404


def test_agent_staff_have_no_dashboard_in_their_menu_but_office_roles_do(client_for, make_user, tree):
    assert 'data-nav="dashboard_home"' not in client_for(make_user(Role.AGENT_STAFF, tree.commune)).get("/").content.decode()
    for role in (Role.PROVINCIAL_MANAGER, Role.DISTRICT_STAFF, Role.VIEWER):
        assert 'data-nav="dashboard_home"' in client_for(make_user(role, tree.district)).get("/").content.decode()
