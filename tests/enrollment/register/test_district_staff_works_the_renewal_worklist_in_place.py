from datetime import date

import pytest
from django.utils import timezone

from enrollment.models import Outcome, PaymentMethod, RenewalOutcome
from enrollment.register.services.participants import payment_record
from enrollment.register.services.renewals import renewal_outcome_record
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db
HTMX = {"HTTP_HX_REQUEST": "true"}


def enrol(commune, name, start):
    person = ParticipantFactory(commune=commune, full_name=name)
    payment_record(participant=person, paid_on=start, method=PaymentMethod.MONTHLY, monthly_income=1_500_000,
                   period_start=start)
    return person


@pytest.fixture
def month():
    today = timezone.localdate()
    return date(today.year, today.month, 1)


@pytest.fixture
def due(tree, month):
    """Five people due this month: one paid again, the others at different stages of being chased."""
    last = date(month.year - 1, 12, 1) if month.month == 1 else date(month.year, month.month - 1, 1)
    people = {key: enrol(tree.commune, name, last) for key, name in (
        ("paid", "A Đã Đóng"), ("fresh", "B Chưa Gọi"), ("unreachable", "C Không Nghe"),
        ("promised_later", "D Hẹn Sau"), ("promise_broken", "E Lỡ Hẹn"))}
    payment_record(participant=people["paid"], paid_on=month, method=PaymentMethod.MONTHLY, monthly_income=1_500_000)
    renewal_outcome_record(participant=people["unreachable"], due_month=month, outcome=Outcome.UNREACHABLE)
    renewal_outcome_record(participant=people["promised_later"], due_month=month, outcome=Outcome.PROMISED,
                           promised_on=date(2100, 1, 1))
    renewal_outcome_record(participant=people["promise_broken"], due_month=month, outcome=Outcome.PROMISED,
                           promised_on=date(2000, 1, 1))
    return people


def names(response):
    return [row.record.full_name for row in response.context["table"].rows]


def test_the_worklist_puts_the_most_urgent_first_and_presets_no_outcome(client_for, district_staff, due, month):
    response = client_for(district_staff).get(f"/renewals/?month={month:%m/%Y}")
    assert names(response) == ["E Lỡ Hẹn", "B Chưa Gọi", "C Không Nghe", "D Hẹn Sau", "A Đã Đóng"]
    page = response.content.decode()
    assert "selected" not in page.split('id="renewals"')[1]  # no outcome chosen for anybody
    assert "chưa liên hệ" in page
    assert page.count('class="outcome-form"') == 4  # who paid again needs no outcome


@pytest.mark.parametrize("status,expected", [
    ("not_contacted", ["B Chưa Gọi"]),
    ("promised", ["E Lỡ Hẹn", "D Hẹn Sau"]),
    ("paid", ["A Đã Đóng"]),
])
def test_the_worklist_filters(client_for, district_staff, due, month, status, expected):
    assert names(client_for(district_staff).get(f"/renewals/?month={month:%m/%Y}&status={status}")) == expected


def test_an_outcome_is_recorded_in_place(client_for, district_staff, due, month):
    person = due["fresh"]
    response = client_for(district_staff).post(
        f"/renewals/{person.pk}/outcome/", {"month": f"{month:%m/%Y}", "outcome": "unreachable"}, **HTMX)
    assert response.status_code == 200
    cell = response.content.decode()
    assert "<html" not in cell and f'id="outcome-{person.pk}"' in cell
    assert "Không liên lạc được" in cell and "Đã lưu" in cell
    assert RenewalOutcome.objects.get(participant=person).outcome == Outcome.UNREACHABLE


def test_a_bad_outcome_is_explained_in_the_row_and_nothing_is_saved(client_for, district_staff, due, month):
    person = due["fresh"]
    response = client_for(district_staff).post(
        f"/renewals/{person.pk}/outcome/", {"month": f"{month:%m/%Y}", "outcome": "promised", "promised_on": "31/02"},
        **HTMX)
    cell = response.content.decode()
    assert response.status_code == 200 and "<html" not in cell
    assert 'class="errorlist"' in cell and 'value="31/02"' in cell  # what was typed stays
    assert not RenewalOutcome.objects.filter(participant=person).exists()


def test_without_javascript_the_list_comes_back_at_the_same_row(client_for, district_staff, due, month):
    person = due["fresh"]
    response = client_for(district_staff).post(f"/renewals/{person.pk}/outcome/", {
        "month": f"{month:%m/%Y}", "outcome": "unreachable", "next": f"/renewals/?month={month:%m/%Y}"})
    assert response.status_code == 302 and response.url == f"/renewals/?month={month:%m/%Y}#due-{person.pk}"
