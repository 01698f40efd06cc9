import pytest

from agents.models import AgentCard, AgentStaff, TrainingCourse, TrainingRecord

pytestmark = pytest.mark.django_db


def new_staff(client, point, **data):
    return client.post("/agents/staff/new/", {
        "full_name": "  Võ Thị   Hạnh ", "personal_id": "082 185 012 345", "birth_date": "12/03/1985", "sex": "F",
        "phone": "0912 345 679", "point": point.pk, "joined_on": "01/02/2026", "is_active": "on", **data}, follow=True)


def test_a_district_adds_an_agent_staff_member_to_its_point(client_for, district_staff, agents):
    client = client_for(district_staff)
    assert "/agents/staff/new/" in client.get("/agents/staff/").content.decode()
    response = new_staff(client, agents.post_point)
    member = AgentStaff.objects.get(personal_id="082185012345")
    assert (member.full_name, member.phone, member.point, member.birth_date.isoformat()) == (
        "Võ Thị Hạnh", "0912345679", agents.post_point, "1985-03-12")
    assert "Đã lưu nhân viên đại lý thu Võ Thị Hạnh" in response.content.decode()


def test_a_personal_id_already_registered_is_reported_not_entered_twice(client_for, district_staff, agents):
    agents.mai.personal_id = "082185012345"
    agents.mai.save()
    response = new_staff(client_for(district_staff), agents.union_point)
    assert AgentStaff.objects.filter(personal_id="082185012345").count() == 1
    body = response.content.decode()
    assert "Số định danh này đã được đăng ký: Nguyễn Thị Mai, Điểm bưu điện Chợ Gạo." in body
    assert f"/agents/staff/{agents.mai.pk}/" in body


def test_a_personal_id_registered_elsewhere_is_reported_without_names(client_for, district_staff, agents):
    agents.lan.personal_id = "082185012345"
    agents.lan.save()
    body = new_staff(client_for(district_staff), agents.union_point).content.decode()
    assert AgentStaff.objects.filter(personal_id="082185012345").count() == 1
    assert "ngoài địa bàn của bạn" in body and "Trần Thị Lan" not in body


@pytest.mark.parametrize("bad, message", [
    ({"personal_id": "08218501234"}, "Số định danh cá nhân phải gồm đúng 12 chữ số."),
    ({"sex": "M"}, "không khớp với giới tính"),
    ({"phone": "12345"}, "Nhập số di động Việt Nam"),
    ({"full_name": ""}, "Trường này là bắt buộc."),
])
def test_bad_identity_is_explained_in_vietnamese(client_for, district_staff, agents, bad, message):
    response = new_staff(client_for(district_staff), agents.post_point, **bad)
    assert not AgentStaff.objects.filter(point=agents.post_point).exclude(pk=agents.mai.pk).exists()
    assert message in response.content.decode()


def test_a_point_of_another_district_cannot_be_chosen(client_for, district_staff, agents):
    new_staff(client_for(district_staff), agents.post_city_point)
    assert not AgentStaff.objects.filter(personal_id="082185012345").exists()


def test_editing_keeps_the_personal_id_of_the_same_person(client_for, district_staff, agents):
    client = client_for(district_staff)
    new_staff(client, agents.post_point)
    member = AgentStaff.objects.get(personal_id="082185012345")
    client.post(f"/agents/staff/{member.pk}/edit/", {
        "full_name": "Võ Thị Hạnh", "personal_id": "082185012345", "birth_date": "12/03/1985", "sex": "F",
        "phone": "", "point": agents.union_point.pk, "joined_on": ""})
    member.refresh_from_db()
    assert (member.point, member.phone, member.is_active) == (agents.union_point, "", False)


@pytest.fixture
def course(tree):
    return TrainingCourse.objects.create(name="Tập huấn đợt 1", unit=tree.province, starts_on="2026-03-10",
                                         ends_on="2026-03-12")


def test_a_district_creates_a_course_and_records_training_in_a_provincial_course(client_for, district_staff, agents,
                                                                                course, tree):
    client = client_for(district_staff)
    client.post("/agents/training/courses/new/", {"name": "Tập huấn huyện", "unit": tree.district.pk,
                                                   "starts_on": "05/05/2026", "ends_on": "06/05/2026"})
    assert TrainingCourse.objects.get(name="Tập huấn huyện").unit == tree.district
    response = client.post(f"/agents/staff/{agents.mai.pk}/training/new/", {
        "course": course.pk, "class_name": "Lớp 2", "trained_on": "11/03/2026", "result": "passed"}, follow=True)
    record = TrainingRecord.objects.get()
    assert (record.staff, record.course, record.class_name) == (agents.mai, course, "Lớp 2")
    assert "Lớp 2" in response.content.decode()
    again = client.post(f"/agents/staff/{agents.mai.pk}/training/new/", {
        "course": course.pk, "class_name": "Lớp 3", "trained_on": "13/03/2026", "result": "passed"})
    assert TrainingRecord.objects.count() == 1
    body = again.content.decode()
    assert "Khóa tập huấn diễn ra từ 10/03/2026 đến 12/03/2026." in body
    assert "Nhân viên này đã có trong khóa tập huấn này." in body


def test_a_course_ending_before_it_starts_is_refused(client_for, district_staff, tree):
    response = client_for(district_staff).post("/agents/training/courses/new/", {
        "name": "Sai", "unit": tree.district.pk, "starts_on": "05/05/2026", "ends_on": "04/05/2026"})
    assert not TrainingCourse.objects.exists()
    assert "Khóa tập huấn không thể kết thúc trước khi bắt đầu." in response.content.decode()


def test_a_card_is_issued_and_must_expire_after_issue(client_for, district_staff, agents):
    client = client_for(district_staff)
    bad = client.post(f"/agents/staff/{agents.mai.pk}/cards/new/", {
        "number": "ĐL82-2026-0001", "issued_on": "01/04/2026", "expires_on": "01/04/2026"})
    assert not AgentCard.objects.exists()
    assert "Thẻ phải hết hạn sau ngày cấp." in bad.content.decode()
    client.post(f"/agents/staff/{agents.mai.pk}/cards/new/", {
        "number": "ĐL82-2026-0001", "issued_on": "01/04/2026", "expires_on": "01/04/2029"})
    card = AgentCard.objects.get()
    assert (card.staff, card.expires_on.isoformat()) == (agents.mai, "2029-04-01")
    twice = client.post(f"/agents/staff/{agents.hung.pk}/cards/new/", {
        "number": "ĐL82-2026-0001", "issued_on": "01/04/2026", "expires_on": "01/04/2029"})
    assert AgentCard.objects.count() == 1
    assert "Số thẻ này đã được cấp." in twice.content.decode()
    client.post(f"/agents/cards/{card.pk}/edit/", {
        "number": "ĐL82-2026-0001", "issued_on": "01/04/2026", "expires_on": "31/03/2029"})
    card.refresh_from_db()
    assert card.expires_on.isoformat() == "2029-03-31"
