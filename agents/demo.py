"""Demo agents in Đồng Tháp: organisations of every type, points, staff with training and cards,
quotas, two campaigns with results (some naming their new enrollees), and one agent staff member flagged for
contract review."""

import random
import uuid
from datetime import date, timedelta

from django.db import transaction
from django.db.models import Q
from django.utils import timezone

from agents.campaigns.models.campaigns import Campaign, CampaignResult, CampaignType
from agents.campaigns.models.enrollees import EnrolleeKind, ResultEnrollee
from agents.campaigns.services.enrollees import enrollees_link
from agents.organisations.models import (
    AgentNetwork,
    AgentOrganisation,
    CollectionPoint,
    Contract,
    ContractStatus,
    NetworkContract,
    OrganisationType,
)
from agents.performance.services import reviews_flag
from agents.quotas.models import (
    AgentStaffQuota,
    CollectionPointQuota,
    OrganisationQuota,
)
from agents.staff.models import (
    AgentCard,
    AgentStaff,
    TrainingCourse,
    TrainingRecord,
    TrainingResult,
)
from enrollment.demo.seeding import demo_seeder
from enrollment.demo.territory import demo_units, demo_user, person_name
from enrollment.plans.models.plans import Metric
from enrollment.register.models.parameters import ParameterTable
from enrollment.register.models.participants import (
    Participant,
    Payment,
    PaymentMethod,
    name_search_fields,
)
from enrollment.register.services.contributions import contribution_compute
from enrollment.shared.models.users import Role, User
from enrollment.shared.months import add_months, first_of_month
from enrollment.territory.models.units import Level, Unit, fold

FLAGGED_NAME = "Trương Văn Lộc"


def _organisations(province, district, other_district):
    specs = [
        ("Bưu điện tỉnh Đồng Tháp", OrganisationType.VIETNAM_POST, province, "HĐ-BĐ/2024/01"),
        ("Viettel Đồng Tháp", OrganisationType.VIETTEL, province, "HĐ-VT/2025/07"),
        ("UBND xã Chợ Gạo", OrganisationType.COMMUNE_COMMITTEE, district, "HĐ-UB/2025/03"),
        ("Hội Nông dân huyện Chợ Gạo", OrganisationType.FARMERS_UNION, district, "HĐ-ND/2025/05"),
        ("Hội Liên hiệp Phụ nữ thành phố Mỹ Tho", OrganisationType.WOMENS_UNION, other_district, "HĐ-PN/2025/02"),
        ("Hợp tác xã Dịch vụ Tân Thuận", OrganisationType.OTHER, other_district, "HĐ-HTX/2023/11"),
    ]
    organisations = []
    for name, kind, unit, number in specs:
        organisation = AgentOrganisation.objects.create(name=name, organisation_type=kind, unit=unit,
                                                        address=f"{unit.name}", phone="02773" + number[-5:-3] + "1234")
        organisations.append(organisation)
        Contract.objects.create(organisation=organisation, number=number, signed_on=date(2025, 1, 2),
                                valid_from=date(2025, 1, 1), valid_to=date(2027, 12, 31))
    Contract.objects.create(
        organisation=organisations[-1], number="HĐ-HTX/2021/04", signed_on=date(2021, 3, 1), valid_from=date(2021, 3, 1),
        valid_to=date(2023, 12, 31), status=ContractStatus.TERMINATED, terminated_on=date(2023, 6, 30),
        termination_reason="Không đạt chỉ tiêu phát triển người tham gia 3 quý liên tiếp.",
    )
    return organisations


def _points(organisations, district, other_district, rng):
    home = list(district.children.filter(level=Level.COMMUNE).order_by("code"))
    city = list(other_district.children.filter(level=Level.COMMUNE).order_by("code"))
    elsewhere = list(Unit.objects.filter(level=Level.COMMUNE, parent__parent=district.parent)
                     .exclude(parent__in=[district, other_district]).order_by("code")[:6])
    post, viettel, committee, farmers, women, other = organisations
    plan = [(post, c) for c in home + city[:2] + elsewhere] + [(viettel, c) for c in home[:3] + city[:2]]
    plan += [(committee, home[0]), (farmers, home[1]), (farmers, home[2]), (women, city[0]), (other, city[1])]
    points = []
    for organisation, commune in plan:
        prefix = {OrganisationType.VIETNAM_POST: "Điểm bưu điện văn hóa xã", OrganisationType.VIETTEL: "Cửa hàng Viettel"}
        label = prefix.get(organisation.organisation_type, "Điểm thu")
        point = CollectionPoint.objects.create(organisation=organisation, unit=commune,
                                               name=f"{label} {commune.name.split(' ', 1)[1]}",
                                               address=f"{commune.name}, {commune.parent.name}")
        siblings = [c for c in commune.parent.children.all() if c.pk != commune.pk]
        point.communes.set([commune] + rng.sample(siblings, k=min(1, len(siblings))))
        points.append(point)
    return points


def _staff(points, rng, daily_user):
    staff = []
    for index, point in enumerate(points):
        for _ in range(2 if index % 3 else 3):
            staff.append(AgentStaff(
                full_name=person_name(rng), point=point, phone=f"09{rng.randint(10_000_000, 99_999_999)}",
                personal_id=f"0821{rng.randint(10_000_000, 99_999_999)}", sex=rng.choice("MF"),
                joined_on=date(2025, rng.randint(1, 6), 1),
            ))
    staff[0].full_name, staff[0].user = daily_user.full_name.split(" (")[0], daily_user
    staff[3].full_name = FLAGGED_NAME
    for member in staff:
        member.search_name = fold(member.full_name)
    return AgentStaff.objects.bulk_create(staff)


def _training(province, staff, rng):
    courses = [
        TrainingCourse.objects.create(name=f"Tập huấn nhân viên đại lý thu đợt {n} năm 2025", unit=province,
                                      starts_on=date(2025, month, 10), ends_on=date(2025, month, 12))
        for n, month in ((1, 3), (2, 6), (3, 9))
    ]
    records, cards = [], []
    for index, member in enumerate(staff):
        if index % 7 == 6:
            continue  # not trained yet
        course = courses[index % 3]
        result = TrainingResult.FAILED if index % 11 == 10 else TrainingResult.PASSED
        records.append(TrainingRecord(course=course, staff=member, class_name=f"Lớp {index % 4 + 1}",
                                      trained_on=course.starts_on + timedelta(days=index % 3), result=result))
        if result == TrainingResult.PASSED and index % 5 != 4:
            issued = course.ends_on + timedelta(days=20)
            cards.append(AgentCard(staff=member, number=f"ĐL82-{2025}-{index + 1:04d}", issued_on=issued,
                                   expires_on=date(issued.year + 3, issued.month, 1)))
    TrainingRecord.objects.bulk_create(records)
    AgentCard.objects.bulk_create(cards)


def _quotas(organisations, points, staff, year):
    def monthly(model, field, owners, target):
        model.objects.bulk_create([model(**{field: owner}, year=year, month=m, metric=Metric.SI_NEW, target=target,
                                         note="Giao theo Kế hoạch số 12/KH-BHXH")
                                   for owner in owners for m in range(1, 13)], ignore_conflicts=True)
    monthly(AgentStaffQuota, "agent", staff, 3)
    monthly(CollectionPointQuota, "point", points, 7)
    monthly(OrganisationQuota, "organisation", organisations, 40)


def _routine_results(staff, today, rng):
    """Door-to-door work over the last four months: everybody above half their quota but one."""
    results = []
    for member in staff:
        communes = list(member.point.communes.all()) or [member.point.unit]
        for back in range(4, -1, -1):
            month = add_months(first_of_month(today), -back)
            if member.full_name == FLAGGED_NAME:
                new_per_month = [rng.choice([0, 1])]
            else:
                new_per_month = [rng.randint(1, 3), rng.randint(1, 2)]
            for visit, new in enumerate(new_per_month):
                day = month + timedelta(days=3 + 9 * visit + rng.randint(0, 4))
                if day > today:
                    continue
                results.append(CampaignResult(
                    agent=member, day=day, commune=rng.choice(communes), households_visited=rng.randint(8, 25),
                    people_consulted=rng.randint(10, 40), new_si=new, new_hi=rng.randint(0, 2),
                    idempotency_key=uuid.uuid4(),
                ))
    return results


def _campaigns(province, district, staff, today, rng, creator):
    # The 15th of last month: a weekday-like date on which the register's demo has payments.
    mobilisation_day = add_months(first_of_month(today), -1) + timedelta(days=14)
    ra_quan = Campaign.objects.create(
        name="Ngày ra quân vận động BHXH tự nguyện, BHYT hộ gia đình", campaign_type=CampaignType.MOBILISATION_DAY,
        starts_on=mobilisation_day, ends_on=mobilisation_day, unit=province, target_si=150, target_hi=200,
        description="Toàn tỉnh ra quân đồng loạt, mỗi nhân viên đại lý thu vận động ít nhất 2 người.",
        created_by=creator,
    )
    ra_quan.agents.set(staff)
    golden_week = Campaign.objects.create(
        name="Tuần lễ vàng: đến tận ngõ, gõ tận nhà", campaign_type=CampaignType.GOLDEN_WEEK,
        starts_on=today - timedelta(days=5), ends_on=today + timedelta(days=2), unit=district, target_si=60,
        target_hi=80, created_by=creator,
    )
    in_district = [m for m in staff if m.point.unit.parent_id == district.pk]
    golden_week.agents.set(in_district)
    results = []
    for member in staff:
        communes = list(member.point.communes.all()) or [member.point.unit]
        results.append(CampaignResult(
            campaign=ra_quan, agent=member, day=mobilisation_day, commune=communes[0],
            households_visited=rng.randint(15, 40), people_consulted=rng.randint(20, 60),
            attendees=rng.randint(0, 30), new_si=0 if member.full_name == FLAGGED_NAME else rng.randint(1, 4), new_hi=rng.randint(1, 5),
            idempotency_key=uuid.uuid4(), notes="Phối hợp trưởng ấp, loa phát thanh",
        ))
    for member in in_district:
        for back in range(5, 0, -1):
            results.append(CampaignResult(
                campaign=golden_week, agent=member, day=today - timedelta(days=back),
                commune=rng.choice(list(member.point.communes.all()) or [member.point.unit]),
                households_visited=rng.randint(10, 30), people_consulted=rng.randint(10, 35),
                new_si=0 if member.full_name == FLAGGED_NAME else rng.randint(0, 2), new_hi=rng.randint(0, 3),
                idempotency_key=uuid.uuid4(),
            ))
    return ra_quan, golden_week, results


@demo_seeder(order=95)
@transaction.atomic
def seed_agent_payment_links(context):
    """After the register's demo: some of its payments in the points' communes become the agents' work —
    first payments they mobilised (in a campaign when paid during one they took part in) and renewals
    they collected. Runs before the progress snapshots (order 900) so that those see the agents."""
    province, _district = demo_units()
    payments = Payment.objects.filter(commune__path__startswith=province.path)
    if payments.filter(Q(mobilised_by_agent__isnull=False) | Q(collected_by_agent__isnull=False)).exists():
        return
    points = list(CollectionPoint.objects.filter(unit__path__startswith=province.path).prefetch_related("communes"))
    rng = random.Random(95)
    staff_by_commune = {}
    for point in points:
        members = list(point.staff.exclude(full_name=FLAGGED_NAME))
        for commune in point.communes.all():
            staff_by_commune.setdefault(commune.pk, []).extend(members)
    since = date(timezone.localdate().year - 1, 1, 1)
    campaigns = [(c, set(c.agents.values_list("pk", flat=True)))
                 for c in Campaign.objects.filter(unit__path__startswith=province.path)]
    first = list(payments.filter(is_first=True, commune_id__in=staff_by_commune, paid_on__gte=since))
    for payment in first:
        if rng.random() < 0.55:
            agent = rng.choice(staff_by_commune[payment.commune_id])
            payment.mobilised_by_agent, payment.mobilised_by_staff = agent, None
            payment.campaign = next((c for c, members in campaigns
                                     if agent.pk in members and c.starts_on <= payment.paid_on <= c.ends_on), None)
    Payment.objects.bulk_update(first, ["mobilised_by_agent", "mobilised_by_staff", "campaign"], batch_size=1000)
    renewals = list(payments.filter(is_first=False, commune_id__in=staff_by_commune, paid_on__gte=since))
    for payment in renewals:
        if rng.random() < 0.4:
            payment.collected_by_agent = rng.choice(staff_by_commune[payment.commune_id])
            payment.collected_by_staff = None
    Payment.objects.bulk_update(renewals, ["collected_by_agent", "collected_by_staff"], batch_size=1000)
    context.lines.append(
        f"agents: register payments credited to agents: "
        f"{sum(1 for p in first if p.mobilised_by_agent_id)} first payments, "
        f"{sum(1 for p in renewals if p.collected_by_agent_id)} renewals"
    )


@demo_seeder(order=60)
@transaction.atomic
def seed_agents(context):
    province, district = demo_units()
    daily = demo_user("daily", Role.AGENT_STAFF, district.children.order_by("code").first(),
                      "Nguyễn Thị Mai (đại lý thu, Xã Chợ Gạo)")
    if AgentOrganisation.objects.filter(unit__path__startswith=province.path).exists():
        return
    rng = random.Random(5)
    today = timezone.localdate()
    other_district = province.children.get(code="815")
    organisations = _organisations(province, district, other_district)
    points = _points(organisations, district, other_district, rng)
    staff = _staff(points, rng, daily)
    staff = list(AgentStaff.objects.filter(pk__in=[m.pk for m in staff]).select_related("point__unit"))
    _training(province, staff, rng)
    _quotas(organisations, points, staff, today.year)
    if today.month <= 4:
        _quotas(organisations, points, staff, today.year - 1)
    results = _routine_results(staff, today, rng)
    creator = User.objects.filter(username="tinh82").first()
    _ra_quan, _golden_week, campaign_results = _campaigns(province, district, staff, today, rng, creator)
    CampaignResult.objects.bulk_create(results + campaign_results)
    viettel_member = next(m for m in staff if m.point.organisation.organisation_type == OrganisationType.VIETTEL)
    viettel_user = demo_user("viettel", Role.AGENT_STAFF, viettel_member.point.unit,
                             f"{viettel_member.full_name} (Viettel Đồng Tháp)")
    AgentStaff.objects.filter(pk=viettel_member.pk).update(user=viettel_user)
    flagged = reviews_flag(today=today, agents=AgentStaff.objects.filter(point__unit__path__startswith=province.path))
    context.logins.append(("viettel", viettel_user.get_role_display(), f"{viettel_member.point.name}"))
    context.lines.append(
        f"agents: organisations={len(organisations)} points={len(points)} staff={len(staff)} "
        f"results={len(results) + len(campaign_results)} flagged={flagged.count()}"
    )


HANOI_NEW_PER_MONTH = 5


@demo_seeder(order=61)
@transaction.atomic
def seed_national_network(context):
    """Bưu điện Việt Nam, a national network: a national contract, the provincial post office of Đồng Tháp as its
    Đồng Tháp branch (monthly quotas), and a Hà Nội branch with its own points, staff, a whole-year quota and
    first payments credited to its staff this year, so that the network's page ranks both branches and shows the
    two shares of quota apart."""
    province, _district = demo_units()
    if AgentNetwork.objects.filter(name="Bưu điện Việt Nam").exists():
        return
    dong_thap = AgentOrganisation.objects.filter(unit=province, organisation_type=OrganisationType.VIETNAM_POST).first()
    if dong_thap is None:
        return
    today = timezone.localdate()
    network = AgentNetwork.objects.create(name="Bưu điện Việt Nam", code="VNPOST",
                                          organisation_type=OrganisationType.VIETNAM_POST)
    NetworkContract.objects.create(network=network, number="01/2025/HĐ-BHXHVN-VNPOST", signed_on=date(2024, 12, 20),
                                   valid_from=date(2025, 1, 1), valid_to=date(2027, 12, 31))
    AgentOrganisation.objects.filter(pk=dong_thap.pk).update(network=network, code="VNPOST-82")
    hanoi = Unit.objects.get(code_set=dong_thap.unit.code_set, level=Level.PROVINCE, code="01")
    branch = AgentOrganisation.objects.create(name="Bưu điện Thành phố Hà Nội", code="VNPOST-01", unit=hanoi,
                                              network=network, organisation_type=OrganisationType.VIETNAM_POST,
                                              address="75 Đinh Tiên Hoàng, Hoàn Kiếm, Hà Nội")
    rng = random.Random(61)
    staff = []
    communes = Unit.objects.filter(code_set=hanoi.code_set, level=Level.COMMUNE, path__startswith=hanoi.path)
    for commune in communes.order_by("code")[:3]:
        point = CollectionPoint.objects.create(organisation=branch, unit=commune, name=f"Bưu cục {commune.name}",
                                               address=f"{commune.name}, Hà Nội")
        point.communes.set([commune])
        names = [person_name(rng) for _ in range(2)]
        staff += AgentStaff.objects.bulk_create([AgentStaff(
            full_name=name, search_name=fold(name), point=point, phone=f"09{rng.randint(10_000_000, 99_999_999)}",
            personal_id=f"0011{rng.randint(10_000_000, 99_999_999)}", sex=rng.choice("MF"),
            joined_on=date(2025, 1, 1)) for name in names])
    OrganisationQuota.objects.create(organisation=branch, year=today.year, month=None, metric=Metric.SI_NEW,
                                     target=360, note="Giao theo hợp đồng toàn quốc 01/2025")
    AgentStaffQuota.objects.bulk_create([AgentStaffQuota(agent=m, year=today.year, month=None, metric=Metric.SI_NEW,
                                                         target=60) for m in staff])
    enrolled = _network_enrollments(staff, today, rng)
    context.lines.append(f"agents: national network {network.name}: 2 branches (Đồng Tháp, Hà Nội), "
                         f"{len(staff)} staff and {enrolled} new participants in Hà Nội")


def _network_enrollments(staff, today, rng):
    """First payments in Hà Nội this year, a few a month, each mobilised and collected by the branch's staff."""
    params = ParameterTable()
    people, payments, serial = [], [], 0
    for month in range(1, today.month + 1):
        for _ in range(HANOI_NEW_PER_MONTH):
            paid_on = min(date(today.year, month, rng.randint(1, 28)), today)
            member = rng.choice(staff)
            name = person_name(rng)
            people.append(Participant(
                personal_id=f"001{serial % 2}{85 + serial % 10:02d}{900_000 + serial:06d}",
                birth_date=date(1985 + serial % 10, 1 + serial % 12, 10), sex="female" if serial % 2 else "male",
                full_name=name, **name_search_fields(name), commune_id=member.point.unit_id,
                first_paid_on=paid_on, paid_through=first_of_month(paid_on)))
            payments.append((paid_on, member))
            serial += 1
    Participant.objects.bulk_create(people)
    rows = []
    for person, (paid_on, member) in zip(people, payments):
        c = contribution_compute(on_date=paid_on, monthly_income=params("rural_poverty_line", paid_on),
                                 method=PaymentMethod.MONTHLY, support_category="other", params=params)
        rows.append(Payment(
            participant=person, commune_id=person.commune_id, paid_on=paid_on, period_start=first_of_month(paid_on),
            period_end=first_of_month(paid_on), months=1, method=PaymentMethod.MONTHLY,
            monthly_income=c.monthly_income, gross=c.gross, state_support=c.state_support,
            local_support=c.local_support, net=c.net, supported_months=c.supported_months,
            fund_return=c.fund_return, adjustment=c.adjustment, is_first=True,
            collected_by_agent=member, mobilised_by_agent=member))
    Payment.objects.bulk_create(rows)
    return len(rows)


@demo_seeder(order=96)
@transaction.atomic
def seed_named_enrollees(context):
    """Agents name some of their campaign enrollees: people the register has since seen pay (linked), people
    not in it yet, and household HI members, so the campaign pages show both."""
    province, _district = demo_units()
    results = list(CampaignResult.objects.filter(commune__path__startswith=province.path, campaign__isnull=False)
                   .order_by("day", "pk"))
    if not results or ResultEnrollee.objects.filter(result__in=results).exists():
        return
    rng = random.Random(96)
    paid = {}
    for payment in (Payment.objects.filter(is_first=True, commune__in={r.commune_id for r in results},
                                           paid_on__gte=min(r.day for r in results) - timedelta(days=3))
                    .select_related("participant").order_by("paid_on", "pk")):
        paid.setdefault(payment.commune_id, []).append(payment)
    enrollees, serial, used = [], iter(range(1, 10**6)), set()
    for result in results:
        # People of the commune who paid in the weeks after the report, mobilised by this agent or by no agent:
        # the register knows them, and naming them credits the agent.
        people = [p for p in paid.get(result.commune_id, []) if p.pk not in used
                  and p.mobilised_by_agent_id in (None, result.agent_id)
                  and result.day - timedelta(days=3) <= p.paid_on <= result.day + timedelta(days=30)]
        slots = result.new_si
        for payment in people[:slots]:
            if rng.random() < 0.7:
                used.add(payment.pk)
                enrollees.append(_named(result, EnrolleeKind.VOLUNTARY_SI, payment.participant.full_name,
                                        payment.participant.personal_id))
                slots -= 1
        if slots and rng.random() < 0.2:
            enrollees.append(_named(result, EnrolleeKind.VOLUNTARY_SI, person_name(rng), _unregistered_id(next(serial))))
        if result.new_hi and rng.random() < 0.2:
            enrollees.append(_named(result, EnrolleeKind.HOUSEHOLD_HI, person_name(rng), _unregistered_id(next(serial))))
    ResultEnrollee.objects.bulk_create(enrollees)
    enrollees_link()
    linked = ResultEnrollee.objects.filter(result__in=results, participant__isnull=False).count()
    context.lines.append(f"agents: named enrollees={len(enrollees)} in the register={linked}")


def _named(result, kind, full_name, personal_id):
    return ResultEnrollee(result=result, kind=kind, full_name=full_name, personal_id=personal_id,
                          phone=f"09{(int(personal_id[-8:]) * 7919) % 10**8:08d}")


def _unregistered_id(n):
    # Born 1979, registered in a province code no demo participant uses: never in the demo register.
    return f"0890{79:02d}{n:06d}"
