"""Load official administrative units from the offline `vietnam-provinces` package.

The 2025 set has no district level. Social Security keeps one (grassroots offices, each
serving several communes), so each new commune is placed under the legacy district most of
its old wards came from. A re-run never moves a commune a manager has placed elsewhere.
"""

from collections import Counter
from dataclasses import dataclass

import vietnam_provinces as vp
from django.db import connection, transaction
from django.db.models import Count
from vietnam_provinces import legacy
from vietnam_provinces._ward_conversion_2025 import NEW_TO_OLD

from enrollment.territory.models.units import CodeSet, Level, Unit, UnitType, fold

# Resolution 202/2025/QH15 keeps six centrally-run cities; the package types three more
# provinces (Quảng Ninh, Bắc Ninh, Đồng Nai) as cities.
CENTRAL_CITY_CODES_2025 = {1, 31, 46, 48, 79, 92}

TYPE_MAP = {
    "tỉnh": UnitType.PROVINCE,
    "thành phố trung ương": UnitType.CENTRAL_CITY,
    "huyện": UnitType.RURAL_DISTRICT,
    "quận": UnitType.URBAN_DISTRICT,
    "thị xã": UnitType.TOWN,
    "thành phố": UnitType.PROVINCIAL_CITY,
    "xã": UnitType.RURAL_COMMUNE,
    "phường": UnitType.WARD,
    "thị trấn": UnitType.TOWNSHIP,
    "đặc khu": UnitType.SPECIAL_ZONE,
}


@dataclass(frozen=True)
class UnitRow:
    level: int
    code: str
    name: str
    unit_type: str
    parent_code: str | None


@dataclass
class LoadSummary:
    code_set: str
    created: int = 0
    updated: int = 0
    provinces: int = 0
    districts: int = 0
    communes: int = 0
    villages: int = 0

    def line(self):
        return (
            f"units: provinces={self.provinces} districts={self.districts} "
            f"communes={self.communes} villages={self.villages}"
        )


def province_code(code):
    return f"{int(code):02d}"


def district_code(code):
    return f"{int(code):03d}"


def commune_code(code):
    return f"{int(code):05d}"


def strip_type_prefix(name, division_type):
    prefix = str(division_type).capitalize() + " "
    rest = name[len(prefix):] if name.startswith(prefix) else name
    return name if rest.isdigit() else rest


def _current_province_rows():
    for province in vp.Province.iter_all():
        code = province.code.value
        name = province.name
        if code in CENTRAL_CITY_CODES_2025:
            unit_type = UnitType.CENTRAL_CITY
        else:
            unit_type = UnitType.PROVINCE
            name = name.replace("Thành phố ", "Tỉnh ", 1)
        yield UnitRow(Level.PROVINCE, province_code(code), name, unit_type, None)


def _legacy_district_of(ward):
    """The legacy district most of the commune's old wards came from."""
    entry = NEW_TO_OLD.get(ward.code.value)
    if entry and entry.old_wards:
        return Counter(old.district_code for old in entry.old_wards).most_common(1)[0][0]
    # A few special zones were whole island districts with no wards in the table.
    own_name = strip_type_prefix(ward.name, ward.division_type)
    for district in legacy.District.search(own_name):
        if strip_type_prefix(district.name, district.division_type) == own_name:
            return district.code.value
    return None


def _current_rows():
    yield from _current_province_rows()
    districts = {}
    communes = []
    for ward in vp.Ward.iter_all():
        legacy_code = _legacy_district_of(ward)
        parent = province_code(ward.province_code.value)
        if legacy_code is not None:
            if legacy_code not in districts:
                districts[legacy_code] = UnitRow(
                    Level.DISTRICT, district_code(legacy_code), _grassroots_office_name(legacy_code),
                    UnitType.GRASSROOTS_AREA, parent,
                )
            parent = district_code(legacy_code)
        communes.append(
            UnitRow(Level.COMMUNE, commune_code(ward.code.value), ward.name, TYPE_MAP[ward.division_type], parent)
        )
    yield from _disambiguated(districts.values())
    yield from communes


def _grassroots_office_name(legacy_code):
    old = legacy.District.from_code(legacy.DistrictCode(legacy_code))
    return f"BHXH cơ sở {old.name[0].lower()}{old.name[1:]}"


def _disambiguated(districts):
    """Two legacy provinces merged into one may both have had a "huyện Châu Thành"."""
    districts = list(districts)
    names = Counter((d.parent_code, d.name) for d in districts)
    for row in districts:
        if names[(row.parent_code, row.name)] > 1:
            old = legacy.District.from_code(legacy.DistrictCode(int(row.code)))
            old_province = legacy.Province.from_code(old.province_code)
            province_name = strip_type_prefix(old_province.name, old_province.division_type)
            row = UnitRow(row.level, row.code, f"{row.name} ({province_name})", row.unit_type, row.parent_code)
        yield row


def _legacy_rows():
    for province in legacy.Province.iter_all():
        yield UnitRow(
            Level.PROVINCE, province_code(province.code.value), province.name, TYPE_MAP[province.division_type], None
        )
    for district in legacy.District.iter_all():
        yield UnitRow(
            Level.DISTRICT,
            district_code(district.code.value),
            district.name,
            TYPE_MAP[district.division_type],
            province_code(district.province_code.value),
        )
    for ward in legacy.Ward.iter_all():
        yield UnitRow(
            Level.COMMUNE,
            commune_code(ward.code.value),
            ward.name,
            TYPE_MAP[ward.division_type],
            district_code(ward.district_code.value),
        )


def _parent_level(row):
    # A 2025 commune with no legacy district sits directly under its province.
    if row.level == Level.COMMUNE and len(row.parent_code) == 2:
        return Level.PROVINCE
    return row.level - 1


def _of_provinces(rows, codes):
    """The rows of these provinces and of the units below them."""
    kept = {(Level.PROVINCE, province_code(c)) for c in codes}
    for row in sorted(rows, key=lambda r: r.level):
        if (row.level, row.code) in kept or (row.parent_code and (_parent_level(row), row.parent_code) in kept):
            kept.add((row.level, row.code))
            yield row


@transaction.atomic
def units_load(*, code_set=CodeSet.CURRENT, province_codes=None):
    """Load (or update) a code set's provinces, districts and communes; only some provinces' with
    `province_codes` (the demo loads the former provinces of its province)."""
    rows = list(_current_rows() if code_set == CodeSet.CURRENT else _legacy_rows())
    if province_codes is not None:
        rows = list(_of_provinces(rows, province_codes))
    existing = {(u.level, u.code): u for u in Unit.objects.filter(code_set=code_set).exclude(level=Level.VILLAGE)}
    summary = LoadSummary(code_set=code_set)
    for level in (Level.PROVINCE, Level.DISTRICT, Level.COMMUNE):
        to_create, to_update = [], []
        for row in (r for r in rows if r.level == level):
            unit = existing.get((row.level, row.code))
            if unit is None:
                parent = existing[(_parent_level(row), row.parent_code)] if row.parent_code else None
                unit = Unit(code_set=code_set, level=row.level, code=row.code, name=row.name,
                            unit_type=row.unit_type, parent=parent)
                unit.path = Unit.build_path(parent, code_set, row.code)
                unit.search_name = fold(row.name)
                to_create.append(unit)
            elif (unit.name, unit.unit_type) != (row.name, row.unit_type):
                unit.name, unit.unit_type, unit.search_name = row.name, row.unit_type, fold(row.name)
                to_update.append(unit)
        Unit.objects.bulk_create(to_create, batch_size=2000)
        Unit.objects.bulk_update(to_update, ["name", "unit_type", "search_name"], batch_size=2000)
        for unit in to_create:
            existing[(unit.level, unit.code)] = unit
        summary.created += len(to_create)
        summary.updated += len(to_update)
    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:  # the tree is read by every scoped query: plan it from real counts
            cursor.execute(f"ANALYZE {Unit._meta.db_table}")
    counts = dict(
        Unit.objects.filter(code_set=code_set).values_list("level").annotate(n=Count("id")).order_by()
    )
    summary.provinces = counts.get(Level.PROVINCE, 0)
    summary.districts = counts.get(Level.DISTRICT, 0)
    summary.communes = counts.get(Level.COMMUNE, 0)
    summary.villages = counts.get(Level.VILLAGE, 0)
    return summary
