import pytest

from agents.models import AgentOrganisation, CollectionPoint, Contract

pytestmark = pytest.mark.django_db


def test_a_district_adds_an_organisation_it_contracts(client_for, district_staff, tree):
    client = client_for(district_staff)
    assert "Thêm tổ chức" in client.get("/agents/").content.decode()
    response = client.post("/agents/organisations/new/", {
        "organisation_type": "womens_union", "name": "Hội Phụ nữ Chợ Gạo", "unit": tree.district.pk,
        "address": "", "phone": "0273 3855 123", "is_active": "on"}, follow=True)
    organisation = AgentOrganisation.objects.get(name="Hội Phụ nữ Chợ Gạo")
    assert (organisation.unit, organisation.phone) == (tree.district, "02733855123")
    assert "Đã lưu tổ chức dịch vụ thu Hội Phụ nữ Chợ Gạo" in response.content.decode()


def test_a_district_cannot_contract_for_the_province(client_for, district_staff, tree):
    response = client_for(district_staff).post("/agents/organisations/new/", {
        "organisation_type": "viettel", "name": "Viettel", "unit": tree.province.pk, "is_active": "on"})
    assert not AgentOrganisation.objects.exists()
    assert "Hãy chọn một lựa chọn hợp lệ" in response.content.decode()


def test_the_same_name_twice_in_a_unit_is_refused(client_for, district_staff, agents, tree):
    response = client_for(district_staff).post("/agents/organisations/new/", {
        "organisation_type": "farmers_union", "name": "hội nông dân chợ gạo", "unit": tree.district.pk})
    assert AgentOrganisation.objects.filter(unit=tree.district).count() == 1
    assert "Đơn vị này đã có tổ chức dịch vụ thu cùng tên." in response.content.decode()


def test_the_provincial_manager_renames_the_post_office(client_for, provincial_manager, agents, tree):
    client = client_for(provincial_manager)
    page = client.get(f"/agents/organisations/{agents.post.pk}/").content.decode()
    assert f"/agents/organisations/{agents.post.pk}/edit/" in page
    client.post(f"/agents/organisations/{agents.post.pk}/edit/", {
        "organisation_type": "vietnam_post", "name": "Bưu điện tỉnh Đồng Tháp", "unit": tree.province.pk,
        "is_active": "on"})
    agents.post.refresh_from_db()
    assert agents.post.name == "Bưu điện tỉnh Đồng Tháp"


def contract(client, organisation, **data):
    return client.post(f"/agents/organisations/{organisation.pk}/contracts/new/", {
        "number": "HĐ-ND/2026/01", "signed_on": "02/01/2026", "valid_from": "01/01/2026", "valid_to": "31/12/2027",
        "status": "active", "terminated_on": "", "termination_reason": "", **data}, follow=True)


def test_a_contract_is_added_and_then_terminated(client_for, district_staff, agents):
    client = client_for(district_staff)
    response = contract(client, agents.union)
    signed = Contract.objects.get()
    assert (signed.valid_from.isoformat(), signed.status) == ("2026-01-01", "active")
    assert "HĐ-ND/2026/01" in response.content.decode()
    client.post(f"/agents/contracts/{signed.pk}/edit/", {
        "number": "HĐ-ND/2026/01", "signed_on": "02/01/2026", "valid_from": "01/01/2026", "valid_to": "31/12/2027",
        "status": "terminated", "terminated_on": "30/06/2026", "termination_reason": "Không đạt chỉ tiêu"})
    signed.refresh_from_db()
    assert (signed.status, signed.terminated_on.isoformat()) == ("terminated", "2026-06-30")


@pytest.mark.parametrize("bad, message", [
    ({"valid_to": "31/12/2025"}, "Hợp đồng không thể hết hiệu lực trước khi bắt đầu."),
    ({"status": "terminated"}, "Hợp đồng đã chấm dứt cần có ngày chấm dứt."),
    ({"status": "terminated", "terminated_on": "30/06/2026"}, "Hợp đồng đã chấm dứt cần có lý do."),
    ({"signed_on": "32/01/2026"}, "Nhập một ngày hợp lệ."),
])
def test_a_bad_contract_is_explained_in_vietnamese(client_for, district_staff, agents, bad, message):
    response = contract(client_for(district_staff), agents.union, **bad)
    assert not Contract.objects.exists()
    assert message in response.content.decode()


def test_a_contract_number_is_used_once_per_organisation(client_for, district_staff, agents):
    client = client_for(district_staff)
    contract(client, agents.union)
    response = contract(client, agents.union)
    assert Contract.objects.count() == 1
    assert "Tổ chức này đã có hợp đồng số này." in response.content.decode()


def test_a_district_opens_a_point_of_the_provincial_post_office(client_for, district_staff, agents, tree):
    client = client_for(district_staff)
    response = client.post("/agents/points/new/", {
        "organisation": agents.post.pk, "name": "Điểm bưu điện Bình Thạnh", "unit": tree.commune.pk,
        "address": "", "is_active": "on"}, follow=True)
    point = CollectionPoint.objects.get(name="Điểm bưu điện Bình Thạnh")
    assert list(point.communes.all()) == [tree.commune]  # serves where it is
    assert "Điểm bưu điện Bình Thạnh" in response.content.decode()


def test_a_point_serves_only_communes_of_the_users_area(client_for, district_staff, agents, tree):
    response = client_for(district_staff).post("/agents/points/new/", {
        "organisation": agents.union.pk, "name": "Điểm mới", "unit": tree.commune.pk,
        "communes": [tree.commune.pk, tree.other_commune.pk]})
    assert not CollectionPoint.objects.filter(name="Điểm mới").exists()
    assert "errorlist" in response.content.decode()


def test_a_district_edit_keeps_communes_served_outside_its_area(client_for, district_staff, agents, tree):
    agents.post_point.communes.add(tree.other_commune)  # set by the province
    client_for(district_staff).post(f"/agents/points/{agents.post_point.pk}/edit/", {
        "organisation": agents.post.pk, "name": "Điểm bưu điện Chợ Gạo (mới)", "unit": tree.commune.pk,
        "communes": [tree.commune.pk], "is_active": "on"})
    agents.post_point.refresh_from_db()
    assert agents.post_point.name == "Điểm bưu điện Chợ Gạo (mới)"
    assert set(agents.post_point.communes.all()) == {tree.commune, tree.other_commune}
