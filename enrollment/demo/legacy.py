"""Demo history before the 2025 reform: 2022–2024 under the former provinces of the demo province.

The former Tiền Giang and Đồng Tháp (their districts and wards) are loaded; a few hundred people
enrolled in 2022–2024 are recorded as an import with former ward codes would record them (former
ward kept, 2025 commune by the official table), with yearly renewals until mid-2025, and plans of
those years are set on the former provinces. The progress seeder computes the days of `history_days`,
so the legacy view and growth across the reform have figures to show.
"""

import random
from datetime import date
from decimal import Decimal

from django.db import transaction

from enrollment.demo.register import FAMILY, GIVEN, MIDDLE, personal_id
from enrollment.demo.seeding import DEMO_DISTRICT_CODE, DEMO_PROVINCE_CODE, demo_seeder
from enrollment.plans.models.plans import Curve, Metric
from enrollment.plans.services.versions import plan_version_create
from enrollment.register.models.parameters import ParameterTable
from enrollment.register.models.participants import (
    Participant,
    Payment,
    PaymentMethod,
    SupportCategory,
    TargetGroup,
    name_search_fields,
)
from enrollment.register.services.contributions import contribution_compute
from enrollment.shared.models.users import User
from enrollment.shared.months import add_months, first_of_month, month_end
from enrollment.shared.reform import REFORM_DATE, legacy_provinces_of_province, new_commune_codes
from enrollment.territory.models.units import CodeSet, Level, Unit
from enrollment.territory.services.loading import units_load

HISTORY_YEARS = (2022, 2023, 2024)
NEW_PER_YEAR = {2022: 140, 2023: 190, 2024: 250}
RENEWAL_CHANCE = 0.8
SERIAL_FROM = 900_000  # personal IDs beyond the register demo's


def history_days():
    """The days of history the demo computes: each year's end, and every month end of the last year before
    the reform (the base of this year's growth across it is computed with the current days)."""
    last = HISTORY_YEARS[-1]
    return [date(year, 12, 31) for year in HISTORY_YEARS[:-1]] + [month_end(date(last, m, 1)) for m in range(1, 13)]


def _wards():
    """Former wards of the demo province's former provinces that map to one 2025 commune, weighted to Chợ Gạo."""
    codes = [path.strip("/").split("/")[1] for path in legacy_provinces_of_province(DEMO_PROVINCE_CODE)]
    units_load(code_set=CodeSet.LEGACY, province_codes=codes)
    wards = []
    communes = dict(Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.COMMUNE).values_list("code", "pk"))
    for ward in Unit.objects.filter(code_set=CodeSet.LEGACY, level=Level.COMMUNE, parent__parent__code__in=codes,
                                    parent__parent__code_set=CodeSet.LEGACY).select_related("parent"):
        mapped = new_commune_codes(ward.code)
        if len(mapped) == 1 and mapped[0] in communes:
            ward.commune_id = communes[mapped[0]]
            wards.append(ward)
    weights = [8 if ward.parent.code == DEMO_DISTRICT_CODE else 1 for ward in wards]
    return wards, weights


def _years_paid(rng, first_year):
    """Yearly payments from the year they joined, renewed while they keep on, until the reform."""
    month = rng.randint(1, 12)
    paid_on = date(first_year, month, rng.randint(1, 28))
    while paid_on < REFORM_DATE:
        yield paid_on
        if rng.random() > RENEWAL_CHANCE:
            return
        paid_on = date(paid_on.year + 1, paid_on.month, paid_on.day)


@demo_seeder(order=50)  # after the register and the plans of this year
@transaction.atomic
def seed_legacy_history(context):
    if Participant.objects.filter(legacy_unit__isnull=False).exists():
        return
    rng = random.Random(2022)
    params = ParameterTable()
    wards, weights = _wards()
    people, histories, serial = [], [], SERIAL_FROM
    for year in HISTORY_YEARS:
        for _n in range(NEW_PER_YEAR[year]):
            serial += 1
            sex = rng.choice(["male", "female"])
            birth = date(rng.randint(1962, 2000), rng.randint(1, 12), rng.randint(1, 28))
            ward = rng.choices(wards, weights=weights)[0]
            paid = list(_years_paid(rng, year))
            name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
            people.append(Participant(
                personal_id=personal_id(rng, birth, sex, serial), birth_date=birth, sex=sex, full_name=name,
                **name_search_fields(name), commune_id=ward.commune_id, legacy_unit=ward,
                target_group=rng.choice([TargetGroup.FARMER, TargetGroup.INFORMAL_WORKER, TargetGroup.OTHER]),
                support_category=SupportCategory.OTHER, first_paid_on=paid[0],
                paid_through=add_months(first_of_month(paid[-1]), 11),
            ))
            histories.append(paid)
    Participant.objects.bulk_create(people, batch_size=1000)
    payments = []
    income = Decimal(1_500_000)
    for person, paid in zip(people, histories):
        supported = 0
        for index, paid_on in enumerate(paid):
            c = contribution_compute(on_date=paid_on, monthly_income=income, method=PaymentMethod.YEARLY, months=12,
                                     support_category=person.support_category, supported_months_before=supported,
                                     params=params)
            supported += c.supported_months
            start = first_of_month(paid_on)
            payments.append(Payment(
                participant_id=person.pk, commune_id=person.commune_id, legacy_unit=person.legacy_unit,
                paid_on=paid_on, period_start=start, period_end=add_months(start, 11), months=12,
                method=PaymentMethod.YEARLY, monthly_income=c.monthly_income, gross=c.gross,
                state_support=c.state_support, local_support=c.local_support, net=c.net,
                supported_months=c.supported_months, fund_return=c.fund_return, adjustment=c.adjustment,
                is_first=index == 0,
            ))
    Payment.objects.bulk_create(payments, batch_size=2000)
    plans = _plans()
    context.lines.append(f"trước 01/07/2025: {len(people):,} người tham gia {HISTORY_YEARS[0]}–{HISTORY_YEARS[-1]} "
                         f"theo mã xã cũ, {len(payments):,} lần đóng, {plans} kế hoạch của các tỉnh cũ")


def _plans():
    """Year-end participant plans of the former provinces, growing with their enrollments."""
    manager = User.objects.get(username="admin")
    count = 0
    provinces = Unit.objects.filter(code_set=CodeSet.LEGACY, level=Level.PROVINCE,
                                    path__in=legacy_provinces_of_province(DEMO_PROVINCE_CODE))
    for province in provinces:
        for year in HISTORY_YEARS:
            active = Payment.objects.filter(legacy_unit__path__startswith=province.path,
                                            period_start__lte=date(year, 12, 1), period_end__gte=date(year, 12, 1)
                                            ).values("participant").distinct().count()
            target = max(10, round(active * 1.05, -1))
            plan_version_create(user=manager, unit=province, year=year, metric=Metric.SI_PARTICIPANTS, target=target,
                                curve=Curve.SEASONAL, document_number=f"{100 + year % 100}/QĐ-BHXH",
                                document_date=date(year, 1, 10), note="Kế hoạch giao cho tỉnh trước sắp xếp")
            count += 1
    return count
