from enrollment.models import Role, Unit
from enrollment.shared.scoping import visible_units


def test_a_user_without_scope_unit_sees_no_unit(make_user, tree):
    user = make_user(Role.PROVINCIAL_MANAGER, None)
    assert visible_units(user).count() == 0


def test_its_unit_browser_lists_nothing(client_for, make_user, tree):
    client = client_for(make_user(Role.DISTRICT_STAFF, None))
    response = client.get("/units/")
    assert response.status_code == 200
    assert "chưa được giao địa bàn" in response.content.decode()
    assert "Tỉnh Đồng Tháp" not in response.content.decode()
    assert client.get(f"/units/{tree.province.pk}/").status_code == 404


def test_its_export_is_empty(client_for, make_user, tree):
    client = client_for(make_user(Role.VIEWER, None))
    body = client.get("/units/?_export=csv").content.decode("utf-8")
    assert "Đồng Tháp" not in body and "Hà Nội" not in body


def test_a_national_administrator_sees_every_province(client_for, national_admin, tree):
    body = client_for(national_admin).get("/units/").content.decode()
    assert "Tỉnh Đồng Tháp" in body and "Thành phố Hà Nội" in body
    assert visible_units(national_admin).count() == Unit.objects.count()
