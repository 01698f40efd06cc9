"""Monthly quotas for agent staff, points and organisations, set in bulk through the plans' machinery."""

from agents.quotas.models import (
    AgentStaffQuota,
    CollectionPointQuota,
    OrganisationQuota,
)
from enrollment.plans.services.quotas import quotas_bulk_set

QUOTA_MODELS = {"staff": AgentStaffQuota, "point": CollectionPointQuota, "organisation": OrganisationQuota}


def agent_quotas_set(*, level, owners, year, months, metric, target, user, note=""):
    """The same quota for every owner in every listed month; returns (created, updated)."""
    model = QUOTA_MODELS[level]
    created = updated = 0
    for month in months:
        c, u = quotas_bulk_set(model, owners, year, month, metric, target, user, note=note)
        created, updated = created + c, updated + u
    return created, updated
