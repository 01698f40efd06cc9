"""Changes to the unit tree that users make: villages, commune moves, labour force."""

from django.core.exceptions import ValidationError
from django.db import transaction
from django.db.models import F, Func, Value
from django.utils.translation import gettext as _

from enrollment.shared.scoping import unit_in_scope
from enrollment.territory.models.units import LabourForce, Level, Unit, UnitType

VILLAGE_TYPES = (UnitType.VILLAGE, UnitType.HAMLET, UnitType.RESIDENTIAL_GROUP, UnitType.HIGHLAND_VILLAGE)


def name_key(name):
    """Names compare without case or extra spaces, but with their diacritics (Thạnh ≠ Thành)."""
    return " ".join(name.split()).casefold()


def next_village_code(commune):
    """Villages take their commune's code and a two-digit (or longer) serial."""
    codes = Unit.objects.filter(parent=commune, level=Level.VILLAGE).values_list("code", flat=True)
    serials = [int(c[len(commune.code):]) for c in codes if c.startswith(commune.code) and c[len(commune.code):].isdigit()]
    return f"{commune.code}{max(serials, default=0) + 1:02d}"


def village_create(*, user, commune, name, unit_type=UnitType.VILLAGE, code=""):
    if commune.level != Level.COMMUNE or not unit_in_scope(user, commune):
        raise ValidationError(_("Villages can only be added to a commune in your area."))
    name = " ".join(name.split())
    existing = Unit.objects.filter(parent=commune, level=Level.VILLAGE).values_list("name", flat=True)
    if name_key(name) in {name_key(n) for n in existing}:
        raise ValidationError(_("%(commune)s already has a village named %(name)s.") % {"commune": commune, "name": name})
    code = code or next_village_code(commune)
    if Unit.objects.filter(code_set=commune.code_set, level=Level.VILLAGE, code=code).exists():
        raise ValidationError(_("The village code %(code)s is already used.") % {"code": code})
    return Unit.objects.create(
        code_set=commune.code_set, level=Level.VILLAGE, code=code, name=name, unit_type=unit_type, parent=commune
    )


@transaction.atomic
def commune_move(*, user, commune, district):
    """Place a commune under another district (grassroots office area) of the same province."""
    if commune.level != Level.COMMUNE or district.level != Level.DISTRICT:
        raise ValidationError(_("Only a commune can be moved, and only to a district."))
    if not (unit_in_scope(user, commune) and unit_in_scope(user, district)):
        raise ValidationError(_("Both units must be in your area."))
    province_path = commune.path.split("/")[:2]
    if district.path.split("/")[:2] != province_path:
        raise ValidationError(_("A commune can only move to a district of its own province."))
    old_prefix = commune.path
    commune.parent = district
    commune.save()
    # Villages below follow: rewrite the path prefix of the whole subtree in one statement.
    Unit.objects.filter(path__startswith=old_prefix).exclude(pk=commune.pk).update(
        path=Func(F("path"), Value(old_prefix), Value(commune.path), function="REPLACE")
    )
    return commune


def labour_force_set(*, user, unit, year, labour_force, source=""):
    if not unit_in_scope(user, unit):
        raise ValidationError(_("This unit is not in your area."))
    record, _created = LabourForce.objects.update_or_create(
        unit=unit, year=year, defaults={"labour_force": labour_force, "source": source}
    )
    return record
