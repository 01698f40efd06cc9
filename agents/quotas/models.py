"""Agent quotas reuse the plans' quota machinery (QuotaBase, quotas_bulk_set, quota_progress)."""

from django.db import models
from django.utils.translation import gettext_lazy as _

from enrollment.plans.models.plans import Metric
from enrollment.plans.models.quotas import QuotaBase, quota_constraints

# Agents get quotas of newly developed participants and household HI members.
AGENT_QUOTA_METRICS = (Metric.SI_NEW, Metric.HI_HOUSEHOLD)


class AgentStaffQuota(QuotaBase):
    owner_field = "agent"

    agent = models.ForeignKey("agents.AgentStaff", verbose_name=_("agent staff member"), on_delete=models.CASCADE,
                              related_name="quotas")

    class Meta(QuotaBase.Meta):
        verbose_name = _("agent staff quota")
        verbose_name_plural = _("agent staff quotas")
        constraints = quota_constraints("agent", "agent_staff_quota")


class CollectionPointQuota(QuotaBase):
    owner_field = "point"

    point = models.ForeignKey("agents.CollectionPoint", verbose_name=_("collection point"), on_delete=models.CASCADE,
                              related_name="quotas")

    class Meta(QuotaBase.Meta):
        verbose_name = _("collection point quota")
        verbose_name_plural = _("collection point quotas")
        constraints = quota_constraints("point", "collection_point_quota")


class OrganisationQuota(QuotaBase):
    owner_field = "organisation"

    organisation = models.ForeignKey("agents.AgentOrganisation", verbose_name=_("agent organisation"),
                                     on_delete=models.CASCADE, related_name="quotas")

    class Meta(QuotaBase.Meta):
        verbose_name = _("agent organisation quota")
        verbose_name_plural = _("agent organisation quotas")
        constraints = quota_constraints("organisation", "organisation_quota")
