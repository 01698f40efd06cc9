"""Agent staff see the people their organisation enrolled, collected from or mobilised, in full, and nobody
else's: not in the list, the search, a person's page, the renewal list or its export."""

from datetime import date

import pytest

from enrollment.models import PaymentMethod
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def person(commune, personal_id, name, **links):
    someone = ParticipantFactory(commune=commune, personal_id=personal_id, full_name=name, phone=f"09{personal_id[-8:]}",
                                 created_by=links.pop("created_by", None))
    payment_record(participant=someone, paid_on=date(2026, 11, 2), method=PaymentMethod.MONTHLY,
                   monthly_income=1_500_000, **links)
    return someone


@pytest.fixture
def people(tree, agents, agent_user):
    return {
        "own": person(tree.commune, "082085111111", "Phạm Văn Của", created_by=agent_user),
        "colleague": person(tree.other_commune, "082085333333", "Bùi Hoàng Nam", collected_by_agent=agents.lan),
        "competitor": person(tree.commune, "082085222222", "Đỗ Thị Khác", mobilised_by_agent=agents.hung),
        "office": person(tree.commune, "082085444444", "Võ Văn Xã"),
    }


def test_the_list_holds_their_organisations_people_in_full(client_for, agent_user, people):
    page = client_for(agent_user).get("/participants/").content.decode()
    assert "082085111111" in page and "Phạm Văn Của" in page
    assert "082085333333" in page and "Bùi Hoàng Nam" in page  # a colleague's, in another commune
    for hidden in ("082085222222", "*********222", "Đỗ T. K.", "082085444444", "Võ V. X."):
        assert hidden not in page


def test_their_search_ignores_diacritics_and_case(client_for, agent_user, people):
    response = client_for(agent_user).get("/participants/", {"q": "bui HOANG nam"})
    assert [p.full_name for p in response.context["table"].data] == ["Bùi Hoàng Nam"]


def test_a_competitors_person_answers_not_found(client_for, agent_user, people):
    client = client_for(agent_user)
    for name in ("competitor", "office"):
        pk = people[name].pk
        assert client.get(f"/participants/{pk}/").status_code == 404
        assert client.get(f"/participants/{pk}/payments/new/").status_code == 404
        assert client.post(f"/renewals/{pk}/outcome/", {"month": "12/2026", "outcome": "declined"}).status_code == 404


def test_the_renewal_export_holds_their_organisations_people_only(client_for, agent_user, people):
    export = client_for(agent_user).get("/renewals/?month=12/2026&_export=csv").content.decode("utf-8-sig")
    assert "0985111111" in export and "Bùi Hoàng Nam" in export
    assert "Đỗ" not in export and "Võ" not in export and "*****" not in export


def test_the_id_lookup_says_elsewhere_without_naming_where(client_for, agent_user, people):
    answer = client_for(agent_user).get("/participants/lookup/?personal_id=082085222222").json()
    assert answer == {"found": True, "in_scope": False, "message": "Số định danh này đã được đăng ký ở nơi khác."}


def test_an_agent_account_without_a_profile_sees_nobody(client_for, make_user, tree, people):
    page = client_for(make_user("agent_staff", tree.commune)).get("/participants/").content.decode()
    assert "Phạm" not in page and "Bùi" not in page and "Đỗ" not in page
