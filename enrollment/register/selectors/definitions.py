"""Reads of the register, with the definitions every figure uses (docs/ENROLLMENT.md).

- active on day d: a payment covers the month M of d (period_start ≤ M ≤ period_end), or M is not
  over yet and the person is due in M (coverage ended with M − 1) and has not declined, moved away
  or died: they still have the month to pay again;
- new in year Y up to d: first paid on a day in [1 Jan Y, d];
- due in month M: coverage ended with the month before M (a payment ends with M − 1; for a person
  not yet paid again that is paid_through = M − 1);
- paid again in M: due in M and a payment starts with M;
- lapsed for M: due in M, not paid again, and M has ended or the outcome is declined, moved or died;
- household HI participant on d: a household member insured on d.
"""

from datetime import date

from django.db.models import Count, Exists, OuterRef, Q

from enrollment.progress.services.dates import month_has_ended
from enrollment.register.models.households import HouseholdMember
from enrollment.register.models.participants import (
    LAPSING_OUTCOMES,
    Participant,
    Payment,
    RenewalOutcome,
)
from enrollment.shared.months import add_months, first_of_month
from enrollment.territory.models.units import Level


def participants_active_on(day, queryset=None):
    month = first_of_month(day)
    covering = Payment.objects.filter(participant=OuterRef("pk"), period_start__lte=month, period_end__gte=month)
    active = Q(Exists(covering))
    if not month_has_ended(day):
        ended_before = Payment.objects.filter(participant=OuterRef("pk"), period_end=add_months(month, -1))
        gave_up = RenewalOutcome.objects.filter(participant=OuterRef("pk"), due_month=month,
                                                outcome__in=LAPSING_OUTCOMES)
        active |= Q(Exists(ended_before)) & ~Q(Exists(gave_up))
    return (queryset if queryset is not None else Participant.objects.all()).filter(active)


def participants_new_in_year(year, day, queryset=None):
    return (queryset if queryset is not None else Participant.objects.all()).filter(
        first_paid_on__gte=date(year, 1, 1), first_paid_on__lte=day
    )


def participants_due_in(month, queryset=None):
    month = first_of_month(month)
    ended = Payment.objects.filter(participant=OuterRef("pk"), period_end=add_months(month, -1))
    return (queryset if queryset is not None else Participant.objects.all()).filter(Exists(ended))


def _paid_again(month):
    return Exists(Payment.objects.filter(participant=OuterRef("pk"), period_start=first_of_month(month)))


def participants_paid_again_in(month, queryset=None):
    return participants_due_in(month, queryset).filter(_paid_again(month))


def participants_lapsed_for(month, today, queryset=None):
    month = first_of_month(month)
    not_paid = participants_due_in(month, queryset).exclude(_paid_again(month))
    if add_months(month, 1) <= today:
        return not_paid
    gave_up = RenewalOutcome.objects.filter(participant=OuterRef("pk"), due_month=month, outcome__in=LAPSING_OUTCOMES)
    return not_paid.filter(Exists(gave_up))


def household_members_insured_on(day, queryset=None):
    return (queryset if queryset is not None else HouseholdMember.objects.all()).filter(
        valid_from__lte=day, valid_to__gte=day
    )


def count_by_unit(queryset, units, commune_field="commune", village_field="village"):
    """{unit_id: count} of a participant (or member) queryset for units of any level, in a few queries."""
    units = list(units)
    areas = [u for u in units if u.level < Level.VILLAGE]
    villages = [u for u in units if u.level == Level.VILLAGE]
    totals = {}
    if areas:
        prefixes = Q()
        for unit in areas:
            prefixes |= Q(**{f"{commune_field}__path__startswith": unit.path})
        rows = queryset.filter(prefixes).values_list(f"{commune_field}__path").annotate(n=Count("pk")).order_by()
        for path, n in rows:
            for unit in areas:
                if path.startswith(unit.path):
                    totals[unit.pk] = totals.get(unit.pk, 0) + n
        totals.update({u.pk: totals.get(u.pk, 0) for u in areas})
    if villages:
        rows = dict(queryset.filter(**{f"{village_field}__in": villages}).values_list(village_field)
                    .annotate(n=Count("pk")).order_by())
        totals.update({u.pk: rows.get(u.pk, 0) for u in villages})
    return totals
