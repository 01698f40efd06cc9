"""Actual figures computed from the register (priority 10: above figures reported by hand)."""

from datetime import date
from decimal import ROUND_HALF_UP, Decimal

from django.db.models import Count, Q

from enrollment.plans.models.plans import Metric
from enrollment.plans.selectors.actuals import actual_source, owner_actual_source
from enrollment.register.models.participants import Payment
from enrollment.register.selectors.definitions import (
    count_by_unit,
    household_members_insured_on,
    participants_active_on,
    participants_new_in_year,
)
from enrollment.territory.models.units import LabourForce, Unit

REGISTER_PRIORITY = 10


def _units(units):
    ids = [u for u in units if not isinstance(u, Unit)]
    fetched = list(Unit.objects.filter(pk__in=ids)) if ids else []
    return [u for u in units if isinstance(u, Unit)] + fetched


def _day_in_year(year, day):
    """The day to count on: `day`, or 31 December when the year is over; None before the year starts."""
    if day.year < year:
        return None
    return min(day, date(year, 12, 31))


def _register_holds_data(units):
    if not units:
        return False
    prefixes = Q()
    for unit in units:
        prefixes |= Q(commune__path__startswith=unit.path if unit.level < 4 else unit.parent.path)
    return Payment.objects.filter(prefixes).exists()


@actual_source(Metric.SI_PARTICIPANTS, priority=REGISTER_PRIORITY)
def register_active_participants(units, year, day):
    units, on = _units(units), _day_in_year(year, day)
    if on is None or not _register_holds_data(units):
        return None
    return count_by_unit(participants_active_on(on), units)


@actual_source(Metric.SI_NEW, priority=REGISTER_PRIORITY)
def register_new_participants(units, year, day):
    units, on = _units(units), _day_in_year(year, day)
    if on is None or not _register_holds_data(units):
        return None
    return count_by_unit(participants_new_in_year(year, on), units)


@actual_source(Metric.HI_HOUSEHOLD, priority=REGISTER_PRIORITY)
def register_household_members(units, year, day):
    units, on = _units(units), _day_in_year(year, day)
    if on is None:
        return None
    insured = household_members_insured_on(on)
    counts = count_by_unit(insured, units, commune_field="household__commune", village_field="household__village")
    return counts if any(counts.values()) else None


@actual_source(Metric.COVERAGE, priority=REGISTER_PRIORITY)
def register_coverage(units, year, day):
    """Active participants as a percent of the unit's working-age labour force (units without one are left out)."""
    units = _units(units)
    active = register_active_participants(units, year, day)
    if active is None:
        return None
    labour = dict(LabourForce.objects.filter(unit__in=units, year=year).values_list("unit_id", "labour_force"))
    return {
        unit_id: (Decimal(100) * count / labour[unit_id]).quantize(Decimal("0.01"), rounding=ROUND_HALF_UP)
        for unit_id, count in active.items() if labour.get(unit_id)
    }


def officers_mobilised(staff_ids, year, month):
    """{staff_id: people they mobilised who paid for the first time in the year (or month)}."""
    payments = Payment.objects.filter(is_first=True, mobilised_by_staff_id__in=staff_ids, paid_on__year=year)
    if month is not None:
        payments = payments.filter(paid_on__month=month)
    return dict(payments.values_list("mobilised_by_staff_id").annotate(n=Count("pk")).order_by())


for _kind in ("officer", "staff"):
    for _metric in (Metric.SI_NEW, Metric.SI_PARTICIPANTS):
        owner_actual_source(_kind, _metric, priority=REGISTER_PRIORITY)(officers_mobilised)
