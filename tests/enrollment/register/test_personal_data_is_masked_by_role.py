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


def test_agent_staff_see_their_own_people_in_full_only(client_for, people):
    agent, theirs, other = people
    page = client_for(agent).get("/participants/").content.decode()
    assert "082085111111" in page and "Phạm Văn Của" in page
    assert "082085222222" not in page and "*********222" in page


def test_renewal_export_for_agents_is_masked_the_same_way(client_for, people):
    agent, _theirs, _other = people
    export = client_for(agent).get("/renewals/?month=12/2026&_export=csv").content.decode("utf-8-sig")
    assert "0911111111" in export and "0922222222" not in export and "09*****222" in export


def test_viewers_cannot_search_ids_by_prefix(client_for, viewer, district_staff, people):
    assert "Đỗ T. K." not in client_for(viewer).get("/participants/?q=0820852").content.decode()
    assert "Đỗ T. K." in client_for(viewer).get("/participants/?q=082085222222").content.decode()
