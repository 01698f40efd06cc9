import datetime
from decimal import Decimal

from enrollment.models import Metric, Plan, PlanStatus, PlanVersion, VersionKind
from enrollment.plans.phasing import EVEN_SHARES, cumulative_from_shares
from enrollment.plans.selectors.plans import (
    initial_plan,
    phased_target,
    plan_in_force,
    plan_versions_for,
)


def _version(plan, seq, target, status=PlanStatus.APPROVED, kind=VersionKind.SUPPLEMENTAL):
    return PlanVersion.objects.create(
        plan=plan, seq=seq, kind=kind, target=target, status=status,
        monthly_targets=cumulative_from_shares(EVEN_SHARES, target),
    )


def test_the_latest_approved_version_is_in_force_and_the_first_is_initial(tree):
    plan = Plan.objects.create(unit=tree.province, year=2026, metric=Metric.SI_PARTICIPANTS)
    first = _version(plan, 1, 16_650, kind=VersionKind.INITIAL)
    second = _version(plan, 2, 17_585)
    _version(plan, 3, 19_000, status=PlanStatus.DRAFT)

    assert plan_in_force(tree.province, 2026, Metric.SI_PARTICIPANTS) == second
    assert initial_plan(tree.province, 2026, Metric.SI_PARTICIPANTS) == first
    assert plan_in_force(tree.province, 2025, Metric.SI_PARTICIPANTS) is None
    assert plan_in_force(tree.district, 2026, Metric.SI_PARTICIPANTS) is None


def test_bulk_lookup_gives_initial_and_in_force_in_one_query(tree, django_assert_num_queries):
    for unit, targets in ((tree.province, [100, 120]), (tree.district, [40])):
        plan = Plan.objects.create(unit=unit, year=2026, metric=Metric.SI_NEW)
        for seq, target in enumerate(targets, start=1):
            _version(plan, seq, target)

    with django_assert_num_queries(1):
        found = plan_versions_for([tree.province, tree.district, tree.commune], 2026)

    assert found[(tree.province.pk, Metric.SI_NEW)]["initial"].target == 100
    assert found[(tree.province.pk, Metric.SI_NEW)]["in_force"].target == 120
    assert found[(tree.district.pk, Metric.SI_NEW)]["in_force"].target == 40
    assert (tree.commune.pk, Metric.SI_NEW) not in found


def test_phased_target_interpolates_within_the_month(tree):
    plan = Plan.objects.create(unit=tree.province, year=2026, metric=Metric.SI_NEW)
    version = _version(plan, 1, 1200)  # 100 a month

    assert phased_target(version, datetime.date(2026, 1, 31)) == 100
    assert phased_target(version, datetime.date(2026, 6, 15)) == Decimal(500) + Decimal(100) * 15 / 30
    assert phased_target(version, datetime.date(2026, 12, 31)) == 1200
    assert phased_target(version, datetime.date(2025, 12, 31)) == 0
    assert phased_target(version, datetime.date(2027, 3, 1)) == 1200
