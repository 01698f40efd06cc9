from datetime import date

import pytest
from django.utils import timezone

from agents.models import AgentCard, TrainingCourse, TrainingRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def trained(tree, agents):
    today = timezone.localdate()
    course = TrainingCourse.objects.create(name="Tập huấn đợt 1", unit=tree.province, starts_on=date(2025, 3, 10),
                                           ends_on=date(2025, 3, 12))
    TrainingRecord.objects.create(course=course, staff=agents.mai, class_name="Lớp 1", trained_on=date(2025, 3, 10))
    TrainingRecord.objects.create(course=course, staff=agents.lan, class_name="Lớp 2", trained_on=date(2025, 3, 11))
    TrainingRecord.objects.create(course=course, staff=agents.hung, class_name="Lớp 2", trained_on=date(2025, 3, 11),
                                  result="failed")
    AgentCard.objects.create(staff=agents.mai, number="ĐL-0001", issued_on=date(2025, 4, 1),
                             expires_on=date(today.year + 2, 1, 1))
    AgentCard.objects.create(staff=agents.lan, number="ĐL-0002", issued_on=date(2022, 4, 1),
                             expires_on=date(2024, 4, 1))  # expired
    return course


def rows(client, by):
    return [(r.name, r.staff, r.trained, r.carded)
            for r in client.get("/agents/training/", {"by": by}).context["table"].data.data]


def test_counts_per_district_of_the_province(client_for, provincial_manager, trained):
    assert rows(client_for(provincial_manager), "unit") == [
        ("BHXH cơ sở huyện Chợ Gạo", 2, 1, 1), ("BHXH cơ sở thành phố Mỹ Tho", 1, 1, 0)]


def test_counts_per_organisation(client_for, provincial_manager, trained):
    assert rows(client_for(provincial_manager), "organisation") == [
        ("Bưu điện tỉnh", 2, 2, 1), ("Hội Nông dân Chợ Gạo", 1, 0, 0)]


def test_a_course_lists_its_participants_within_scope(client_for, district_staff, trained):
    body = client_for(district_staff).get(f"/agents/training/courses/{trained.pk}/").content.decode()
    assert "Nguyễn Thị Mai" in body and "Lê Văn Hùng" in body and "Trần Thị Lan" not in body


def test_the_counts_export(client_for, provincial_manager, trained):
    csv = client_for(provincial_manager).get("/agents/training/?by=organisation&_export=csv").content.decode()
    assert "Bưu điện tỉnh" in csv


def test_agent_staff_count_their_organisation_per_district_of_its_contract(client_for, agent_user, trained, tree):
    assert rows(client_for(agent_user), "unit") == [
        ("BHXH cơ sở huyện Chợ Gạo", 1, 1, 1), ("BHXH cơ sở thành phố Mỹ Tho", 1, 1, 0)]
