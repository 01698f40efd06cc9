"""The 2025 administrative reform as the official ward conversion table states it.

Units in force until 30 June 2025 (the legacy code set: 63 provinces, their districts and wards) and
those from 1 July 2025 (34 provinces, no district level, 3,321 communes) are linked ward by ward by
the table `vietnam-provinces` ships (`_ward_conversion_2025`): each old ward with its district and
province, and the new ward(s) it went into. Pure functions over codes; the tree's paths follow
`Unit.build_path` ("legacy/82/822/28594/").
"""

import datetime
from functools import lru_cache

from vietnam_provinces import legacy
from vietnam_provinces._ward_conversion_2025 import NEW_TO_OLD, OLD_TO_NEW

REFORM_DATE = datetime.date(2025, 7, 1)
LEGACY = "legacy"


def before_reform(day):
    return day < REFORM_DATE


def legacy_province_path(province_code):
    return f"{LEGACY}/{int(province_code):02d}/"


def legacy_district_path(province_code, district_code):
    return f"{legacy_province_path(province_code)}{int(district_code):03d}/"


def legacy_ward_path(old_ward):
    return f"{legacy_district_path(old_ward.province_code, old_ward.district_code)}{int(old_ward.code):05d}/"


def old_wards_of(commune_code):
    """The former wards a 2025 commune was made of (empty when the table has none)."""
    entry = NEW_TO_OLD.get(int(commune_code)) if str(commune_code).isdigit() else None
    return entry.old_wards if entry else ()


def new_commune_codes(old_ward_code):
    """Codes ("28594") of the 2025 communes a former ward went into: one, or several when it was split."""
    entry = OLD_TO_NEW.get(int(old_ward_code)) if str(old_ward_code).isdigit() else None
    return [f"{new.code:05d}" for new in entry.new_wards] if entry else []


@lru_cache(maxsize=64)
def legacy_provinces_of_province(province_code):
    """Paths of the former provinces that went (wholly or in part) into a 2025 province."""
    code = int(province_code)
    return tuple(sorted({legacy_province_path(old.province_code) for entry in NEW_TO_OLD.values()
                         if entry.new_ward.province_code == code for old in entry.old_wards}))


def legacy_districts_of_area(district_code):
    """Paths of the former district a grassroots office area is named after (it keeps its code)."""
    try:
        district = legacy.District.from_code(legacy.DistrictCode(int(district_code)))
    except (ValueError, KeyError):
        return ()
    return (legacy_district_path(district.province_code.value, district.code.value),)


def legacy_wards_of_commune(commune_code):
    return tuple(sorted({legacy_ward_path(old) for old in old_wards_of(commune_code)}))


def legacy_paths_of(level, code):
    """The legacy subtrees (path prefixes) a 2025 unit of `level` (1 province, 2 office area, 3 commune)
    covers: what its managers may see of the units before the reform."""
    if level == 1:
        return legacy_provinces_of_province(code)
    if level == 2:
        return legacy_districts_of_area(code)
    return legacy_wards_of_commune(code)


def commune_took_in(commune_code, legacy_level, legacy_code):
    """Whether a 2025 commune took in some of the former unit (1 province, 2 district, 3 ward)."""
    code = int(legacy_code)
    for old in old_wards_of(commune_code):
        if code == (old.province_code, old.district_code, old.code)[legacy_level - 1]:
            return True
    return False


def current_province_codes_of(legacy_province_code):
    """Codes ("82") of the 2025 provinces a former province went into."""
    code = int(legacy_province_code)
    return sorted({f"{entry.new_ward.province_code:02d}" for entry in NEW_TO_OLD.values()
                   if any(old.province_code == code for old in entry.old_wards)})
