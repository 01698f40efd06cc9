"""Hand-computed figures of a small register, checked at village, commune, district, province and country."""

import datetime
from decimal import Decimal

import pytest

from enrollment.models import Outcome, RenewalOutcome
from enrollment.models import ProgressMetric as M
from enrollment.progress.services.engine import progress_recompute
from tests.enrollment.progress.conftest import HALF_YEARLY, MONTHLY, QUARTERLY, YEARLY

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 3, 15)
D = datetime.date


@pytest.fixture
def register(tree, enrol):
    a = enrol(tree.commune, [(D(2026, 1, 10), YEARLY)], village=tree.village)  # Jan–Dec 2026
    b = enrol(tree.commune, [(D(2025, 6, 5), QUARTERLY), (D(2025, 9, 3), QUARTERLY)])  # Jun–Nov 2025, then stops
    c = enrol(tree.other_commune, [(D(2026, 2, 1), MONTHLY)])  # Feb 2026, due in March
    d = enrol(tree.far_commune, [(D(2025, 12, 20), HALF_YEARLY)])  # Dec 2025–May 2026
    RenewalOutcome.objects.create(participant=c, due_month=D(2026, 3, 1), outcome=Outcome.DECLINED, reason="Ốm")
    return a, b, c, d


def test_active_participants_on_a_day_add_up_from_village_to_country(tree, register, figure):
    progress_recompute(full=True, today=TODAY)

    expected = {tree.village: 1, tree.commune: 1, tree.district: 1, tree.other_commune: 0, tree.other_district: 0,
                tree.province: 1, tree.far_commune: 1, tree.other_province: 1, None: 2}
    for unit, count in expected.items():
        assert figure(unit, TODAY, M.SI_PARTICIPANTS).actual == count, unit
    assert figure(tree.commune, D(2025, 9, 30), M.SI_PARTICIPANTS).actual == 1
    assert figure(tree.commune, D(2025, 12, 31), M.SI_PARTICIPANTS).actual == 0
    assert figure(None, D(2025, 12, 31), M.SI_PARTICIPANTS).actual == 1


def test_a_participant_due_this_month_stays_active_until_the_month_is_over(tree, enrol, figure):
    enrol(tree.commune, [(D(2026, 2, 1), MONTHLY)])  # February paid: due in March
    enrol(tree.other_commune, [(D(2026, 2, 2), MONTHLY)])  # the same, but declines in March
    RenewalOutcome.objects.create(participant=enrol(tree.other_commune, [(D(2026, 2, 2), MONTHLY)]),
                                  due_month=D(2026, 3, 1), outcome=Outcome.DECLINED, reason="Chuyển đi làm xa")
    progress_recompute(full=True, today=TODAY)

    assert figure(tree.commune, TODAY, M.SI_PARTICIPANTS).actual == 1  # 15 March: still time to pay March
    assert figure(tree.other_commune, TODAY, M.SI_PARTICIPANTS).actual == 1  # the one who declined is not
    assert figure(tree.province, TODAY, M.SI_PARTICIPANTS).actual == 2

    progress_recompute(full=True, today=D(2026, 4, 2))
    assert figure(tree.commune, D(2026, 3, 31), M.SI_PARTICIPANTS).actual == 0  # March ended unpaid: lapsed
    assert figure(tree.commune, D(2026, 3, 31), M.RENEWALS_LAPSED).actual == 1


def test_the_forecast_of_participants_takes_off_last_years_lapses_still_to_come(tree, enrol, figure):
    enrol(tree.commune, [(D(2025, 1, 5), YEARLY)])  # all of 2025, then stops
    enrol(tree.commune, [(D(2025, 2, 5), QUARTERLY)])  # February–April 2025: lapsed in May 2025
    enrol(tree.commune, [(D(2026, 1, 8), YEARLY)])
    enrol(tree.commune, [(D(2026, 3, 2), MONTHLY)])
    progress_recompute(full=True, today=TODAY)

    assert figure(tree.commune, D(2025, 5, 31), M.RENEWALS_LAPSED).actual == 1
    assert figure(tree.commune, D(2025, 3, 31), M.SI_PARTICIPANTS).actual == 2
    active, new = figure(tree.commune, TODAY, M.SI_PARTICIPANTS), figure(tree.commune, TODAY, M.SI_NEW)
    assert (active.actual, new.actual) == (2, 2)
    # 2 now + the new still to come − 1 lapse to come (1 lapsed from April on last year, among 2 then, 2 now)
    assert abs(active.forecast - (new.forecast + 2 - 2 - 1)) <= Decimal("0.01")


def test_new_participants_count_from_the_first_of_january(tree, register, figure):
    progress_recompute(full=True, today=TODAY)

    assert figure(tree.province, TODAY, M.SI_NEW).actual == 2
    assert figure(tree.far_commune, TODAY, M.SI_NEW).actual == 0
    assert figure(None, TODAY, M.SI_NEW).actual == 2
    assert figure(None, D(2025, 12, 31), M.SI_NEW).actual == 2
    assert figure(tree.commune, D(2025, 5, 31), M.SI_NEW).actual == 0


def test_renewals_due_paid_again_and_lapsed(tree, register, figure):
    progress_recompute(full=True, today=TODAY)

    september = D(2025, 9, 30)  # b's first quarter ended in August; b paid again in September
    assert [figure(tree.commune, september, m).actual for m in (M.RENEWALS_DUE, M.RENEWALS_PAID, M.RENEWALS_LAPSED)] \
        == [1, 1, 0]
    december = D(2025, 12, 31)  # b's second quarter ended in November; December is over unpaid
    assert [figure(tree.district, december, m).actual for m in (M.RENEWALS_DUE, M.RENEWALS_PAID, M.RENEWALS_LAPSED)] \
        == [1, 0, 1]
    # c is due in March, which is not over, but declined: lapsed already.
    assert [figure(tree.province, TODAY, m).actual for m in (M.RENEWALS_DUE, M.RENEWALS_PAID, M.RENEWALS_LAPSED)] \
        == [1, 0, 1]


def test_coverage_is_active_people_over_the_labour_force(tree, register, figure):
    from tests.factories import LabourForceFactory

    LabourForceFactory(unit=tree.province, year=2026, labour_force=400)
    LabourForceFactory(unit=tree.commune, year=2026, labour_force=50)

    progress_recompute(full=True, today=TODAY)

    assert figure(tree.province, TODAY, M.COVERAGE).actual == Decimal("0.25")
    assert figure(tree.commune, TODAY, M.COVERAGE).actual == 2
    assert figure(tree.district, TODAY, M.COVERAGE).actual == 2  # no figure of its own: its communes' sum


def test_plan_achievement_gap_and_status(tree, register, figure, approved_plan):
    approved_plan(tree.province, 2026, M.SI_NEW, 4, monthly_targets=[1, 2, 3, 4, 4, 4, 4, 4, 4, 4, 4, 4])
    approved_plan(tree.province, 2026, M.SI_NEW, 5, monthly_targets=[1, 2, 3, 4, 5, 5, 5, 5, 5, 5, 5, 5], seq=2,
                  kind="supplemental")

    progress_recompute(full=True, today=TODAY)

    row = figure(tree.province, TODAY, M.SI_NEW)
    assert (row.plan_initial, row.plan_in_force) == (4, 5)
    assert (row.achievement_initial, row.achievement_in_force) == (50, 40)
    # 15 March: February's 2 plus 15/31 of March's one more.
    assert row.phased_to_date == Decimal("2.48")
    assert row.gap == Decimal("0.48")
    # 2 new by mid-March is a run rate of about 10 a year: the forecast reaches the plan.
    assert row.forecast > 5 and row.status == "on_track"
    assert figure(tree.other_province, TODAY, M.SI_NEW).status == "no_plan"
    assert figure(None, TODAY, M.SI_NEW).plan_in_force == 5


def test_breakdowns_by_target_group_officer_and_new_per_month(tree, enrol, figure):
    from enrollment.models import ProgressBreakdown, ProgressSnapshot
    from enrollment.progress.selectors.dashboards import new_by_month
    from tests.factories import StaffFactory

    officer = StaffFactory(unit=tree.district, full_name="Trần Thị Lan")
    enrol(tree.commune, [(D(2026, 1, 10), YEARLY)], village=tree.village, mobilised_by_staff=officer)
    enrol(tree.commune, [(D(2026, 2, 3), MONTHLY)], target_group="student", mobilised_by_staff=officer)
    enrol(tree.far_commune, [(D(2025, 12, 20), HALF_YEARLY)])

    progress_recompute(full=True, today=TODAY)

    def rows(unit, dimension):
        return {(b.key, b.label, b.new_participants, b.active_participants)
                for b in ProgressBreakdown.objects.filter(unit=unit, date=TODAY, dimension=dimension)}

    def counts(unit, dimension):
        return {(key, new, active) for key, _label, new, active in rows(unit, dimension)}

    # The student paid February only: due in March, still active on 15 March (the month is not over).
    assert counts(tree.province, "target_group") == {("farmer", 1, 1), ("student", 1, 1)}
    assert counts(None, "target_group") == {("farmer", 1, 2), ("student", 1, 1)}
    assert rows(tree.district, "officer") == {(str(officer.pk), "Trần Thị Lan", 2, 2)}
    country_new = ProgressSnapshot.objects.filter(unit=None, metric=M.SI_NEW_MONTH)
    assert new_by_month(country_new, TODAY) == [(D(2026, 1, 1), 1), (D(2026, 2, 1), 1), (D(2026, 3, 1), 0)]
    assert all(label for _key, label, _new, _active in rows(None, "target_group"))
