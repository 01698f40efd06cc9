"""Demo register: a few thousand participants of Đồng Tháp with two years of payments.

Some are due to pay again this month, some have lapsed, some promised or declined, and a few
hundred households hold household health insurance. Everything goes in with bulk_create.
"""

import random
from datetime import date, timedelta

from django.db import transaction
from django.utils import timezone

from enrollment.demo.seeding import DEMO_DISTRICT_CODE, DEMO_PROVINCE_CODE, demo_seeder
from enrollment.register.models.households import Household, HouseholdMember
from enrollment.register.models.parameters import ParameterTable
from enrollment.register.models.participants import (
    Outcome,
    Participant,
    Payment,
    PaymentMethod,
    RenewalOutcome,
    SupportCategory,
    TargetGroup,
    name_search_fields,
)
from enrollment.register.services.contributions import contribution_compute
from enrollment.register.services.households import household_monthly_premium
from enrollment.shared.models.users import Role, User
from enrollment.shared.months import add_months, first_of_month, month_end
from enrollment.territory.models.officers import Staff
from enrollment.territory.models.units import CodeSet, Level, Unit

PEOPLE = 3000
HOUSEHOLDS = 300
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Ngô", "Dương", "Lâm"]
MIDDLE = {"male": ["Văn", "Minh", "Hoàng", "Quốc", "Thanh", "Hữu"], "female": ["Thị", "Ngọc", "Thu", "Thanh", "Kim"]}
GIVEN = {"male": ["An", "Bình", "Cường", "Dũng", "Hùng", "Long", "Nam", "Phúc", "Quân", "Tâm", "Trí", "Tuấn"],
         "female": ["Dung", "Hạnh", "Hoa", "Lan", "Mai", "Ngân", "Thảo", "Trang", "Vy", "Yến"]}
METHODS = [(PaymentMethod.MONTHLY, 45), (PaymentMethod.QUARTERLY, 20), (PaymentMethod.HALF_YEARLY, 10),
           (PaymentMethod.YEARLY, 20), (PaymentMethod.YEARS_IN_ADVANCE, 3), (PaymentMethod.LUMP_SUM, 2)]
GROUPS = [(TargetGroup.FARMER, 40), (TargetGroup.INFORMAL_WORKER, 20), (TargetGroup.HOUSEHOLD_BUSINESS, 12),
          (TargetGroup.CRAFT_VILLAGE_WORKER, 6), (TargetGroup.COMMUNE_OFFICIAL, 4), (TargetGroup.CONTRACT_ENDED, 6),
          (TargetGroup.UNEMPLOYED, 4), (TargetGroup.STUDENT, 3), (TargetGroup.OTHER, 5)]
CATEGORIES = [(SupportCategory.OTHER, 70), (SupportCategory.NEAR_POOR, 12), (SupportCategory.POOR, 10),
              (SupportCategory.ETHNIC_MINORITY, 8)]
LAPSE_CHANCE = 0.06  # per renewal
DECLINE_REASONS = ["Không có thu nhập ổn định", "Chuyển sang BHXH bắt buộc", "Đi làm ăn xa", "Chờ đủ tiền đóng một lần"]


def weighted(rng, pairs):
    return rng.choices([p[0] for p in pairs], weights=[p[1] for p in pairs])[0]


def personal_id(rng, birth, sex, serial):
    century = {1900: 0, 2000: 2}[birth.year // 100 * 100]
    return f"082{century + (sex == 'female')}{birth.year % 100:02d}{serial:06d}"


def _months_of(method, rng):
    if method == PaymentMethod.YEARS_IN_ADVANCE:
        return 24
    if method == PaymentMethod.LUMP_SUM:
        return rng.choice([24, 36, 60])
    return {PaymentMethod.MONTHLY: 1, PaymentMethod.QUARTERLY: 3, PaymentMethod.HALF_YEARLY: 6,
            PaymentMethod.YEARLY: 12}[method]


class History:
    """One person's payments, month after month, until they stop or reach this month."""

    def __init__(self, rng, params, today, category):
        self.rng, self.params, self.today, self.category = rng, params, today, category
        self.payments, self.supported = [], 0

    def pay(self, paid_on, start, method, months, income):
        contribution = contribution_compute(on_date=paid_on, monthly_income=income, method=method, months=months,
                                            support_category=self.category, supported_months_before=self.supported,
                                            params=self.params)
        self.supported += contribution.supported_months
        self.payments.append((paid_on, start, method, contribution))

    def run(self, first_month, method, income):
        this_month = first_of_month(self.today)
        if method == PaymentMethod.LUMP_SUM:
            months = _months_of(method, self.rng)
            paid_on = first_month + timedelta(days=self.rng.randint(0, 25))
            self.pay(min(paid_on, self.today), add_months(first_month, -months), method, months, income)
            start = add_months(first_month, 0)
            method = PaymentMethod.MONTHLY  # after the lump sum they go on paying monthly
        else:
            start = first_month
        first = True
        while start <= this_month:
            months = _months_of(method, self.rng)
            if not first and self.rng.random() < LAPSE_CHANCE:
                break
            # Payments for the current month are made during it: only some have paid by today.
            paid_on = start + timedelta(days=self.rng.randint(0, 27))
            if first:
                paid_on = start + timedelta(days=self.rng.randint(0, 20))
            if paid_on > self.today:
                break
            self.pay(paid_on, start, method, months, income)
            start = add_months(start, months)
            first = False
            if method == PaymentMethod.YEARS_IN_ADVANCE:
                method = PaymentMethod.YEARLY
        return self.payments


def _communes(province, district):
    communes = list(Unit.objects.filter(level=Level.COMMUNE, path__startswith=province.path)
                    .select_related("parent").order_by("code"))
    # The demo district gets a bigger share, so its logins see full lists.
    weights = [6 if c.path.startswith(district.path) else 1 for c in communes]
    return communes, weights


@demo_seeder(order=40)
@transaction.atomic
def seed_register(context):
    province = Unit.objects.get(code_set=CodeSet.CURRENT, level=Level.PROVINCE, code=DEMO_PROVINCE_CODE)
    district = Unit.objects.get(code_set=CodeSet.CURRENT, level=Level.DISTRICT, code=DEMO_DISTRICT_CODE)
    if Participant.objects.filter(commune__path__startswith=province.path).exists():
        return
    rng = random.Random(2026)
    today = timezone.localdate()
    params = ParameterTable()
    communes, weights = _communes(province, district)
    villages = {}
    for village in Unit.objects.filter(level=Level.VILLAGE, path__startswith=province.path).only("pk", "parent_id"):
        villages.setdefault(village.parent_id, []).append(village.pk)
    officers = {}
    for staff in Staff.objects.filter(unit__path__startswith=province.path).select_related("unit"):
        officers.setdefault(staff.unit.path, []).append(staff.pk)
    entered_by = User.objects.filter(role=Role.DISTRICT_STAFF, scope_unit=district).first()
    floor = params("rural_poverty_line", today)
    people, histories = [], []
    start_window = add_months(first_of_month(today), -26)
    for serial in range(PEOPLE):
        sex = rng.choice(["male", "female"])
        birth = date(rng.randint(1962, 2005), rng.randint(1, 12), rng.randint(1, 28))
        commune = rng.choices(communes, weights=weights)[0]
        category = weighted(rng, CATEGORIES)
        method = weighted(rng, METHODS)
        income = floor + 100_000 * rng.choice([0, 0, 0, 0, 2, 5, 10, 15, 25])
        first_month = add_months(start_window, rng.randint(0, 26))
        history = History(rng, params, today, category).run(first_month, method, income)
        if not history:
            continue
        name = f"{rng.choice(FAMILY)} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}"
        people.append(Participant(
            personal_id=personal_id(rng, birth, sex, serial), birth_date=birth, sex=sex, full_name=name,
            **name_search_fields(name),
            phone=f"0{rng.choice('3789')}{rng.randint(10_000_000, 99_999_999)}", commune=commune,
            village_id=rng.choice(villages[commune.pk]) if villages.get(commune.pk) else None,
            target_group=weighted(rng, GROUPS), support_category=category,
            first_paid_on=min(p[0] for p in history),
            paid_through=max(add_months(p[1], p[3].months - 1) for p in history),
            created_by=entered_by if commune.path.startswith(district.path) else None,
        ))
        histories.append(history)
    Participant.objects.bulk_create(people, batch_size=1000)
    payments = []
    for person, history in zip(people, histories):
        office = officers.get(person.commune.parent.path) or officers.get(province.path) or [None]
        for index, (paid_on, start, method, c) in enumerate(sorted(history, key=lambda p: p[0])):
            payments.append(Payment(
                participant_id=person.pk, commune_id=person.commune_id, paid_on=paid_on, period_start=start,
                period_end=add_months(start, c.months - 1), months=c.months, method=method,
                monthly_income=c.monthly_income, gross=c.gross, state_support=c.state_support,
                local_support=c.local_support, net=c.net, supported_months=c.supported_months,
                fund_return=c.fund_return, adjustment=c.adjustment,
                is_first=index == 0, collected_by_staff_id=rng.choice(office),
                mobilised_by_staff_id=rng.choice(office) if index == 0 and rng.random() < 0.7 else None,
            ))
    Payment.objects.bulk_create(payments, batch_size=2000)
    outcomes = _renewal_outcomes(rng, people, today, entered_by)
    members = _households(rng, communes, weights, villages, people, params, today, entered_by)
    context.lines.append(f"register: {len(people):,} participants, {len(payments):,} payments, "
                         f"{outcomes} renewal outcomes, {members} household HI members")


def _renewal_outcomes(rng, people, today, user):
    """Words recorded while chasing: this month's list is being worked, past months' lapses explained."""
    this_month = first_of_month(today)
    rows = []
    for person in people:
        due = add_months(person.paid_through, 1)
        if due == this_month and rng.random() < 0.5:
            outcome = rng.choice([Outcome.PROMISED, Outcome.PROMISED, Outcome.UNREACHABLE, Outcome.DECLINED])
            promised = min(month_end(today), today + timedelta(days=rng.randint(1, 20)))
            rows.append(RenewalOutcome(participant=person, due_month=due, outcome=outcome, recorded_by=user,
                                       promised_on=promised if outcome == Outcome.PROMISED else None,
                                       reason=rng.choice(DECLINE_REASONS) if outcome == Outcome.DECLINED else ""))
        elif due < this_month and rng.random() < 0.6:
            outcome = rng.choice([Outcome.DECLINED, Outcome.DECLINED, Outcome.UNREACHABLE, Outcome.MOVED, Outcome.DIED])
            rows.append(RenewalOutcome(participant=person, due_month=due, outcome=outcome, recorded_by=user,
                                       reason=rng.choice(DECLINE_REASONS) if outcome == Outcome.DECLINED else ""))
    RenewalOutcome.objects.bulk_create(rows, batch_size=1000)
    return len(rows)


def _households(rng, communes, weights, villages, people, params, today, user):
    households, member_rows = [], []
    for _ in range(HOUSEHOLDS):
        commune = rng.choices(communes, weights=weights)[0]
        sex = rng.choice(["male", "female"])
        family = rng.choice(FAMILY)
        households.append(Household(
            head_name=f"{family} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}", commune=commune,
            village_id=rng.choice(villages[commune.pk]) if villages.get(commune.pk) else None,
            address=f"Số {rng.randint(1, 300)}, tổ {rng.randint(1, 12)}", created_by=user,
        ))
        households[-1].family = family
    Household.objects.bulk_create(households, batch_size=500)
    for household in households:
        valid_from = add_months(first_of_month(today), -rng.randint(0, 14))
        months = rng.choice([6, 12, 12, 12])
        valid_to = add_months(valid_from, months) - timedelta(days=1)
        for order in range(1, rng.choice([1, 2, 3, 3, 4, 4, 5, 6]) + 1):
            sex = rng.choice(["male", "female"])
            member_rows.append(HouseholdMember(
                household=household, order=order, valid_from=valid_from, valid_to=valid_to,
                full_name=household.head_name if order == 1 else
                f"{household.family} {rng.choice(MIDDLE[sex])} {rng.choice(GIVEN[sex])}",
                sex=sex, premium=household_monthly_premium(order, valid_from, params) * months,
            ))
    HouseholdMember.objects.bulk_create(member_rows, batch_size=1000)
    return len(member_rows)
