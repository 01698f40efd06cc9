"""A synthetic national register for benchmarks: participants, payment histories, households.

Everything goes in with COPY (psycopg2 copy_expert), chunk by chunk, with ids assigned here so
that payments can point at their participants without reading them back. Synthetic people have
personal IDs starting with "99", so `national_dataset_delete` removes exactly them.
"""

import datetime
import io
import random
from dataclasses import dataclass

from django.db import connection, transaction
from django.utils import timezone

from enrollment.plans.models.plans import Plan, PlanStatus, PlanVersion
from enrollment.plans.phasing import SEASONAL_SHARES, cumulative_from_shares
from enrollment.register.models.households import Household, HouseholdMember
from enrollment.register.models.participants import Participant, Payment, TargetGroup, name_search_fields
from enrollment.shared.months import add_months, first_of_month
from enrollment.territory.models.units import CodeSet, LabourForce, Level, Unit
from enrollment.territory.services.loading import units_load

SYNTHETIC_PREFIX = "99"
CHUNK = 50_000
# (method, months, weight): most pay monthly or quarterly, few a year or more ahead.
METHODS = (("monthly", 1, 30), ("quarterly", 3, 30), ("half_yearly", 6, 20), ("yearly", 12, 15),
           ("years_in_advance", 24, 5))
RENEW_PROBABILITY = 0.9
# New participants per month: strong January, Tết dip, year-end sprint.
MONTH_WEIGHTS = SEASONAL_SHARES


@dataclass
class DatasetSummary:
    provinces: int = 0
    communes: int = 0
    participants: int = 0
    payments: int = 0
    household_members: int = 0

    def line(self):
        return (f"{self.provinces} provinces, {self.communes} communes, {self.participants:,} participants, "
                f"{self.payments:,} payments, {self.household_members:,} household members")


def _copy(model, columns, rows):
    buffer = io.StringIO()
    for row in rows:
        buffer.write("\t".join(r"\N" if v is None else (v.isoformat() if hasattr(v, "isoformat") else str(v))
                               for v in row))
        buffer.write("\n")
    buffer.seek(0)
    with connection.cursor() as cursor:
        quoted = ", ".join(connection.ops.quote_name(c) for c in columns)
        cursor.cursor.copy_expert(f"COPY {model._meta.db_table} ({quoted}) FROM STDIN", buffer)


def _next_id(model):
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT COALESCE(MAX(id), 0) + 1 FROM {model._meta.db_table}")
        return cursor.fetchone()[0]


def _reset_sequence(model):
    table = model._meta.db_table
    with connection.cursor() as cursor:
        cursor.execute(f"SELECT setval(pg_get_serial_sequence('{table}', 'id'), (SELECT MAX(id) FROM {table}))")


def _start_month(rng, today):
    """A first month over the last three years, weighted by the seasonal pattern."""
    year = rng.choice((today.year - 2, today.year - 1, today.year - 1, today.year, today.year))
    months = range(1, 13 if year < today.year else today.month + 1)
    month = rng.choices(list(months), weights=[MONTH_WEIGHTS[m - 1] for m in months])[0]
    return datetime.date(year, month, 1)


def _history(rng, today):
    """[(paid_on, period_start, months, method)] of one participant, oldest first."""
    method, months, _weight = rng.choices(METHODS, weights=[m[2] for m in METHODS])[0]
    start = _start_month(rng, today)
    payments = []
    current_month = first_of_month(today)
    while start <= current_month:
        paid_on = start + datetime.timedelta(days=rng.randint(0, 20))
        if paid_on > today:
            break
        payments.append((paid_on, start, months, method))
        start = add_months(start, months)
        if rng.random() > RENEW_PROBABILITY:
            break
    return payments


def _participant_rows(rng, communes, count, first_id, today, now):
    groups = TargetGroup.values
    people, payments = [], []
    payment_id = _next_id(Payment)
    for offset in range(count):
        pk = first_id + offset
        commune_id = rng.choice(communes)
        history = _history(rng, today)
        if not history:
            continue
        income = rng.choice((1_500_000, 2_000_000, 2_500_000, 3_000_000, 5_000_000))
        last = history[-1]
        name = f"Người tham gia {pk}"
        people.append((
            pk, f"{SYNTHETIC_PREFIX}{pk:010d}", name, datetime.date(1970 + pk % 35, 1 + pk % 12, 1),
            "female" if pk % 2 else "male", "", "", commune_id, None, rng.choice(groups), "other",
            history[0][0], add_months(last[1], last[2] - 1), now, *name_search_fields(name).values(),
        ))
        for index, (paid_on, start, months, method) in enumerate(history):
            gross = income * 22 // 100 * months
            support = 330_000 * 20 // 100 * months
            payments.append((
                payment_id, pk, commune_id, paid_on, start, add_months(start, months - 1), months, method, income,
                gross, support, 0, gross - support, months, 0, index == 0, now,
            ))
            payment_id += 1
    return people, payments


PARTICIPANT_COLUMNS = ("id", "personal_id", "full_name", "birth_date", "sex", "si_number", "phone", "commune_id",
                       "village_id", "target_group", "support_category", "first_paid_on", "paid_through", "created_at",
                       "search_name", "masked_search_name")
PAYMENT_COLUMNS = ("id", "participant_id", "commune_id", "paid_on", "period_start", "period_end", "months", "method",
                   "monthly_income", "gross", "state_support", "local_support", "net", "supported_months", "adjustment",
                   "is_first", "created_at")


def _households(rng, communes, members_wanted, today, now):
    household_id, member_id = _next_id(Household), _next_id(HouseholdMember)
    households, members = [], []
    while len(members) < members_wanted:
        commune_id = rng.choice(communes)
        households.append((household_id, f"Chủ hộ {household_id}", commune_id, None, "", now))
        valid_from = _start_month(rng, today)
        valid_to = add_months(valid_from, 12) - datetime.timedelta(days=1)
        for order in range(1, rng.randint(1, 5) + 1):
            members.append((member_id, household_id, None, f"Thành viên {member_id}", "", None, "", order, valid_from,
                            valid_to, 1_263_600))
            member_id += 1
        household_id += 1
    return households, members


def _labour_force_and_plans(provinces, communes_by_province, years, rng):
    LabourForce.objects.filter(unit_id__in=provinces, year__in=years).delete()
    rows = []
    for province_id in provinces:
        total = 0
        for commune_id in communes_by_province[province_id]:
            value = rng.randint(4_000, 20_000)
            total += value
            rows += [LabourForce(unit_id=commune_id, year=y, labour_force=value) for y in years]
        rows += [LabourForce(unit_id=province_id, year=y, labour_force=total) for y in years]
    LabourForce.objects.bulk_create(rows, batch_size=5000, ignore_conflicts=True)
    year = max(years)
    for province_id in provinces:
        for metric, target in (("si_participants", 70_000), ("si_new", 25_000)):
            plan, _ = Plan.objects.get_or_create(unit_id=province_id, year=year, metric=metric)
            if not plan.versions.exists():
                PlanVersion.objects.create(plan=plan, seq=1, kind="initial", target=target, status=PlanStatus.APPROVED,
                                           monthly_targets=cumulative_from_shares(SEASONAL_SHARES, target),
                                           approved_at=timezone.now())


def national_dataset_generate(*, participants=2_500_000, provinces=34, household_members=None, seed=2026,
                              today=None, progress=None):
    if connection.vendor != "postgresql":
        raise RuntimeError("the national dataset is written with COPY: PostgreSQL only")
    rng = random.Random(seed)
    today = today or timezone.localdate()
    now = timezone.now()
    say = progress or (lambda text: None)
    if not Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.PROVINCE).exists():
        say("loading units")
        units_load(code_set=CodeSet.CURRENT)
    province_ids = list(Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.PROVINCE)
                        .order_by("code").values_list("pk", flat=True)[:provinces])
    by_code = {}
    for pk, path in Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.COMMUNE).values_list("pk", "path"):
        by_code.setdefault(path.split("/")[1], []).append(pk)
    codes = dict(Unit.objects.filter(pk__in=province_ids).values_list("code", "pk"))
    communes_by_province = {codes[code]: ids for code, ids in by_code.items() if code in codes}
    communes = [c for ids in communes_by_province.values() for c in ids]
    summary = DatasetSummary(provinces=len(province_ids), communes=len(communes))

    with transaction.atomic():
        _labour_force_and_plans(province_ids, communes_by_province, (today.year - 1, today.year), rng)
    first_id = _next_id(Participant)
    for start in range(0, participants, CHUNK):
        count = min(CHUNK, participants - start)
        with transaction.atomic():
            people, payments = _participant_rows(rng, communes, count, first_id + start, today, now)
            _copy(Participant, PARTICIPANT_COLUMNS, people)
            _copy(Payment, PAYMENT_COLUMNS, payments)
        summary.participants += len(people)
        summary.payments += len(payments)
        say(f"{start + count:,} / {participants:,} participants")
    members_wanted = participants // 4 if household_members is None else household_members
    with transaction.atomic():
        households, members = _households(rng, communes, members_wanted, today, now)
        _copy(Household, ("id", "head_name", "commune_id", "village_id", "address", "created_at"), households)
        _copy(HouseholdMember, ("id", "household_id", "participant_id", "full_name", "personal_id", "birth_date",
                                "sex", "order", "valid_from", "valid_to", "premium"), members)
    summary.household_members = len(members)
    for model in (Participant, Payment, Household, HouseholdMember):
        _reset_sequence(model)
    with connection.cursor() as cursor:
        cursor.execute(f"ANALYZE {Participant._meta.db_table}, {Payment._meta.db_table}, "
                       f"{HouseholdMember._meta.db_table}, {Household._meta.db_table}, {Unit._meta.db_table}")
    return summary


def national_dataset_delete():
    """Remove the synthetic participants (and their payments) and the synthetic households."""
    with transaction.atomic(), connection.cursor() as cursor:
        participants = Participant._meta.db_table
        cursor.execute(f"DELETE FROM {Payment._meta.db_table} WHERE participant_id IN "
                       f"(SELECT id FROM {participants} WHERE personal_id LIKE %s)", [f"{SYNTHETIC_PREFIX}%"])
        cursor.execute(f"DELETE FROM {participants} WHERE personal_id LIKE %s", [f"{SYNTHETIC_PREFIX}%"])
        cursor.execute(f"DELETE FROM {HouseholdMember._meta.db_table} WHERE household_id IN "
                       f"(SELECT id FROM {Household._meta.db_table} WHERE head_name LIKE %s)", ["Chủ hộ %"])
        cursor.execute(f"DELETE FROM {Household._meta.db_table} WHERE head_name LIKE %s", ["Chủ hộ %"])
