"""Office staff correct a person or a payment; each change is kept with who, when and old → new, shown on the
person's page; history cannot be changed from the admin."""

from datetime import date

import pytest

from enrollment.models import Participant, PaymentMethod, Role
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


@pytest.fixture
def person(tree, district_staff):
    someone = ParticipantFactory(commune=tree.commune, personal_id="082085111111", full_name="Bùi Hoàng Nam",
                                 birth_date=date(1985, 4, 15), sex="male", phone="0911111111")
    payment_record(participant=someone, paid_on=date(2026, 11, 2), method=PaymentMethod.MONTHLY,
                   monthly_income=2_000_000, user=district_staff)
    return someone


def form_of(person, **changes):
    data = {"personal_id": person.personal_id, "full_name": person.full_name, "birth_date": "15/04/1985",
            "sex": person.sex, "phone": person.phone, "si_number": "", "commune": person.commune_id, "village": "",
            "target_group": person.target_group, "support_category": person.support_category, "reason": ""}
    return {**data, **changes}


def test_a_correction_is_saved_and_shown_with_who_and_old_to_new(client_for, district_staff, person):
    district_staff.full_name = "Trần Văn Sửa"
    district_staff.save()
    client = client_for(district_staff)
    response = client.post(f"/participants/{person.pk}/edit/",
                           form_of(person, full_name="Bùi Hoàng Năm", phone="0922222222", reason="gõ nhầm"))
    assert response.status_code == 302
    person.refresh_from_db()
    assert person.full_name == "Bùi Hoàng Năm" and person.search_name == "bui hoang nam"
    page = client.get(f"/participants/{person.pk}/").content.decode()
    assert "Lịch sử thay đổi" in page and "Trần Văn Sửa" in page and "gõ nhầm" in page
    assert "<del>Bùi Hoàng Nam</del> → <ins>Bùi Hoàng Năm</ins>" in page
    assert "<del>0911111111</del> → <ins>0922222222</ins>" in page


def test_a_bad_correction_keeps_what_was_typed_and_saves_nothing(client_for, district_staff, person, tree):
    ParticipantFactory(commune=tree.commune, personal_id="082085222222")
    response = client_for(district_staff).post(f"/participants/{person.pk}/edit/",
                                               form_of(person, personal_id="082085222222", full_name="Tên Mới"))
    assert response.status_code == 200
    assert "Số định danh này đã được đăng ký" in response.content.decode() and "Tên Mới" in response.content.decode()
    person.refresh_from_db()
    assert person.full_name == "Bùi Hoàng Nam" and person.history.count() == 1


def test_a_payment_correction_recomputes_its_amounts_and_is_kept(client_for, district_staff, person):
    payment = person.payments.get()
    client = client_for(district_staff)
    response = client.post(f"/payments/{payment.pk}/edit/", {"paid_on": "03/11/2026", "monthly_income": "3.000.000",
                                                               "collected_by_staff": "", "mobilised_by_staff": "",
                                                               "reason": "sai thu nhập"})
    assert response.status_code == 302, response.content.decode()
    payment.refresh_from_db()
    assert payment.monthly_income == 3_000_000 and payment.gross == 660_000 and payment.paid_on == date(2026, 11, 3)
    page = client.get(f"/participants/{person.pk}/").content.decode()
    assert "Lần đóng 11/2026–11/2026" in page and "sai thu nhập" in page
    assert "<del>2.000.000</del> → <ins>3.000.000</ins>" in page


def test_viewers_and_agents_cannot_correct_and_viewers_see_no_history(client_for, viewer, make_user, tree, person):
    agent = make_user(Role.AGENT_STAFF, tree.commune)
    for user in (viewer, agent):
        client = client_for(user)
        assert client.post(f"/participants/{person.pk}/edit/", form_of(person, full_name="X")).status_code == 403
        assert client.post(f"/payments/{person.payments.get().pk}/edit/", {}).status_code == 403
    page = client_for(viewer).get(f"/participants/{person.pk}/").content.decode()
    assert "Lịch sử thay đổi" not in page and "Sửa" not in page
    assert Participant.objects.get(pk=person.pk).full_name == "Bùi Hoàng Nam"


def test_another_districts_person_answers_not_found(client_for, district_staff, tree):
    far = ParticipantFactory(commune=tree.other_commune)
    assert client_for(district_staff).get(f"/participants/{far.pk}/edit/").status_code == 404


def test_the_admin_shows_history_but_cannot_change_or_delete_it(client_for, national_admin, person):
    from django.contrib import admin

    registered = {model._meta.model_name for model in admin.site._registry}
    assert not any(name.startswith("historical") for name in registered)
    client = client_for(national_admin)
    record = person.history.latest("history_id")
    page = client.get(f"/admin/enrollment/participant/{person.pk}/history/")
    assert page.status_code == 200
    revert = client.post(f"/admin/enrollment/participant/{person.pk}/history/{record.history_id}/",
                         {"full_name": "Đổi qua admin"})
    assert revert.status_code == 403
    assert person.history.count() == 1
