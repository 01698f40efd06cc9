import pytest

from enrollment.models import Participant
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def three_an_hour(settings):
    settings.PARTICIPANT_LOOKUP_RATE = "3/h"  # an hour: no window ends during the test


def test_lookups_beyond_the_rate_are_refused_with_a_message(client_for, district_staff, tree, three_an_hour):
    ParticipantFactory(commune=tree.far_commune, personal_id="001085000000")
    client = client_for(district_staff)
    for n in range(3):
        assert client.get(f"/participants/lookup/?personal_id=00108500000{n}").status_code == 200
    refused = client.get("/participants/lookup/?personal_id=001085000000")
    assert refused.status_code == 429
    assert refused.json() == {"found": None, "limited": True,
                              "message": "Bạn đã tra cứu quá nhiều số định danh trong thời gian ngắn: vui lòng chờ "
                                         "một phút rồi thử lại."}


def test_incomplete_ids_typed_on_the_way_do_not_count(client_for, district_staff, three_an_hour):
    client = client_for(district_staff)
    for typed in ("0", "08", "082", "0820", "08208", "082085"):
        assert client.get(f"/participants/lookup/?personal_id={typed}").status_code == 200


def test_the_entry_form_shares_the_limit_and_keeps_what_was_typed(client_for, district_staff, tree, three_an_hour):
    client = client_for(district_staff)
    for n in range(3):
        client.get(f"/participants/lookup/?personal_id=08208500000{n}")
    response = client.post("/participants/new/", {"personal_id": "082085000009", "full_name": "Lê Văn Tám"})
    assert response.status_code == 429
    body = response.content.decode()
    assert "quá nhiều số định danh" in body and "Lê Văn Tám" in body
    assert not Participant.objects.exists()


def test_each_user_has_their_own_allowance(client_for, district_staff, provincial_manager, three_an_hour):
    client = client_for(district_staff)
    for n in range(4):
        client.get(f"/participants/lookup/?personal_id=08208500000{n}")
    other = client_for(provincial_manager)
    assert other.get("/participants/lookup/?personal_id=082085000001").status_code == 200
