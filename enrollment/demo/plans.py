"""Demo plans of Đồng Tháp for the current year: initial and supplemental plans, allocated to the
grassroots offices and communes, a draft waiting for approval, and officer quotas."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from enrollment.demo.seeding import demo_seeder
from enrollment.plans.models.plans import AllocationRule, Curve, Metric, Plan
from enrollment.plans.models.quotas import OfficerQuota
from enrollment.plans.selectors.actuals import actuals
from enrollment.plans.services.allocation import (
    allocation_approve,
    allocation_save,
    rule_targets,
)
from enrollment.plans.services.quotas import quotas_bulk_set
from enrollment.plans.services.versions import plan_version_create
from enrollment.shared.models.users import User
from enrollment.territory.models.officers import Staff

# The province's plans are set from its register's figures of last year: (metric, initial factor,
# supplemental factor). The factors give the demo a province ahead on household HI, near its plan of
# new participants and short of its supplemental plan of participants, as provinces often are.
PLAN_FACTORS = [
    (Metric.SI_PARTICIPANTS, Decimal("0.80"), Decimal("0.85")),
    (Metric.SI_NEW, Decimal("0.90"), Decimal("0.95")),
    (Metric.HI_HOUSEHOLD, Decimal("3.00"), Decimal("3.20")),  # household HI only began to be collected here last year
    (Metric.COVERAGE, Decimal("0.80"), Decimal("0.85")),
]


def _province_targets(province, year):
    """{metric: (initial, supplemental)} from last year's year-end figures of the province."""
    year_end = datetime.date(year - 1, 12, 31)
    targets = {}
    for metric, initial, supplemental in PLAN_FACTORS:
        last_year = Decimal(actuals([province], year - 1, metric, year_end).get(province.pk) or 0)
        step = Decimal("0.01") if Metric.is_rate(metric) else Decimal(10)
        targets[metric] = tuple(max(step, (last_year * factor / step).quantize(Decimal(1)) * step)
                                for factor in (initial, supplemental))
    return targets


def _allocate(manager, unit, year, metric, rule, note=""):
    children = list(unit.children.order_by("code"))
    from enrollment.plans.selectors.plans import plan_in_force

    version = plan_in_force(unit, year, metric)
    targets = rule_targets(children=children, year=year, metric=metric, rule=rule, total=version.target)
    return allocation_save(user=manager, unit=unit, year=year, metric=metric, targets=targets, rule=rule,
                           document_number=version.document_number, document_date=version.document_date, note=note)


def _approve(manager, draft):
    allocation_approve(user=manager, allocation=draft, document_number=draft.document_number,
                       document_date=draft.document_date)


@demo_seeder(order=45)  # after the register, whose last year the plans grow from
@transaction.atomic
def seed_plans(context):
    from enrollment.demo.territory import demo_units

    province, demo_district = demo_units()
    year = timezone.localdate().year
    if Plan.objects.filter(unit=province, year=year).exists():
        return
    manager = User.objects.get(username="tinh82")
    district_user = User.objects.get(username="chogao")
    districts = list(province.children.order_by("code"))

    for metric, (initial, supplemental) in _province_targets(province, year).items():
        curve = Curve.LAST_YEAR if metric in (Metric.SI_PARTICIPANTS, Metric.SI_NEW) else Curve.SEASONAL
        plan_version_create(user=manager, unit=province, year=year, metric=metric, target=initial, curve=curve,
                            document_number="120/QĐ-BHXH", document_date=datetime.date(year, 1, 10),
                            note="Kế hoạch giao đầu năm của BHXH Việt Nam")
        _approve(manager, _allocate(manager, province, year, metric, AllocationRule.LAST_YEAR))
        plan_version_create(user=manager, unit=province, year=year, metric=metric, target=supplemental, curve=curve,
                            document_number="275/BHXH-TST", document_date=datetime.date(year, 7, 15),
                            note="Giao bổ sung sau sơ kết 6 tháng")
        _approve(manager, _allocate(manager, province, year, metric, AllocationRule.LAST_YEAR,
                                    note="Phân bổ kế hoạch bổ sung"))
        for district in districts:
            draft = _allocate(district_user if district == demo_district else manager, district, year, metric,
                              AllocationRule.LAST_YEAR)
            _approve(manager, draft)

    # Chợ Gạo has re-balanced its communes' new-participant targets; the province has not approved yet.
    _rebalanced_draft(district_user, demo_district, year)

    officers = list(Staff.objects.filter(unit__path__startswith=province.path, is_active=True))
    quotas_bulk_set(OfficerQuota, officers, year, None, Metric.SI_NEW, 3, manager,
                    note="Mỗi cán bộ vận động 3 người tham gia")
    collectors = [o for o in officers if o.position == "collection_officer"]
    quotas_bulk_set(OfficerQuota, collectors, year, 12, Metric.SI_NEW, 2, manager, note="Tháng cao điểm cuối năm")
    context.lines.append(
        f"plans: {province.name} {year}: {len(PLAN_FACTORS)} metrics, initial and supplemental, "
        f"allocated to {len(districts)} offices and their communes; {len(officers)} officer quotas"
    )


def _rebalanced_draft(district_user, district, year):
    from enrollment.plans.selectors.plans import allocation_grid

    grid = allocation_grid(district, year, Metric.SI_NEW)
    targets = {row.unit.pk: row.target for row in grid.rows}
    ids = list(targets)
    if len(ids) >= 2:
        moved = min(5, targets[ids[1]])
        targets[ids[0]] += moved
        targets[ids[1]] -= moved
    allocation_save(user=district_user, unit=district, year=year, metric=Metric.SI_NEW, targets=targets,
                    rule=AllocationRule.MANUAL, note="Điều chỉnh theo đề xuất của các xã")
