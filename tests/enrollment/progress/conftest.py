import datetime
import importlib
import itertools
from decimal import Decimal

import pytest

from enrollment.models import (
    PaymentMethod,
    Plan,
    PlanStatus,
    PlanVersion,
    ProgressSnapshot,
)
from enrollment.register.services.participants import (
    participant_get_or_create,
    payment_record,
)

_ids = itertools.count(1)


@pytest.fixture
def enrol(db):
    """Register a participant and their payments through the register's own services."""
    from django.apps import apps

    # A transactional test has flushed the parameters that a migration seeds.
    importlib.import_module("enrollment.migrations.0004_seed_parameters").seed(apps, None)

    def enrol(commune, payments, village=None, target_group="farmer", mobilised_by_staff=None):
        person, _created = participant_get_or_create(
            personal_id=f"082085{next(_ids):06d}", full_name="Nguyễn Văn Tâm", birth_date=datetime.date(1985, 4, 15),
            sex="male", commune=commune, village=village, target_group=target_group, support_category="other",
        )
        for paid_on, method in payments:
            payment_record(participant=person, paid_on=paid_on, method=method, monthly_income=Decimal(2_000_000),
                           mobilised_by_staff=mobilised_by_staff)
        return person

    return enrol


@pytest.fixture
def approved_plan():
    def make(unit, year, metric, target, monthly_targets=None, seq=1, kind="initial", baseline=0):
        plan, _ = Plan.objects.get_or_create(unit=unit, year=year, metric=metric)
        monthly = monthly_targets or [round(target * m / 12, 2) for m in range(1, 13)]
        return PlanVersion.objects.create(plan=plan, seq=seq, kind=kind, target=target, baseline=baseline,
                                          monthly_targets=monthly, status=PlanStatus.APPROVED)

    return make


@pytest.fixture
def figure():
    """figure(unit, day, metric) -> the snapshot row (unit None: the country).

    A unit with no people, no plan and no labour force that day has no row: it reads as zero.
    """

    def get(unit, day, metric):
        row = ProgressSnapshot.objects.filter(unit=unit, date=day, metric=metric).first()
        return row or ProgressSnapshot(unit=unit, date=day, metric=metric, actual=0, status="no_plan")

    return get


MONTHLY, QUARTERLY, HALF_YEARLY, YEARLY = (PaymentMethod.MONTHLY, PaymentMethod.QUARTERLY, PaymentMethod.HALF_YEARLY,
                                           PaymentMethod.YEARLY)
