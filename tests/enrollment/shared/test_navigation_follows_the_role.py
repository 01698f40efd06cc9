import pytest

from enrollment.models import Role


def menu_of(client):
    body = client.get("/").content.decode()
    return {name for name in ("home", "unit_browser", "staff_list", "labour_force_list", "import_list", "admin")
            if f'data-nav="{name}"' in body}


@pytest.mark.parametrize("role, expected", [
    (Role.PROVINCIAL_MANAGER, {"home", "unit_browser", "staff_list", "labour_force_list", "import_list"}),
    (Role.DISTRICT_STAFF, {"home", "unit_browser", "staff_list", "labour_force_list", "import_list"}),
    (Role.AGENT_STAFF, {"home", "unit_browser"}),
    (Role.VIEWER, {"home", "unit_browser"}),
])
def test_each_role_sees_its_menu(client_for, make_user, tree, role, expected):
    assert menu_of(client_for(make_user(role, tree.district))) == expected


def test_a_national_administrator_also_sees_the_administration(client_for, national_admin):
    assert "admin" in menu_of(client_for(national_admin))


def test_a_viewer_cannot_open_office_pages(client_for, viewer):
    client = client_for(viewer)
    assert client.get("/officers/").status_code == 403
    assert client.get("/labour-force/").status_code == 403
    assert client.get("/imports/new/villages/").status_code == 403


def test_only_national_administrators_enter_the_admin(client_for, make_user, tree):
    manager = make_user(Role.PROVINCIAL_MANAGER, tree.province, is_staff=True)
    assert client_for(manager).get("/admin/").status_code == 302


def test_anonymous_visitors_are_sent_to_the_login_page(client):
    response = client.get("/units/")
    assert response.status_code == 302 and response.url.startswith("/accounts/login/")


def test_a_national_administrator_edits_reference_data_in_the_admin(client_for, national_admin, tree):
    client = client_for(national_admin)
    assert client.get("/admin/enrollment/unit/").status_code == 200
    assert client.get(f"/admin/enrollment/unit/{tree.commune.pk}/change/").status_code == 200
