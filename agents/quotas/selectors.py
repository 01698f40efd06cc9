"""Agent quotas over a period of months, measured with the plans' `quota_progress`."""

from collections import defaultdict
from decimal import Decimal

from django.db.models import Q

from enrollment.plans.models.plans import Metric


def targets_for_months(model, owners, months, metric=Metric.SI_NEW):
    """{owner_id: target} over the given months (firsts of months).

    A monthly quota counts for its month; an owner with a whole-year quota and no monthly one for
    a month gets a twelfth of the year's quota for that month.
    """
    owner_field = model.owner_field
    years = {m.year for m in months}
    owner_ids = owners.values("pk") if hasattr(owners, "values") else [getattr(o, "pk", o) for o in owners]
    quotas = model.objects.filter(**{f"{owner_field}__in": owner_ids}, year__in=years, metric=metric)
    wanted = {(m.year, m.month) for m in months}
    monthly, yearly = {}, {}
    for quota in quotas:
        if quota.month is None:
            yearly[(quota.owner_id, quota.year)] = quota.target
        elif (quota.year, quota.month) in wanted:
            monthly[(quota.owner_id, quota.year, quota.month)] = quota.target
    totals = defaultdict(Decimal)
    owners_seen = {k[0] for k in monthly} | {k[0] for k in yearly}
    for owner_id in owners_seen:
        for m in months:
            if (owner_id, m.year, m.month) in monthly:
                totals[owner_id] += monthly[(owner_id, m.year, m.month)]
            elif (owner_id, m.year) in yearly:
                totals[owner_id] += yearly[(owner_id, m.year)] / 12
    return {owner_id: value.quantize(Decimal("0.01")) for owner_id, value in totals.items()}


def monthly_quotas(model, owners, month, metric=Metric.SI_NEW):
    """The monthly quotas of the owners for one month (first of month)."""
    owner_ids = owners.values("pk") if hasattr(owners, "values") else [getattr(o, "pk", o) for o in owners]
    return model.objects.filter(Q(**{f"{model.owner_field}__in": owner_ids}), year=month.year, month=month.month,
                                metric=metric)
