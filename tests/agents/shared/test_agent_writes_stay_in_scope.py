import pytest

from agents.models import AgentCard, TrainingCourse, TrainingRecord

pytestmark = pytest.mark.django_db


@pytest.fixture
def course(tree):
    return TrainingCourse.objects.create(name="Tập huấn đợt 1", unit=tree.other_district, starts_on="2026-03-10",
                                         ends_on="2026-03-12")


@pytest.fixture
def records(agents, course):
    """Lan (Mỹ Tho) and Quân (Hà Nội) trained and carded."""
    return {
        "lan_record": TrainingRecord.objects.create(course=course, staff=agents.lan, class_name="Lớp 1",
                                                    trained_on="2026-03-10"),
        "lan_card": AgentCard.objects.create(staff=agents.lan, number="ĐL-1", issued_on="2026-04-01",
                                             expires_on="2029-04-01"),
        "quan_card": AgentCard.objects.create(staff=agents.quan, number="ĐL-2", issued_on="2026-04-01",
                                              expires_on="2029-04-01"),
    }


def urls(agents, course, records):
    return [
        f"/agents/organisations/{agents.post.pk}/edit/",  # the province's contract, seen from a district
        f"/agents/organisations/{agents.far.pk}/edit/",
        f"/agents/organisations/{agents.far.pk}/contracts/new/",
        f"/agents/points/{agents.post_city_point.pk}/edit/",
        f"/agents/points/{agents.far_point.pk}/edit/",
        f"/agents/staff/{agents.lan.pk}/edit/",
        f"/agents/staff/{agents.quan.pk}/edit/",
        f"/agents/staff/{agents.lan.pk}/training/new/",
        f"/agents/staff/{agents.quan.pk}/cards/new/",
        f"/agents/training/records/{records['lan_record'].pk}/edit/",
        f"/agents/cards/{records['lan_card'].pk}/edit/",
        f"/agents/training/courses/{course.pk}/edit/",
    ]


def test_a_district_gets_not_found_for_what_is_outside_its_area(client_for, district_staff, agents, course, records):
    client = client_for(district_staff)
    for url in urls(agents, course, records):
        assert client.get(url).status_code == 404, url
        assert client.post(url, {"name": "x"}).status_code == 404, url


def test_a_province_gets_not_found_for_another_province(client_for, provincial_manager, agents, course, records):
    client = client_for(provincial_manager)
    assert client.get(f"/agents/staff/{agents.lan.pk}/edit/").status_code == 200
    for url in (f"/agents/organisations/{agents.far.pk}/edit/", f"/agents/points/{agents.far_point.pk}/edit/",
                f"/agents/staff/{agents.quan.pk}/edit/", f"/agents/cards/{records['quan_card'].pk}/edit/"):
        assert client.get(url).status_code == 404, url


@pytest.mark.parametrize("who", ["viewer", "agent_user"])
def test_agent_staff_and_viewers_cannot_write(request, client_for, agents, who):
    client = client_for(request.getfixturevalue(who))
    for url in ("/agents/organisations/new/", f"/agents/organisations/{agents.post.pk}/edit/",
                "/agents/points/new/", f"/agents/points/{agents.post_point.pk}/edit/", "/agents/staff/new/",
                f"/agents/staff/{agents.mai.pk}/edit/", f"/agents/staff/{agents.mai.pk}/cards/new/",
                "/agents/training/courses/new/"):
        assert client.get(url).status_code == 403, url
        assert client.post(url, {"name": "x"}).status_code == 403, url


@pytest.mark.parametrize("who", ["viewer", "agent_user"])
def test_read_pages_offer_no_buttons_to_those_who_cannot_write(request, client_for, agents, who):
    client = client_for(request.getfixturevalue(who))
    assert "/agents/organisations/new/" not in client.get("/agents/").content.decode()
    assert "/agents/staff/new/" not in client.get("/agents/staff/").content.decode()
    detail = client.get(f"/agents/staff/{agents.mai.pk}/").content.decode()
    assert "/edit/" not in detail and "/cards/new/" not in detail
