"""The demo province: Đồng Tháp with its grassroots offices, villages, labour force, officers and logins."""

import random

from django.db import transaction

from enrollment.demo.seeding import (
    DEMO_DISTRICT_CODE,
    DEMO_PASSWORD,
    DEMO_PROVINCE_CODE,
    demo_seeder,
)
from enrollment.shared.models.users import Role, User
from enrollment.territory.models.officers import Position, Staff
from enrollment.territory.models.units import (
    CodeSet,
    LabourForce,
    Level,
    Unit,
    UnitType,
)
from enrollment.territory.services.loading import units_load
from enrollment.territory.services.units import next_village_code

FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Đặng", "Bùi", "Đỗ", "Ngô"]
MIDDLE = ["Văn", "Thị", "Minh", "Thanh", "Ngọc", "Hoàng", "Quốc", "Thu"]
GIVEN = ["An", "Bình", "Cường", "Dung", "Hạnh", "Hùng", "Lan", "Long", "Mai", "Nam", "Phúc", "Quân", "Tâm", "Thảo",
         "Trí", "Tuấn", "Vy", "Yến"]
HAMLET_NAMES = ["Bình Thạnh", "Bình Thới", "Hòa Bình", "Long Hưng", "Mỹ Lợi", "Phú Hòa", "Tân Thuận", "Thạnh Phú"]


def person_name(rng):
    return f"{rng.choice(FAMILY)} {rng.choice(MIDDLE)} {rng.choice(GIVEN)}"


def demo_units():
    province = Unit.objects.get(code_set=CodeSet.CURRENT, level=Level.PROVINCE, code=DEMO_PROVINCE_CODE)
    district = Unit.objects.get(code_set=CodeSet.CURRENT, level=Level.DISTRICT, code=DEMO_DISTRICT_CODE)
    return province, district


def _villages(province, rng):
    communes = Unit.objects.filter(level=Level.COMMUNE, path__startswith=province.path)
    for commune in communes:
        if commune.children.exists():
            continue
        count = rng.randint(4, 8)
        urban = commune.unit_type == UnitType.WARD
        for n, hamlet in enumerate(rng.sample(HAMLET_NAMES, k=min(count, len(HAMLET_NAMES))), start=1):
            name = f"Khu phố {n}" if urban else f"Ấp {hamlet}"
            Unit.objects.create(
                code_set=commune.code_set, level=Level.VILLAGE, parent=commune, name=name,
                unit_type=UnitType.RESIDENTIAL_GROUP if urban else UnitType.HAMLET, code=next_village_code(commune),
            )


def _labour_force(province, rng):
    units = Unit.objects.filter(path__startswith=province.path, level__lte=Level.COMMUNE)
    communes = [u for u in units if u.level == Level.COMMUNE]
    by_commune = {c.pk: rng.randint(6_000, 22_000) for c in communes}
    for year, growth in ((2025, 1.0), (2026, 1.012)):
        totals = {}
        for commune in communes:
            value = int(by_commune[commune.pk] * growth)
            for prefix in (commune.path, commune.parent.path, province.path):
                totals[prefix] = totals.get(prefix, 0) + value
        for unit in units:
            LabourForce.objects.update_or_create(
                unit=unit, year=year,
                defaults={"labour_force": totals.get(unit.path, 0), "source": "Cục Thống kê tỉnh (số liệu mẫu)"},
            )


def _officers(province, rng):
    if Staff.objects.filter(unit__path__startswith=province.path).exists():
        return
    offices = [province] + list(province.children.all())
    for office in offices:
        Staff.objects.create(full_name=person_name(rng), unit=office, position=Position.DIRECTOR,
                             phone=f"09{rng.randint(10_000_000, 99_999_999)}")
        for _ in range(rng.randint(4, 9) if office.level == Level.DISTRICT else 12):
            Staff.objects.create(full_name=person_name(rng), unit=office,
                                 position=rng.choice([Position.OFFICER, Position.COLLECTION_OFFICER,
                                                      Position.COMMUNICATION_OFFICER]),
                                 phone=f"09{rng.randint(10_000_000, 99_999_999)}")


def demo_user(username, role, scope_unit, full_name, **extra):
    user, _created = User.objects.update_or_create(
        username=username, defaults={"role": role, "scope_unit": scope_unit, "full_name": full_name, **extra}
    )
    user.set_password(DEMO_PASSWORD)
    user.save()
    return user


@demo_seeder(order=10)
@transaction.atomic
def seed_territory(context):
    rng = random.Random(82)
    units_load(code_set=CodeSet.CURRENT)
    province, district = demo_units()
    commune = district.children.order_by("code").first()
    _villages(province, rng)
    _labour_force(province, rng)
    _officers(province, rng)
    other_province = Unit.objects.get(code_set=CodeSet.CURRENT, level=Level.PROVINCE, code="01")
    users = [
        demo_user("admin", Role.NATIONAL_ADMIN, None, "Quản trị BHXH Việt Nam", is_staff=True, is_superuser=True),
        demo_user("tinh82", Role.PROVINCIAL_MANAGER, province, "Lê Thị Hồng (BHXH tỉnh Đồng Tháp)"),
        demo_user("chogao", Role.DISTRICT_STAFF, district, "Trần Văn Nam (BHXH cơ sở Chợ Gạo)"),
        demo_user("daily", Role.AGENT_STAFF, commune, f"Nguyễn Thị Mai (đại lý thu, {commune.name})"),
        demo_user("xem", Role.VIEWER, district, "Phạm Quốc Hùng (UBND huyện Chợ Gạo)"),
        demo_user("tinh01", Role.PROVINCIAL_MANAGER, other_province, "Đỗ Minh Quân (BHXH Thành phố Hà Nội)"),
    ]
    for user in users:
        context.logins.append((user.username, user.get_role_display(), user.scope_unit.name if user.scope_unit else "—"))
