from datetime import date

import pytest

from enrollment.models import PaymentMethod
from enrollment.register.services.participants import next_due_month, payment_record
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db


def test_first_payment_starts_in_the_payment_month_and_counts_as_new(tree):
    person = ParticipantFactory(commune=tree.commune, support_category="poor")
    payment = payment_record(participant=person, paid_on=date(2026, 1, 20), method=PaymentMethod.QUARTERLY,
                             monthly_income=1_500_000)
    person.refresh_from_db()
    assert payment.is_first
    assert (payment.period_start, payment.period_end, payment.months) == (date(2026, 1, 1), date(2026, 3, 1), 3)
    assert (payment.gross, payment.state_support, payment.net) == (990_000, 495_000, 495_000)
    assert payment.commune == tree.commune
    assert (person.first_paid_on, person.paid_through) == (date(2026, 1, 20), date(2026, 3, 1))
    assert next_due_month(person) == date(2026, 4, 1)


def test_next_payment_continues_after_the_last_month_paid(tree):
    person = ParticipantFactory(commune=tree.commune)
    payment_record(participant=person, paid_on=date(2026, 1, 20), method=PaymentMethod.MONTHLY,
                   monthly_income=1_500_000)
    second = payment_record(participant=person, paid_on=date(2026, 1, 31), method=PaymentMethod.YEARLY,
                            monthly_income=2_000_000)
    person.refresh_from_db()
    assert not second.is_first
    assert (second.period_start, second.period_end) == (date(2026, 2, 1), date(2027, 1, 1))
    assert person.paid_through == date(2027, 1, 1)
    assert person.first_paid_on == date(2026, 1, 20)


def test_support_months_are_counted_across_payments(tree):
    person = ParticipantFactory(commune=tree.commune)
    for _year in range(9):
        payment_record(participant=person, paid_on=date(2026, 1, 5), method=PaymentMethod.YEARLY,
                       monthly_income=1_500_000)
    tenth = payment_record(participant=person, paid_on=date(2026, 1, 5), method=PaymentMethod.YEARLY,
                           monthly_income=1_500_000)
    eleventh = payment_record(participant=person, paid_on=date(2026, 1, 5), method=PaymentMethod.YEARLY,
                              monthly_income=1_500_000)
    assert (tenth.supported_months, eleventh.supported_months, eleventh.state_support) == (12, 0, 0)
