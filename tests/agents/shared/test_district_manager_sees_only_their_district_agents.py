import pytest

pytestmark = pytest.mark.django_db


def test_the_staff_list_holds_the_district_only(client_for, district_staff, agents):
    body = client_for(district_staff).get("/agents/staff/").content.decode()
    assert "Nguyễn Thị Mai" in body and "Lê Văn Hùng" in body
    assert "Trần Thị Lan" not in body  # the province's post office, but in Mỹ Tho
    assert "Đỗ Minh Quân" not in body


def test_a_provincial_organisation_shows_only_its_points_in_the_district(client_for, district_staff, agents):
    client = client_for(district_staff)
    assert "Bưu điện tỉnh" in client.get("/agents/").content.decode()
    body = client.get(f"/agents/organisations/{agents.post.pk}/").content.decode()
    assert "Điểm bưu điện Chợ Gạo" in body and "Điểm bưu điện Mỹ Tho" not in body
    assert "Điểm bưu điện Mỹ Tho" not in client.get(
        f"/agents/organisations/{agents.post.pk}/?_export=xlsx").content.decode(errors="ignore")


@pytest.mark.parametrize("path", ["/agents/staff/{lan}/", "/agents/staff/{quan}/", "/agents/organisations/{far}/"])
def test_agents_of_other_districts_answer_not_found(client_for, district_staff, agents, path):
    url = path.format(lan=agents.lan.pk, quan=agents.quan.pk, far=agents.far.pk)
    assert client_for(district_staff).get(url).status_code == 404


def test_the_provincial_manager_sees_both_districts_but_not_another_province(client_for, provincial_manager, agents):
    body = client_for(provincial_manager).get("/agents/staff/?_export=csv").content.decode()
    assert "Nguyễn Thị Mai" in body and "Trần Thị Lan" in body and "Đỗ Minh Quân" not in body


def test_a_viewer_sees_phone_numbers_masked(client_for, viewer, agents):
    body = client_for(viewer).get("/agents/staff/").content.decode()
    assert "Nguyễn Thị Mai" in body
    assert "0912345678" not in body and "*******678" in body
