"""Demo plans of Đồng Tháp for the current year: initial and supplemental plans, allocated to the
grassroots offices and communes, a draft waiting for approval, and officer quotas. Each office's plan
is set from its own figures so that the dashboards look like a real province's."""

import datetime
from decimal import Decimal

from django.db import transaction
from django.utils import timezone

from enrollment.demo.seeding import demo_seeder
from enrollment.plans.models.plans import AllocationRule, Curve, Metric, Plan
from enrollment.plans.models.quotas import OfficerQuota
from enrollment.plans.phasing import phased_value
from enrollment.plans.selectors.actuals import actuals
from enrollment.plans.selectors.plans import plan_in_force
from enrollment.plans.services.allocation import (
    allocation_approve,
    allocation_save,
    rule_targets,
)
from enrollment.plans.services.quotas import quotas_bulk_set
from enrollment.plans.services.versions import phasing_for, plan_version_create, start_of_year_figure
from enrollment.shared.models.users import User
from enrollment.territory.models.officers import Staff

# Each office's plan is set so that, on the day the demo is seeded, it stands at this share of its
# phased plan: most between 60% and 110%, a few behind, a few ahead, as a real province looks.
PHASED_ACHIEVEMENT = [Decimal(x) for x in (
    "0.93", "0.81", "1.04", "0.88", "0.52", "0.97", "1.18", "0.85", "0.72", "0.95", "1.06", "0.66", "0.90", "0.78",
    "1.01", "0.87", "0.47", "0.99", "1.13", "0.83",
)]
PLANNED_METRICS = (Metric.SI_PARTICIPANTS, Metric.SI_NEW, Metric.HI_HOUSEHOLD)
COVERAGE_FACTORS = (Decimal("1.05"), Decimal("1.10"))  # initial and supplemental rate, against last year's
INITIAL_SHARE = Decimal("0.95")  # the supplemental plan in force raises the initial one by about 5%
STEP = Decimal(10)


def _phased_share(unit, year, metric, curve, baseline, day):
    """The share of the year's growth the curve expects by `day` (the same for any target)."""
    probe = Decimal(1_000_000)
    monthly = phasing_for(unit, year, metric, probe + baseline, curve, baseline)
    return (phased_value(monthly, year, day, baseline) - baseline) / probe


def _district_targets(districts, year, metric, curve, day):
    """{district pk: target} putting each office at its share of the phased plan on `day`."""
    today_figures = actuals(districts, year, metric, day)
    targets = {}
    for index, district in enumerate(districts):
        baseline = start_of_year_figure(district, year, metric)
        actual = Decimal(today_figures.get(district.pk) or 0)
        share = _phased_share(district, year, metric, curve, baseline, day) or Decimal(1)
        wanted = actual / PHASED_ACHIEVEMENT[index % len(PHASED_ACHIEVEMENT)]
        target = baseline + max(wanted - baseline, STEP) / share
        targets[district.pk] = max(STEP, (target / STEP).quantize(Decimal(1)) * STEP)
    return targets


def _coverage_targets(province, year):
    last_year = Decimal(actuals([province], year - 1, Metric.COVERAGE, datetime.date(year - 1, 12, 31))
                        .get(province.pk) or 1)
    return tuple(max(Decimal("0.01"), (last_year * factor).quantize(Decimal("0.01"))) for factor in COVERAGE_FACTORS)


def _allocate(manager, unit, year, metric, rule, note="", targets=None):
    children = list(unit.children.order_by("code"))
    version = plan_in_force(unit, year, metric)
    if targets is None:
        targets = rule_targets(children=children, year=year, metric=metric, rule=rule, total=version.target)
    else:
        rule = AllocationRule.MANUAL
    return allocation_save(user=manager, unit=unit, year=year, metric=metric, targets=targets, rule=rule, note=note)


def _approve(manager, draft, document_number, document_date):
    allocation_approve(user=manager, allocation=draft, document_number=document_number, document_date=document_date)


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

    today = timezone.localdate()
    for metric in (*PLANNED_METRICS, Metric.COVERAGE):
        curve = Curve.LAST_YEAR if metric in (Metric.SI_PARTICIPANTS, Metric.SI_NEW) else Curve.SEASONAL
        if Metric.is_rate(metric):
            initial, supplemental = _coverage_targets(province, year)
            by_district = None
        else:
            by_district = _district_targets(districts, year, metric, curve, today)
            supplemental = sum(by_district.values())
            initial = (supplemental * INITIAL_SHARE / STEP).quantize(Decimal(1)) * STEP
        plan_version_create(user=manager, unit=province, year=year, metric=metric, target=initial, curve=curve,
                            document_number="120/QĐ-BHXH", document_date=datetime.date(year, 1, 10),
                            note="Kế hoạch giao đầu năm của BHXH Việt Nam")
        _approve(manager, _allocate(manager, province, year, metric, AllocationRule.LAST_YEAR),
                 "125/QĐ-BHXH", datetime.date(year, 1, 20))
        plan_version_create(user=manager, unit=province, year=year, metric=metric, target=supplemental, curve=curve,
                            document_number="275/BHXH-TST", document_date=datetime.date(year, 7, 15),
                            note="Giao bổ sung sau sơ kết 6 tháng")
        _approve(manager, _allocate(manager, province, year, metric, AllocationRule.LAST_YEAR,
                                    note="Phân bổ kế hoạch bổ sung", targets=by_district),
                 "280/QĐ-BHXH", datetime.date(year, 7, 25))
        for district in districts:
            draft = _allocate(district_user if district == demo_district else manager, district, year, metric,
                              AllocationRule.LAST_YEAR)
            _approve(manager, draft, f"{300 + district.pk % 90}/QĐ-BHXH", datetime.date(year, 8, 5))

    # Chợ Gạo has re-balanced its communes' new-participant targets; the province has not approved yet.
    _rebalanced_draft(district_user, demo_district, year)

    officers = list(Staff.objects.filter(unit__path__startswith=province.path, is_active=True))
    quotas_bulk_set(OfficerQuota, officers, year, None, Metric.SI_NEW, 3, manager,
                    note="Mỗi cán bộ vận động 3 người tham gia")
    collectors = [o for o in officers if o.position == "collection_officer"]
    quotas_bulk_set(OfficerQuota, collectors, year, 12, Metric.SI_NEW, 2, manager, note="Tháng cao điểm cuối năm")
    context.lines.append(
        f"plans: {province.name} {year}: {len(PLANNED_METRICS) + 1} metrics, initial and supplemental, "
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
