"""Paying several years in advance is discounted, a lump sum for missing years bears interest, at the
fund's monthly investment return of the year before (its yearly return ÷ 12), under both decrees.

Hand computation (P = 22% × 1,500,000 = 330,000 a month; closed forms of the sums):
- advance of n months: P × (1 − (1 + r)^−n) × (1 + r) ÷ r
- missing n months:    P × (1 + r) × ((1 + r)^n − 1) ÷ r
Return of 2023 = 6% → r = 0.5%: 24 months in advance 7,482,974.58; 12 missing months 4,091,089.26.
Return of 2024 = 5.4% → r = 0.45%: 24 months in advance 7,525,070.88; 12 missing months 4,077,762.87.
"""

from datetime import date
from decimal import Decimal

import pytest

from enrollment.models import Parameter, PaymentMethod, SupportCategory
from enrollment.register.services.contributions import ContributionError, contribution_compute

pytestmark = pytest.mark.django_db
UNDER_134 = date(2024, 3, 15)
UNDER_159 = date(2025, 8, 10)


@pytest.fixture(autouse=True)
def fund_returns(db):
    Parameter.objects.update_or_create(key="fund_investment_return", valid_from=date(2023, 1, 1),
                                       defaults={"value": Decimal("0.06")})
    Parameter.objects.update_or_create(key="fund_investment_return", valid_from=date(2024, 1, 1),
                                       defaults={"value": Decimal("0.054")})


def compute(on_date, method, months, category=SupportCategory.OTHER):
    return contribution_compute(on_date=on_date, monthly_income=1_500_000, method=method, months=months,
                                support_category=category)


def test_two_years_in_advance_under_decree_134():
    result = compute(UNDER_134, PaymentMethod.YEARS_IN_ADVANCE, 24)
    assert result.fund_return == Decimal("0.06")
    assert (result.gross, result.adjustment) == (7_482_975, 7_482_975 - 24 * 330_000)
    # 10% of the contribution on the poverty line, for the 24 months, given once.
    assert (result.state_support, result.net) == (24 * 33_000, 7_482_975 - 792_000)


def test_a_lump_sum_for_a_missing_year_under_decree_134():
    result = compute(UNDER_134, PaymentMethod.LUMP_SUM, 12)
    assert (result.gross, result.adjustment) == (4_091_089, 4_091_089 - 12 * 330_000)
    assert (result.state_support, result.net) == (0, 4_091_089)


def test_two_years_in_advance_under_decree_159():
    result = compute(UNDER_159, PaymentMethod.YEARS_IN_ADVANCE, 24)
    assert (result.fund_return, result.gross) == (Decimal("0.054"), 7_525_071)
    assert (result.state_support, result.net) == (24 * 66_000, 7_525_071 - 1_584_000)  # 20% under Decree 159


def test_a_lump_sum_for_a_missing_year_under_decree_159():
    result = compute(UNDER_159, PaymentMethod.LUMP_SUM, 12, category=SupportCategory.POOR)
    assert (result.gross, result.state_support, result.net) == (4_077_763, 0, 4_077_763)


def test_a_year_without_a_published_return_is_refused_clearly():
    Parameter.objects.filter(key="fund_investment_return").delete()
    with pytest.raises(ContributionError) as error:
        compute(UNDER_134, PaymentMethod.YEARS_IN_ADVANCE, 24)
    assert error.value.field == "paid_on"


def test_the_payment_keeps_the_return_and_the_form_shows_it(tree, district_staff, client_for):
    from enrollment.register.services.participants import participant_get_or_create, payment_record

    person, _created = participant_get_or_create(
        personal_id="082085000777", full_name="Nguyễn Văn Tâm", birth_date=date(1985, 4, 15), sex="male",
        commune=tree.commune, target_group="farmer", support_category="other")
    payment = payment_record(participant=person, paid_on=UNDER_134, method=PaymentMethod.YEARS_IN_ADVANCE,
                             months=24, monthly_income=Decimal(1_500_000))
    payment.refresh_from_db()
    assert (payment.gross, payment.fund_return, payment.adjustment) == (7_482_975, Decimal("0.0600"), -437_025)

    preview = client_for(district_staff).get("/participants/contribution/", {
        "paid_on": "15/03/2024", "method": "years_in_advance", "months": "24", "monthly_income": "1.500.000",
        "support_category": "other"}).json()
    assert preview["ok"], preview
    assert (preview["gross"], preview["adjustment"]) == ("7.482.975", "-437.025")
    assert preview["fund_return"] == "lãi suất đầu tư quỹ 6,00%/năm"
