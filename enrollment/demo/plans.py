"""Demo plans of Đồng Tháp for the current year: initial and supplemental plans, allocated to the
grassroots offices and communes, a draft waiting for approval, and officer quotas."""

import datetime
import random
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from enrollment.models import Level, Metric, OfficerQuota, Plan, ReportedFigure, Staff, User
from enrollment.models.plans import AllocationRule, Curve
from enrollment.services.allocation import allocation_approve, allocation_save, rule_targets
from enrollment.services.demo import demo_seeder
from enrollment.services.plans import plan_version_create
from enrollment.services.quotas import quotas_bulk_set

# (metric, initial target, supplemental target) for the whole province
PROVINCE_PLANS = [
    (Metric.SI_PARTICIPANTS, 52_000, 54_600),
    (Metric.SI_NEW, 9_800, 10_500),
    (Metric.HI_HOUSEHOLD, 310_000, 318_000),
    (Metric.COVERAGE, Decimal("2.50"), Decimal("2.80")),
]
# Last year's province figures at each month end (reported by hand before the register).
LAST_YEAR_SI_PARTICIPANTS = [41_900, 42_150, 42_800, 43_300, 43_900, 44_700,
                             45_300, 45_900, 46_800, 47_900, 49_200, 51_000]
LAST_YEAR_SI_NEW = [820, 1_030, 1_700, 2_250, 2_900, 3_800, 4_450, 5_100, 6_100, 7_250, 8_650, 10_450]


def _last_year_figures(province, year):
    """Hand-reported figures of last year for the province and its offices (shaped like the province)."""
    if ReportedFigure.objects.filter(unit=province, year=year - 1).exists():
        return
    rows = []
    districts = list(province.children.order_by("code"))
    rng = random.Random(2025)
    weights = [rng.uniform(0.6, 1.4) for _ in districts]
    total_weight = sum(weights)
    for metric, series in ((Metric.SI_PARTICIPANTS, LAST_YEAR_SI_PARTICIPANTS), (Metric.SI_NEW, LAST_YEAR_SI_NEW)):
        for month, value in enumerate(series, start=1):
            rows.append(ReportedFigure(unit=province, year=year - 1, month=month, metric=metric, value=value))
            for district, weight in zip(districts, weights):
                rows.append(ReportedFigure(unit=district, year=year - 1, month=month, metric=metric,
                                           value=int(value * weight / total_weight)))
    ReportedFigure.objects.bulk_create(rows)


def _allocate(manager, unit, year, metric, rule, note=""):
    children = list(unit.children.order_by("code"))
    from enrollment.selectors.plans import plan_in_force

    version = plan_in_force(unit, year, metric)
    targets = rule_targets(children=children, year=year, metric=metric, rule=rule, total=version.target)
    return allocation_save(user=manager, unit=unit, year=year, metric=metric, targets=targets, rule=rule,
                           document_number=version.document_number, document_date=version.document_date, note=note)


@demo_seeder(order=30)
@transaction.atomic
def seed_plans(context):
    from enrollment.demo.territory import demo_units

    province, demo_district = demo_units()
    year = timezone.localdate().year
    if Plan.objects.filter(unit=province, year=year).exists():
        return
    manager = User.objects.get(username="tinh82")
    district_user = User.objects.get(username="chogao")
    _last_year_figures(province, year)
    districts = list(province.children.order_by("code"))

    for metric, initial, supplemental in PROVINCE_PLANS:
        curve = Curve.LAST_YEAR if metric in (Metric.SI_PARTICIPANTS, Metric.SI_NEW) else Curve.SEASONAL
        plan_version_create(user=manager, unit=province, year=year, metric=metric, target=initial, curve=curve,
                            document_number=f"120/QĐ-BHXH", document_date=datetime.date(year, 1, 10),
                            note="Kế hoạch giao đầu năm của BHXH Việt Nam")
        allocation_approve(user=manager, allocation=_allocate(manager, province, year, metric,
                                                              AllocationRule.LABOUR_FORCE))
        plan_version_create(user=manager, unit=province, year=year, metric=metric, target=supplemental, curve=curve,
                            document_number="275/BHXH-TST", document_date=datetime.date(year, 7, 15),
                            note="Giao bổ sung sau sơ kết 6 tháng")
        rule = AllocationRule.LAST_YEAR if metric == Metric.SI_PARTICIPANTS else AllocationRule.LABOUR_FORCE
        allocation_approve(user=manager, allocation=_allocate(manager, province, year, metric, rule,
                                                              note="Phân bổ kế hoạch bổ sung"))
        for district in districts:
            draft = _allocate(district_user if district == demo_district else manager, district, year, metric,
                              AllocationRule.LABOUR_FORCE)
            allocation_approve(user=manager, allocation=draft)

    # Chợ Gạo has re-balanced its communes' new-participant targets; the province has not approved yet.
    _rebalanced_draft(district_user, demo_district, year)

    officers = list(Staff.objects.filter(unit__path__startswith=province.path, is_active=True))
    quotas_bulk_set(OfficerQuota, officers, year, None, Metric.SI_NEW, 3, manager,
                    note="Mỗi cán bộ vận động 3 người tham gia")
    collectors = [o for o in officers if o.position == "collection_officer"]
    quotas_bulk_set(OfficerQuota, collectors, year, 12, Metric.SI_NEW, 2, manager, note="Tháng cao điểm cuối năm")
    context.lines.append(
        f"plans: {province.name} {year}: {len(PROVINCE_PLANS)} metrics, initial and supplemental, "
        f"allocated to {len(districts)} offices and their communes; {len(officers)} officer quotas"
    )


def _rebalanced_draft(district_user, district, year):
    from enrollment.selectors.plans import allocation_grid

    grid = allocation_grid(district, year, Metric.SI_NEW)
    targets = {row.unit.pk: row.target for row in grid.rows}
    ids = list(targets)
    if len(ids) >= 2:
        moved = min(5, targets[ids[1]])
        targets[ids[0]] += moved
        targets[ids[1]] -= moved
    allocation_save(user=district_user, unit=district, year=year, metric=Metric.SI_NEW, targets=targets,
                    rule=AllocationRule.MANUAL, note="Điều chỉnh theo đề xuất của các xã")
