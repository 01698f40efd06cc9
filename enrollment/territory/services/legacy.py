"""Codes of the units before the 2025 reform in imported rows: the former unit and its 2025 commune.

A row dated before 1 July 2025 may name the ward (5 digits), district (3) or province (2) it was
reported under. The former unit is kept with the record; the record itself goes on the 2025 tree:
to the commune the official ward table maps a former ward to, or to the 2025 commune the row names
(which must have taken in part of the former unit).
"""

from django.utils.translation import gettext as _

from enrollment.imports.services import RowError
from enrollment.shared.reform import before_reform, commune_took_in, new_commune_codes
from enrollment.territory.models.units import CodeSet, Level, Unit

LEVEL_BY_LENGTH = {2: Level.PROVINCE, 3: Level.DISTRICT, 5: Level.COMMUNE}


def legacy_key(text):
    """(level, code) of a typed former code, or None when it has no legacy code's shape."""
    code = text.strip()
    level = LEVEL_BY_LENGTH.get(len(code))
    return (level, code) if level and code.isdigit() else None


def legacy_units_by_key(texts):
    """{(level, code): Unit} of the former units these typed codes name."""
    keys = {key for key in map(legacy_key, texts) if key}
    if not keys:
        return {}
    units = Unit.objects.filter(code_set=CodeSet.LEGACY, code__in={code for _level, code in keys})
    return {(u.level, u.code): u for u in units if (u.level, u.code) in keys}


def mapped_commune_codes(texts):
    """The 2025 commune codes the former wards among these codes went into (to load them with the rest)."""
    return {new for key in map(legacy_key, texts) if key and key[0] == Level.COMMUNE
            for new in new_commune_codes(key[1])}


def legacy_place(text, commune_code, day, legacy_units, commune_of):
    """(former unit, 2025 commune) of a row giving a former code `text`, paid on `day`.

    `commune_of(code, column)` checks a 2025 commune code as the import does (area, existence)."""
    key = legacy_key(text)
    legacy_unit = legacy_units.get(key) if key else None
    if legacy_unit is None:
        raise RowError("legacy_code", _("unknown unit code %(code)s before 01/07/2025") % {"code": text.strip()})
    if day is not None and not before_reform(day):
        raise RowError("legacy_code", _("codes from before 01/07/2025 are only for payments made before that day"))
    if commune_code:
        commune = commune_of(commune_code, "commune_code")
        if not commune_took_in(commune.code, legacy_unit.level, legacy_unit.code):
            raise RowError("commune_code", _("commune %(commune)s took in no part of %(former)s") % {
                "commune": commune_code, "former": legacy_unit.name})
        return legacy_unit, commune
    if legacy_unit.level != Level.COMMUNE:
        raise RowError("commune_code", _("required with a district or province code from before 01/07/2025"))
    codes = new_commune_codes(legacy_unit.code)
    if not codes:
        raise RowError("legacy_code", _("the official table does not map %(former)s to a 2025 commune: "
                                        "give the commune code") % {"former": legacy_unit.name})
    if len(codes) > 1:
        raise RowError("commune_code", _("%(former)s was split between the communes %(codes)s: give the 2025 "
                                         "commune code") % {"former": legacy_unit.name, "codes": ", ".join(codes)})
    return legacy_unit, commune_of(codes[0], "legacy_code")
