"""Snapshot rows written directly, for the dashboards' view tests (the engine's tests check the computing)."""

import datetime
from decimal import Decimal

import factory
from django.utils import timezone
from factory.django import DjangoModelFactory

from enrollment.models import (
    BreakdownDimension,
    ProgressBreakdown,
    ProgressMetric,
    ProgressSnapshot,
    ProgressStatus,
    RecomputeKind,
    RecomputeRun,
    RecomputeStatus,
)
from enrollment.progress.selectors.dashboards import month_ends


class ProgressSnapshotFactory(DjangoModelFactory):
    class Meta:
        model = ProgressSnapshot

    date = datetime.date(2026, 11, 30)
    metric = ProgressMetric.SI_PARTICIPANTS
    actual = Decimal(100)
    computed_at = factory.LazyFunction(timezone.now)


class ProgressBreakdownFactory(DjangoModelFactory):
    class Meta:
        model = ProgressBreakdown

    date = datetime.date(2026, 11, 30)
    dimension = BreakdownDimension.TARGET_GROUP
    key = factory.Sequence(lambda n: f"k{n}")
    label = factory.LazyAttribute(lambda o: f"Nhóm {o.key}")


def recompute_finished():
    """As the engine ends a run that rewrote the figures: the dashboards' cached figures are built again."""
    now = timezone.now()
    return RecomputeRun.objects.create(kind=RecomputeKind.INCREMENTAL, status=RecomputeStatus.DONE, started_at=now,
                                       finished_at=now)


def snapshot(unit, day, actual, plan_initial=None, plan_in_force=None, phased=None, metric=ProgressMetric.SI_PARTICIPANTS,
             forecast=None):
    """A snapshot row with the achievements and the gap worked out as the engine would."""

    def pct(part, whole):
        return (Decimal(part) * 100 / Decimal(whole)).quantize(Decimal("0.01")) if whole else None

    in_force = plan_in_force if plan_in_force is not None else plan_initial
    if plan_initial is None:
        status = ProgressStatus.NO_PLAN
    elif phased is not None and actual < phased:
        status = ProgressStatus.AT_RISK
    else:
        status = ProgressStatus.ON_TRACK
    figures = dict(
        actual=Decimal(actual), plan_initial=plan_initial, plan_in_force=in_force, phased_to_date=phased,
        achievement_initial=pct(actual, plan_initial), achievement_in_force=pct(actual, in_force),
        achievement_phased=pct(actual, phased), gap=(Decimal(phased) - Decimal(actual)) if phased is not None else None,
        forecast=forecast, status=status, computed_at=timezone.now(),
    )
    row, _created = ProgressSnapshot.objects.update_or_create(unit=unit, date=day, metric=metric, defaults=figures)
    return row


def full_board(unit, day, actual=18_816, plan_initial=16_650, plan_in_force=17_585, phased=18_000, children=(),
               child_actuals=None):
    """Everything a dashboard draws for `unit` on `day`: every metric, month ends, children and breakdowns."""
    snapshot(unit, day, actual, plan_initial, plan_in_force, phased, forecast=actual + 500)
    for n, month_end in enumerate(month_ends(day.year, day)[:-1], start=1):
        share = Decimal(n) / 12
        snapshot(unit, month_end, int(actual * share), plan_initial, plan_in_force, int(phased * share))
    snapshot(unit, day, 4_200, 4_000, 4_000, 3_900, metric=ProgressMetric.SI_NEW)
    snapshot(unit, day, 52_000, 50_000, 50_000, 49_000, metric=ProgressMetric.HI_HOUSEHOLD)
    snapshot(unit, day, Decimal("1.60"), Decimal("1.50"), Decimal("1.50"), Decimal("1.45"), metric=ProgressMetric.COVERAGE)
    for metric, value in ((ProgressMetric.RENEWALS_DUE, 6_641), (ProgressMetric.RENEWALS_PAID, 4_971),
                          (ProgressMetric.RENEWALS_LAPSED, 1_100)):
        snapshot(unit, day, value, metric=metric)
    new_to_date = 0  # new participants of month m: 300 + 10 m; the year to date at each month end
    for month, month_end in enumerate(month_ends(day.year, day)[:-1], start=1):
        new_to_date += 300 + 10 * month
        snapshot(unit, month_end, new_to_date, metric=ProgressMetric.SI_NEW)
        snapshot(unit, month_end, 300 + 10 * month, metric=ProgressMetric.SI_NEW_MONTH)
    snapshot(unit, day, 4_200 - new_to_date, metric=ProgressMetric.SI_NEW_MONTH)  # the shown day's month so far
    for dimension in (BreakdownDimension.AGENT_TYPE, BreakdownDimension.TARGET_GROUP, BreakdownDimension.CAMPAIGN,
                      BreakdownDimension.OFFICER, BreakdownDimension.AGENT_STAFF):
        for n in range(3):
            ProgressBreakdownFactory(unit=unit, date=day, dimension=dimension, key=f"{dimension}-{n}",
                                     label=f"{dimension} {n}", new_participants=100 * (n + 1),
                                     active_participants=400 * (n + 1))
    child_actuals = child_actuals or {}
    for n, child in enumerate(children):
        child_actual = child_actuals.get(child.pk, 100 + 10 * n)
        snapshot(child, day, child_actual, 120, 130, 110)
