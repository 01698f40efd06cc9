import datetime

import pytest
from django.utils import timezone

from enrollment.models import ProgressMetric, ProgressSnapshot
from enrollment.progress.selectors.snapshots import (
    children_snapshots,
    latest_snapshot_date,
    snapshot_dates,
    unit_and_children_snapshots,
)

pytestmark = pytest.mark.django_db


def snap(unit, day, metric=ProgressMetric.SI_PARTICIPANTS, actual=0):
    return ProgressSnapshot.objects.create(unit=unit, date=day, metric=metric, actual=actual,
                                           computed_at=timezone.now())


def test_a_province_sees_its_own_figures_and_its_districts(tree):
    day = datetime.date(2026, 11, 30)
    snap(tree.province, day, actual=120)
    snap(tree.district, day, actual=100)
    snap(tree.other_district, day, actual=20)
    snap(tree.far_commune.parent, day, actual=7)

    own, children = unit_and_children_snapshots(tree.province, day)

    assert own[ProgressMetric.SI_PARTICIPANTS].actual == 120
    assert sorted(s.actual for s in children) == [20, 100]


def test_the_country_is_the_row_without_a_unit_and_its_children_are_provinces(tree):
    day = datetime.date(2026, 11, 30)
    snap(None, day, actual=127)
    snap(tree.province, day, actual=120)
    snap(tree.other_province, day, actual=7)
    snap(tree.district, day, actual=100)

    own, children = unit_and_children_snapshots(None, day)

    assert own[ProgressMetric.SI_PARTICIPANTS].actual == 127
    assert {s.unit for s in children} == {tree.province, tree.other_province}


def test_past_dates_are_listed_newest_first_and_the_latest_is_found(tree):
    for day in (datetime.date(2026, 10, 31), datetime.date(2026, 11, 30), datetime.date(2026, 12, 1)):
        snap(tree.province, day)

    assert snapshot_dates(tree.province) == [datetime.date(2026, 12, 1), datetime.date(2026, 11, 30),
                                            datetime.date(2026, 10, 31)]
    assert latest_snapshot_date(on_or_before=datetime.date(2026, 11, 30)) == datetime.date(2026, 11, 30)
    assert latest_snapshot_date(on_or_before=datetime.date(2026, 1, 1)) is None
    assert list(children_snapshots(tree.province, datetime.date(2026, 12, 1))) == []
