"""Who is due, paid again and lapsed, across payment methods, month ends and the turn of the year."""

from datetime import date

import pytest

from enrollment.models import Outcome, PaymentMethod, RenewalOutcome
from enrollment.register.selectors.definitions import (
    participants_active_on,
    participants_due_in,
    participants_lapsed_for,
    participants_new_in_year,
    participants_paid_again_in,
)
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db
DEC = date(2026, 12, 1)
NOV = date(2026, 11, 1)


def person(tree, name, *payments):
    participant = ParticipantFactory(commune=tree.commune, full_name=name)
    for paid_on, method, start, months in payments:
        payment_record(participant=participant, paid_on=paid_on, method=method, months=months, period_start=start,
                       monthly_income=1_500_000)
    return participant


@pytest.fixture
def people(tree):
    return {
        "monthly": person(tree, "monthly", (date(2026, 11, 30), PaymentMethod.MONTHLY, NOV, None)),
        "quarterly": person(tree, "quarterly", (date(2026, 8, 31), PaymentMethod.QUARTERLY, date(2026, 9, 1), None)),
        "yearly": person(tree, "yearly", (date(2025, 12, 31), PaymentMethod.YEARLY, date(2025, 12, 1), None)),
        "advance": person(tree, "advance", (date(2024, 12, 2), PaymentMethod.YEARS_IN_ADVANCE, date(2024, 12, 1), 24)),
        "paid_ahead": person(tree, "paid_ahead", (date(2026, 1, 31), PaymentMethod.YEARLY, date(2026, 1, 1), None)),
        "lapsed_nov": person(tree, "lapsed_nov", (date(2026, 10, 1), PaymentMethod.MONTHLY, date(2026, 10, 1), None)),
        "renewed_nov": person(tree, "renewed_nov", (date(2026, 10, 1), PaymentMethod.MONTHLY, date(2026, 10, 1), None),
                              (date(2026, 11, 3), PaymentMethod.MONTHLY, NOV, None)),
        "lump_sum": person(tree, "lump_sum", (date(2026, 6, 1), PaymentMethod.LUMP_SUM, date(2016, 6, 1), 125)),
    }


def names(queryset):
    return sorted(queryset.values_list("full_name", flat=True))


def test_due_in_december_whatever_the_method(people):
    assert names(participants_due_in(DEC)) == ["advance", "monthly", "quarterly", "renewed_nov", "yearly"]


def test_paid_through_december_is_due_in_january(people):
    assert names(participants_due_in(date(2027, 1, 1))) == ["paid_ahead"]


def test_a_lump_sum_ends_coverage_where_its_months_end(people):
    assert names(participants_due_in(date(2026, 11, 1))) == ["lapsed_nov", "lump_sum", "renewed_nov"]


def test_paid_again_and_lapsed_for_a_month_that_has_ended(people):
    today = date(2026, 12, 15)
    assert names(participants_paid_again_in(NOV)) == ["renewed_nov"]
    assert names(participants_lapsed_for(NOV, today)) == ["lapsed_nov", "lump_sum"]


def test_the_current_month_lapses_only_on_a_final_outcome(people):
    today = date(2026, 12, 15)
    assert names(participants_lapsed_for(DEC, today)) == []
    RenewalOutcome.objects.create(participant=people["monthly"], due_month=DEC, outcome=Outcome.DECLINED,
                                  reason="Không có thu nhập")
    RenewalOutcome.objects.create(participant=people["yearly"], due_month=DEC, outcome=Outcome.PROMISED,
                                  promised_on=date(2026, 12, 20))
    assert names(participants_lapsed_for(DEC, today)) == ["monthly"]
    assert names(participants_lapsed_for(DEC, date(2027, 1, 1))) == [
        "advance", "monthly", "quarterly", "renewed_nov", "yearly"]


def test_paying_again_marks_an_outcome_paid(people):
    outcome = RenewalOutcome.objects.create(participant=people["monthly"], due_month=DEC, outcome=Outcome.PROMISED,
                                            promised_on=date(2026, 12, 10))
    payment_record(participant=people["monthly"], paid_on=date(2026, 12, 10), method=PaymentMethod.MONTHLY,
                   monthly_income=1_500_000)
    outcome.refresh_from_db()
    assert outcome.outcome == Outcome.PAID
    assert names(participants_paid_again_in(DEC)) == ["monthly"]


def test_active_and_new(people):
    assert names(participants_active_on(date(2026, 12, 31))) == ["paid_ahead"]
    assert "lapsed_nov" in names(participants_active_on(date(2026, 10, 31)))
    assert names(participants_new_in_year(2026, date(2026, 12, 31))) == [
        "lapsed_nov", "lump_sum", "monthly", "paid_ahead", "quarterly", "renewed_nov"]
    assert names(participants_new_in_year(2026, date(2026, 1, 31))) == ["paid_ahead"]
