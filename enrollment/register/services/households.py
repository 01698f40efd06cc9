"""Household health insurance: 4.5% of the base salary for the first member, less for each next one."""

from datetime import timedelta

from django.db import transaction

from enrollment.progress.services.engine import progress_changed
from enrollment.register.models.households import Household, HouseholdMember
from enrollment.register.models.parameters import ParameterTable
from enrollment.register.services.contributions import whole_dong
from enrollment.register.signals import register_people_written
from enrollment.shared.months import same_day_months_later

LAST_SHARE_ORDER = 5  # the 5th member and everyone after pay the same share


def member_share(order, on_date, params):
    if order <= 1:
        return 1
    return params(f"hi_household_share_{min(order, LAST_SHARE_ORDER)}", on_date)


def household_monthly_premium(order, on_date, params=None):
    params = params or ParameterTable()
    first = params("base_salary", on_date) * params("hi_household_rate", on_date)
    return whole_dong(first * member_share(order, on_date, params))


@transaction.atomic
def household_enroll(*, head_name, commune, members, valid_from, months, village=None, address="", user=None):
    """Create a household and insure its members, in the order given, for `months` months from `valid_from`."""
    params = ParameterTable()
    household = Household.objects.create(head_name=head_name, commune=commune, village=village, address=address,
                                         created_by=user)
    valid_to = same_day_months_later(valid_from, months) - timedelta(days=1)
    HouseholdMember.objects.bulk_create([
        HouseholdMember(household=household, order=order, valid_from=valid_from, valid_to=valid_to,
                        premium=household_monthly_premium(order, valid_from, params) * months, **member)
        for order, member in enumerate(members, start=1)
    ])
    register_people_written.send(sender=HouseholdMember,
                                 personal_ids=[m["personal_id"] for m in members if m.get("personal_id")])
    progress_changed([commune.pk], [valid_from])
    return household
