"""Amounts against figures computed by hand from DOMAIN.md (22% of income; support on the poverty line)."""

from datetime import date
from decimal import Decimal

import pytest

from enrollment.models import Parameter, PaymentMethod, SupportCategory
from enrollment.register.services.contributions import (
    ContributionError,
    contribution_compute,
)

pytestmark = pytest.mark.django_db

BEFORE = date(2024, 3, 15)  # Decree 134/2015: poverty line 1,500,000
AFTER = date(2025, 8, 10)  # Decree 159/2025


def compute(on_date, category, income=1_500_000, method=PaymentMethod.MONTHLY, **kwargs):
    return contribution_compute(on_date=on_date, monthly_income=income, method=method, support_category=category,
                                **kwargs)


@pytest.mark.parametrize("category, support, net", [
    (SupportCategory.POOR, 99_000, 231_000),
    (SupportCategory.NEAR_POOR, 82_500, 247_500),
    (SupportCategory.ETHNIC_MINORITY, 33_000, 297_000),
    (SupportCategory.ISLAND_COMMUNE, 33_000, 297_000),
    (SupportCategory.OTHER, 33_000, 297_000),
])
def test_decree_134_until_june_2025(category, support, net):
    result = compute(BEFORE, category)
    assert result.gross == 330_000
    assert (result.state_support, result.net) == (support, net)
    assert "134/2015" in result.rule


@pytest.mark.parametrize("category, support, net", [
    (SupportCategory.POOR, 165_000, 165_000),
    (SupportCategory.NEAR_POOR, 132_000, 198_000),
    (SupportCategory.ETHNIC_MINORITY, 99_000, 231_000),
    (SupportCategory.ISLAND_COMMUNE, 165_000, 165_000),
    (SupportCategory.OTHER, 66_000, 264_000),
])
def test_decree_159_from_july_2025(category, support, net):
    result = compute(AFTER, category)
    assert result.gross == 330_000
    assert (result.state_support, result.net) == (support, net)
    assert "159/2025" in result.rule


def test_the_last_day_of_the_old_rules_and_the_first_of_the_new():
    assert compute(date(2025, 6, 30), SupportCategory.POOR).state_support == 99_000
    assert compute(date(2025, 7, 1), SupportCategory.POOR).state_support == 165_000


def test_support_stays_on_the_poverty_line_when_income_is_higher():
    result = compute(AFTER, SupportCategory.OTHER, income=3_000_000, method=PaymentMethod.YEARLY)
    assert (result.months, result.gross, result.state_support, result.net) == (12, 7_920_000, 792_000, 7_128_000)


def test_the_old_poverty_line_before_2022():
    result = compute(date(2019, 5, 2), SupportCategory.POOR, income=700_000)
    assert (result.gross, result.state_support, result.net) == (154_000, 46_200, 107_800)


def test_support_ends_after_ten_years_per_person():
    result = compute(AFTER, SupportCategory.OTHER, method=PaymentMethod.YEARLY, supported_months_before=115)
    assert (result.supported_months, result.state_support) == (5, 330_000)
    assert compute(AFTER, SupportCategory.OTHER, supported_months_before=120).state_support == 0


def test_a_lump_sum_for_missing_years_gets_no_support():
    result = compute(AFTER, SupportCategory.POOR, method=PaymentMethod.LUMP_SUM, months=30)
    # With interest at the fund's return (test_paying_several_years_at_once_follows_the_fund_return.py).
    assert result.gross > 30 * 330_000
    assert (result.state_support, result.net) == (0, result.gross)


def test_years_in_advance_cover_whole_years():
    assert compute(AFTER, SupportCategory.OTHER, method=PaymentMethod.YEARS_IN_ADVANCE, months=24).months == 24
    with pytest.raises(ContributionError) as error:
        compute(AFTER, SupportCategory.OTHER, method=PaymentMethod.YEARS_IN_ADVANCE, months=18)
    assert error.value.field == "months"


@pytest.mark.parametrize("on_date, income", [
    (AFTER, 1_499_999), (AFTER, 46_800_001), (BEFORE, 36_000_001), (date(2019, 5, 2), 699_999),
])
def test_income_outside_the_floor_and_ceiling_is_refused(on_date, income):
    with pytest.raises(ContributionError) as error:
        compute(on_date, SupportCategory.OTHER, income=income)
    assert error.value.field == "monthly_income"
    assert "Thu nhập làm căn cứ đóng phải từ" in error.value.message


def test_income_on_the_limits_is_accepted():
    assert compute(AFTER, SupportCategory.OTHER, income=46_800_000).gross == 10_296_000
    assert compute(BEFORE, SupportCategory.OTHER, income=36_000_000).gross == 7_920_000


def test_a_provincial_top_up_is_a_dated_parameter():
    Parameter.objects.create(key="local_top_up_poor", valid_from=date(2025, 7, 1), value=Decimal("0.10"))
    result = compute(AFTER, SupportCategory.POOR)
    assert (result.state_support, result.local_support, result.net) == (165_000, 33_000, 132_000)
    assert compute(BEFORE, SupportCategory.POOR).local_support == 0


def test_a_new_base_salary_moves_the_ceiling():
    Parameter.objects.create(key="base_salary", valid_from=date(2026, 7, 1), value=Decimal("2600000"))
    assert compute(date(2026, 7, 1), SupportCategory.OTHER, income=52_000_000).gross == 11_440_000
