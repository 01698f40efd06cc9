from datetime import date

import pytest

from enrollment.models import PaymentMethod, Role
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def people(tree, make_user):
    agent = make_user(Role.AGENT_STAFF, tree.commune)
    theirs = ParticipantFactory(commune=tree.commune, personal_id="082085111111", full_name="Phạm Văn Của",
                                phone="0911111111", created_by=agent)
    other = ParticipantFactory(commune=tree.commune, personal_id="082085222222", full_name="Đỗ Thị Khác",
                               phone="0922222222")
    for person in (theirs, other):
        payment_record(participant=person, paid_on=date(2026, 11, 2), method=PaymentMethod.MONTHLY,
                       monthly_income=1_500_000)
    return agent, theirs, other


def test_district_staff_see_everything(client_for, district_staff, people):
    page = client_for(district_staff).get("/participants/").content.decode()
    assert "082085222222" in page and "0922222222" in page and "Đỗ Thị Khác" in page


def test_viewers_see_masked_data_in_the_list_the_page_and_the_export(client_for, viewer, people):
    client = client_for(viewer)
    _agent, _theirs, other = people
    for url in ("/participants/", f"/participants/{other.pk}/", "/participants/?_export=csv"):
        page = client.get(url).content.decode("utf-8-sig")
        assert "082085222222" not in page and "0922222222" not in page and "Đỗ Thị Khác" not in page
        assert "*********222" in page and "Đỗ T. K." in page
    assert "15/04/1985" not in client.get(f"/participants/{other.pk}/").content.decode()


def listed(client, query):
    response = client.get("/participants/", {"q": query})
    return [p.full_name for p in response.context["table"].data]


def test_viewers_cannot_search_the_ids_they_see_masked(client_for, viewer, people):
    client = client_for(viewer)
    assert listed(client, "0820852") == []
    assert listed(client, "082085222222") == []  # not even the whole number: it would confirm who it is


def test_viewers_find_people_by_the_masked_name_only(client_for, viewer, people):
    client = client_for(viewer)
    assert listed(client, "Đỗ T. K.") == ["Đỗ Thị Khác"]
    assert listed(client, "do t") == ["Đỗ Thị Khác"]  # what the list shows, without diacritics
    for guess in ("Đỗ Th", "do thi", "Khác", "khac", "hi"):  # letter by letter into the hidden part: nothing
        assert listed(client, guess) == [], guess


def test_viewers_cannot_sort_by_what_is_hidden(client_for, viewer, people):
    client = client_for(viewer)
    response = client.get("/participants/?sort=personal_id")
    assert response.status_code == 200
    table = response.context["table"]
    assert not table.columns["personal_id"].orderable and not table.columns["phone"].orderable
