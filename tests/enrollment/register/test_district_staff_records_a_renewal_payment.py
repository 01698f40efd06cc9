from datetime import date

import pytest

from enrollment.models import Outcome, PaymentMethod, RenewalOutcome
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory, StaffFactory

pytestmark = pytest.mark.django_db


def test_paying_again_through_the_page(client_for, district_staff, tree):
    officer = StaffFactory(unit=tree.district)
    person = ParticipantFactory(commune=tree.commune, support_category="near_poor")
    payment_record(participant=person, paid_on=date(2026, 11, 2), method=PaymentMethod.MONTHLY,
                   monthly_income=1_500_000)
    RenewalOutcome.objects.create(participant=person, due_month=date(2026, 12, 1), outcome=Outcome.PROMISED,
                                  promised_on=date(2026, 12, 1))
    client = client_for(district_staff)
    assert client.get(f"/participants/{person.pk}/payments/new/").status_code == 200
    response = client.post(f"/participants/{person.pk}/payments/new/", {
        "paid_on": "01/12/2026", "method": "half_yearly", "months": "", "monthly_income": "1.500.000",
        "collected_by_staff": officer.pk, "mobilised_by_staff": ""})
    assert response["Location"] == f"/participants/{person.pk}/"
    person.refresh_from_db()
    assert person.paid_through == date(2027, 5, 1)
    payment = person.payments.get(period_start=date(2026, 12, 1))
    assert (payment.gross, payment.state_support, payment.net, payment.collected_by_staff) == (
        1_980_000, 792_000, 1_188_000, officer)
    assert RenewalOutcome.objects.get().outcome == Outcome.PAID
    preview = client.get("/participants/contribution/", {"participant": person.pk, "paid_on": "01/12/2026",
                                                         "method": "monthly", "monthly_income": "1500000"}).json()
    assert preview["state_support"] == "132.000"  # the person's own category, not the form's


def test_an_officer_of_another_district_cannot_be_credited(client_for, district_staff, tree):
    stranger = StaffFactory(unit=tree.other_district)
    person = ParticipantFactory(commune=tree.commune)
    response = client_for(district_staff).post(f"/participants/{person.pk}/payments/new/", {
        "paid_on": "01/12/2026", "method": "monthly", "monthly_income": "1.500.000",
        "collected_by_staff": stranger.pk})
    assert "collected_by_staff" in response.context["form"].errors
    assert not person.payments.exists()


def test_a_participant_of_another_district_is_a_404(client_for, district_staff, tree):
    person = ParticipantFactory(commune=tree.other_commune)
    client = client_for(district_staff)
    assert client.get(f"/participants/{person.pk}/").status_code == 404
    assert client.get(f"/participants/{person.pk}/payments/new/").status_code == 404
