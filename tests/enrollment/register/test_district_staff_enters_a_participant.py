from datetime import date

import pytest

from enrollment.models import Participant, Payment
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def entry(commune, **changes):
    data = {
        "personal_id": "082085012345", "full_name": "  Nguyễn  Văn An ", "birth_date": "15/04/1985", "sex": "male",
        "phone": "0912 345 678", "si_number": "", "commune": commune.pk, "village": "", "target_group": "farmer",
        "support_category": "poor", "paid_on": "20/11/2026", "method": "monthly", "months": "",
        "monthly_income": "1.500.000", "collected_by_staff": "", "mobilised_by_staff": "",
    }
    data.update(changes)
    return data


def test_a_new_person_is_saved_with_the_first_payment(client_for, district_staff, tree):
    response = client_for(district_staff).post("/participants/new/", entry(tree.commune, village=tree.village.pk))
    person = Participant.objects.get()
    assert response.status_code == 302 and response["Location"] == f"/participants/{person.pk}/"
    assert (person.full_name, person.phone, person.created_by) == ("Nguyễn Văn An", "0912345678", district_staff)
    payment = Payment.objects.get()
    assert (payment.gross, payment.state_support, payment.net, payment.is_first) == (330_000, 165_000, 165_000, True)
    assert person.paid_through == date(2026, 11, 1)
    page = client_for(district_staff).get(response["Location"]).content.decode()
    assert "082085012345" in page and "165.000" in page and "12/2026" in page


def test_an_existing_id_opens_that_person(client_for, district_staff, tree):
    existing = ParticipantFactory(personal_id="082085012345", commune=tree.commune)
    response = client_for(district_staff).post("/participants/new/", entry(tree.commune, full_name="Người khác"))
    assert response["Location"] == f"/participants/{existing.pk}/"
    assert Participant.objects.count() == 1 and not Payment.objects.exists()


def test_an_id_registered_in_another_area_is_not_revealed(client_for, district_staff, tree):
    ParticipantFactory(personal_id="082085012345", commune=tree.far_commune)
    client = client_for(district_staff)
    assert client.get("/participants/lookup/?personal_id=082085012345").json() == {
        "found": True, "in_scope": False, "message": "Số định danh này đã được đăng ký ở nơi khác."}
    response = client.post("/participants/new/", entry(tree.commune), follow=True)
    body = response.content.decode()
    assert "đã được đăng ký ở nơi khác" in body and "Ba Đình" not in body
    assert Participant.objects.count() == 1


def test_the_lookup_finds_a_person_of_the_area(client_for, district_staff, tree):
    person = ParticipantFactory(personal_id="082085012345", commune=tree.commune, full_name="Lê Thị Bé")
    data = client_for(district_staff).get("/participants/lookup/?personal_id=0820 8501 2345").json()
    assert data["found"] and data["in_scope"] and data["url"] == f"/participants/{person.pk}/"
    assert "Lê Thị Bé" in data["message"]


@pytest.mark.parametrize("changes, field, words", [
    ({"monthly_income": "1.000.000"}, "monthly_income", "Thu nhập làm căn cứ đóng phải từ 1.500.000 đến 46.800.000"),
    ({"monthly_income": "50.000.000"}, "monthly_income", "46.800.000"),
    ({"personal_id": "082185012345"}, "personal_id", "giới tính"),
    ({"birth_date": "15/04/1986"}, "personal_id", "năm sinh 1986"),
    ({"phone": "0212345678"}, "phone", "số di động"),
    ({"method": "years_in_advance", "months": "18"}, "months", "tròn năm"),
])
def test_bad_input_saves_nothing(client_for, district_staff, tree, changes, field, words):
    response = client_for(district_staff).post("/participants/new/", entry(tree.commune, **changes))
    assert response.status_code == 200
    assert words in " ".join(response.context["form"].errors[field])
    assert not Participant.objects.exists() and not Payment.objects.exists()


def test_a_commune_outside_the_area_or_unknown_is_refused(client_for, district_staff, tree):
    client = client_for(district_staff)
    for commune_id in (tree.other_commune.pk, tree.far_commune.pk, 999999):
        response = client.post("/participants/new/", {**entry(tree.commune), "commune": commune_id})
        assert "commune" in response.context["form"].errors
    assert not Participant.objects.exists()


def test_a_village_of_another_commune_is_refused(client_for, provincial_manager, tree):
    response = client_for(provincial_manager).post(
        "/participants/new/", entry(tree.other_commune, village=tree.village.pk))
    assert "Thôn này không thuộc xã đã chọn." in response.context["form"].errors["village"]


def test_the_contribution_preview_uses_the_rules_of_the_payment_date(client_for, district_staff):
    client = client_for(district_staff)
    new = client.get("/participants/contribution/", {"paid_on": "01/07/2025", "method": "quarterly",
                                                     "monthly_income": "1.500.000", "support_category": "near_poor"})
    old = client.get("/participants/contribution/", {"paid_on": "30/06/2025", "method": "quarterly",
                                                     "monthly_income": "1.500.000", "support_category": "near_poor"})
    assert (new.json()["gross"], new.json()["state_support"], new.json()["net"]) == ("990.000", "396.000", "594.000")
    assert "159/2025" in new.json()["rule"]
    assert (old.json()["state_support"], old.json()["net"]) == ("247.500", "742.500")
    bad = client.get("/participants/contribution/", {"paid_on": "01/07/2025", "method": "monthly",
                                                     "monthly_income": "900000"}).json()
    assert not bad["ok"] and "monthly_income" in bad["errors"]


def test_viewers_cannot_enter(client_for, viewer):
    assert client_for(viewer).get("/participants/new/").status_code == 403
    assert client_for(viewer).get("/participants/contribution/").status_code == 403
