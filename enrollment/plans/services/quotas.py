"""Setting quotas for many owners at once and measuring them against what the owners achieved.

Works for any QuotaBase subclass: officers here, agent staff, points and organisations in agents.
"""

from dataclasses import dataclass
from decimal import Decimal

from django.db import transaction
from django.utils import timezone
from simple_history.utils import bulk_create_with_history, bulk_update_with_history

from enrollment.plans.models.quotas import OfficerQuota
from enrollment.plans.phasing import (
    EVEN_SHARES,
    cumulative_from_shares,
    phased_value,
)
from enrollment.plans.selectors.actuals import owner_actuals
from enrollment.shared.formats import percent_of
from enrollment.shared.scoping import scope_queryset, visible_units


def quotas_bulk_set(model, owners, year, month, metric, target, user, note=""):
    """Give every owner the same quota for the period; returns (created, updated).

    Re-running with the same figures changes nothing; a different figure updates in place.
    """
    target = Decimal(target)
    if target < 0:
        raise ValueError("A quota cannot be negative.")
    owner_field = model.owner_field
    owner_ids = [getattr(o, "pk", o) for o in owners]
    with transaction.atomic():
        existing = {
            q.owner_id: q
            for q in model.objects.select_for_update().filter(
                **{f"{owner_field}_id__in": owner_ids}, year=year, month=month, metric=metric
            )
        }
        to_create, to_update = [], []
        for owner_id in owner_ids:
            quota = existing.get(owner_id)
            if quota is None:
                to_create.append(model(**{f"{owner_field}_id": owner_id}, year=year, month=month, metric=metric,
                                       target=target, note=note, created_by=user))
            elif quota.target != target or (note and quota.note != note):
                quota.target, quota.note = target, note or quota.note
                to_update.append(quota)
        # Through django-simple-history, so that quotas set in bulk keep their history like any other change.
        bulk_create_with_history(to_create, model, default_user=user)
        bulk_update_with_history(to_update, model, ["target", "note", "updated_at"], default_user=user)
    return len(to_create), len(to_update)


@dataclass
class QuotaProgress:
    quota: object
    actual: Decimal
    target: Decimal
    percent: Decimal | None  # None when the target is zero
    phased: Decimal | None = None  # expected by `day` (whole-year quotas, phased evenly)

    @property
    def gap(self):
        return self.target - self.actual


def quota_progress(quotas, actual_by_owner, day=None):
    """One QuotaProgress per quota: actual against target (and against the phased target on `day`)."""
    rows = []
    for quota in quotas:
        actual = Decimal(actual_by_owner.get(quota.owner_id) or 0)
        target = Decimal(quota.target)
        percent = percent_of(actual, target)
        phased = None
        if day is not None and quota.month is None:
            phased = phased_value(cumulative_from_shares(EVEN_SHARES, target), quota.year, day)
        rows.append(QuotaProgress(quota=quota, actual=actual, target=target, percent=percent, phased=phased))
    return rows


def officer_quota_rows(user, *, year, month=None, metric="", unit=None):
    """The officers' quotas in the user's area (optionally of one unit's subtree) with their progress."""
    quotas = scope_queryset(user, OfficerQuota.objects.select_related("staff__unit"), unit_field="staff__unit")
    quotas = quotas.filter(year=year, month=month)
    if metric:
        quotas = quotas.filter(metric=metric)
    if unit:
        scope_unit = visible_units(user).filter(pk=unit).first()
        quotas = quotas.filter(staff__unit__path__startswith=scope_unit.path) if scope_unit else quotas.none()
    quotas = list(quotas.order_by("staff__unit__path", "staff__full_name", "metric"))
    rows = []
    for of_metric in {q.metric for q in quotas}:
        owned = [q for q in quotas if q.metric == of_metric]
        achieved = owner_actuals("officer", [q.staff_id for q in owned], year, month, of_metric)
        rows.extend(quota_progress(owned, achieved, day=timezone.localdate()))
    rows.sort(key=lambda r: (r.quota.staff.unit.path, r.quota.staff.full_name, r.quota.metric))
    return rows
