import datetime
from decimal import Decimal

from enrollment.models import Curve, Metric, PlanChange, ReportedFigure
from enrollment.plans.phasing import (
    EVEN_SHARES,
    SEASONAL_SHARES,
    cumulative_from_shares,
    curve_shares,
    phased_value,
)
from enrollment.plans.selectors.plans import phased_target
from enrollment.plans.services.versions import plan_version_create


def _increments(cumulative, baseline=0):
    previous, result = baseline, []
    for value in cumulative:
        result.append(value - previous)
        previous = value
    return result


def test_even_curve_spreads_the_target_and_ends_exactly_on_it():
    assert cumulative_from_shares(EVEN_SHARES, 1200) == [100 * m for m in range(1, 13)]
    odd = cumulative_from_shares(EVEN_SHARES, 1000)
    assert odd[-1] == 1000 and odd == sorted(odd)


def test_the_seasonal_curve_has_a_strong_january_a_tet_dip_and_a_year_end_sprint():
    months = _increments(cumulative_from_shares(SEASONAL_SHARES, 10_000))
    assert sum(months) == 10_000
    assert months[0] > months[1]  # January strong, February (Tết) weak
    assert months[1] == min(months)
    assert months[11] == max(months) and months[10] > months[9]  # the sprint


def test_a_stock_starts_from_last_years_result():
    phasing = cumulative_from_shares(EVEN_SHARES, 17_200, baseline=16_000, metric=Metric.SI_PARTICIPANTS)
    assert phasing[0] == 16_100 and phasing[-1] == 17_200


def test_a_rate_is_phased_in_hundredths():
    phasing = cumulative_from_shares(EVEN_SHARES, Decimal("2.50"), baseline=Decimal("1.30"), metric=Metric.COVERAGE)
    assert phasing[0] == 1.4 and phasing[-1] == 2.5


def test_last_years_pattern_follows_the_reported_figures_and_falls_back_to_seasonal(tree, provincial_manager):
    assert curve_shares(Curve.LAST_YEAR, None) == list(SEASONAL_SHARES)
    # Last year the province found its new participants mostly in the second half.
    monthly = [10, 20, 30, 40, 50, 60, 100, 140, 180, 220, 260, 400]
    ReportedFigure.objects.bulk_create([
        ReportedFigure(unit=tree.province, year=2025, month=m, metric=Metric.SI_NEW, value=v)
        for m, v in enumerate(monthly, start=1)
    ])
    version = plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW,
                                  target=800, curve=Curve.LAST_YEAR)
    assert version.monthly_targets == [2 * v for v in monthly]


def test_the_expected_figure_is_interpolated_within_the_month():
    cumulative = cumulative_from_shares(SEASONAL_SHARES, 1000)  # January 100, February 130
    assert phased_value(cumulative, 2026, datetime.date(2026, 1, 31)) == 100
    assert phased_value(cumulative, 2026, datetime.date(2026, 2, 14)) == Decimal(100) + Decimal(30) * 14 / 28
    assert phased_value(cumulative, 2026, datetime.date(2026, 1, 1)) == Decimal(100) / 31
    assert phased_value(cumulative, 2026, datetime.date(2025, 6, 1)) == 0
    assert phased_value(cumulative, 2026, datetime.date(2027, 6, 1)) == 1000


def test_a_manager_edits_the_phasing_by_hand_and_the_history_keeps_old_and_new(
        client_for, provincial_manager, tree):
    version = plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW,
                                  target=1200, curve=Curve.EVEN)
    client = client_for(provincial_manager)
    data = {"curve": "custom", **{f"m{m}": str(50 * m) for m in range(1, 12)}, "m12": "1.200"}
    response = client.post(f"/plans/versions/{version.pk}/phasing/", data)
    assert response.status_code == 302
    version.refresh_from_db()
    assert version.curve == Curve.CUSTOM
    assert version.monthly_targets == [50 * m for m in range(1, 12)] + [1200]
    assert phased_target(version, datetime.date(2026, 12, 31)) == 1200
    change = PlanChange.objects.get(action="phasing_changed")
    assert change.old_value.startswith("100; 200; 300")
    assert change.new_value.startswith("50; 100; 150")
    assert change.new_value.endswith("1.200")
    assert change.user == provincial_manager


def test_a_falling_or_short_phasing_is_refused_month_by_month(client_for, provincial_manager, tree):
    version = plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW,
                                  target=1200, curve=Curve.EVEN)
    before = list(version.monthly_targets)
    data = {"curve": "custom", **{f"m{m}": str(100 * m) for m in range(1, 13)}}
    data.update({"m5": "300", "m12": "1100", "m7": "x"})
    response = client_for(provincial_manager).post(f"/plans/versions/{version.pk}/phasing/", data)
    page = response.content.decode()
    assert response.status_code == 400
    assert "“x” không phải là số" in page
    data["m7"] = "700"
    page = client_for(provincial_manager).post(f"/plans/versions/{version.pk}/phasing/", data).content.decode()
    assert "Tháng 5: số lũy kế không được nhỏ hơn tháng trước." in page
    assert "Tháng 12: số tháng 12 phải bằng chỉ tiêu kế hoạch (1.200)." in page
    version.refresh_from_db()
    assert version.monthly_targets == before


def test_switching_to_a_named_curve_rephases(client_for, provincial_manager, tree):
    version = plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW,
                                  target=1000, curve=Curve.EVEN)
    client_for(provincial_manager).post(f"/plans/versions/{version.pk}/phasing/", {"curve": "seasonal"})
    version.refresh_from_db()
    assert version.monthly_targets == cumulative_from_shares(SEASONAL_SHARES, 1000)
