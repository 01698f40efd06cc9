from decimal import Decimal

import pytest
from django.core.exceptions import ValidationError

from enrollment.models import AllocationRule, Metric
from enrollment.plans.services.allocation import largest_remainder, rule_targets
from tests.factories import LabourForceFactory, UnitFactory


def test_largest_remainder_adds_up_and_gives_the_leftovers_to_the_largest_fractions():
    assert largest_remainder(100, [1, 1, 1]) == [34, 33, 33]
    assert largest_remainder(10, [5, 3, 2]) == [5, 3, 2]
    shares = largest_remainder(1001, [7, 13, 29, 31, 17])
    assert sum(shares) == 1001
    # 1001 × 7/97 = 72.24 … the fractions decide who gets the leftovers, never a negative.
    assert shares == [72, 134, 299, 320, 176]


def test_largest_remainder_in_hundredths_for_rates():
    shares = largest_remainder(Decimal("10.00"), [1, 1, 1], Decimal("0.01"))
    assert sum(shares) == Decimal("10.00")
    assert shares == [Decimal("3.34"), Decimal("3.33"), Decimal("3.33")]


def test_proportional_to_labour_force_adds_up_to_the_parent(tree):
    third = UnitFactory(parent=tree.province, code="816")
    for unit, labour in ((tree.district, 30_001), (tree.other_district, 45_333), (third, 12_345)):
        LabourForceFactory(unit=unit, year=2026, labour_force=labour)
    children = [tree.district, tree.other_district, third]

    targets = rule_targets(children=children, year=2026, metric=Metric.SI_NEW, rule=AllocationRule.LABOUR_FORCE,
                           total=18_816)

    assert sum(targets.values()) == 18_816
    assert targets[tree.other_district.pk] > targets[tree.district.pk] > targets[third.pk]
    assert all(v == v.to_integral_value() for v in targets.values())


def test_equal_shares_add_up(tree):
    children = [tree.district, tree.other_district]
    targets = rule_targets(children=children, year=2026, metric=Metric.SI_NEW, rule=AllocationRule.EQUAL, total=1001)
    assert sorted(targets.values()) == [500, 501]


def test_labour_force_rule_names_the_units_without_a_figure(tree):
    LabourForceFactory(unit=tree.district, year=2026, labour_force=100)
    with pytest.raises(ValidationError) as error:
        rule_targets(children=[tree.district, tree.other_district], year=2026, metric=Metric.SI_NEW,
                     rule=AllocationRule.LABOUR_FORCE, total=10)
    assert "815" in str(error.value)


def test_a_rate_is_given_to_every_child_not_split(tree):
    targets = rule_targets(children=[tree.district, tree.other_district], year=2026, metric=Metric.COVERAGE,
                           rule=AllocationRule.EQUAL, total=Decimal("2.50"))
    assert set(targets.values()) == {Decimal("2.50")}
