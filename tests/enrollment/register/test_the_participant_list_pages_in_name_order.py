import pytest

from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_each_page_holds_the_next_people_by_name_and_nobody_of_another_province(client_for, district_staff, tree):
    names = [f"Nguyễn Văn {n:03d}" for n in range(120)]
    for n, name in enumerate(reversed(names)):  # saved out of order
        ParticipantFactory(commune=tree.commune, personal_id=f"082085{n:06d}", full_name=name)
    ParticipantFactory(commune=tree.far_commune, personal_id="001085999999", full_name="Nguyễn Văn 050 Hà Nội")
    client = client_for(district_staff)

    shown = []
    for page in (1, 2, 3):
        response = client.get("/participants/", {"page": page})
        rows = [row.record.full_name for row in response.context["table"].page.object_list]
        assert rows == sorted(rows)
        shown += rows
        assert response.context["table"].paginator.count == 120

    assert shown == names
    searched = client.get("/participants/", {"q": "van 05", "page": 1}).context["table"].page.object_list
    assert [row.record.full_name for row in searched] == [f"Nguyễn Văn {n:03d}" for n in range(50, 60)]
