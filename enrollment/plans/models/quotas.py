"""Quotas given to people and organisations (officers here; agents subclass QuotaBase in their app)."""

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enrollment.plans.models.plans import Metric


class QuotaBase(models.Model):
    """A target for one owner in a year, or in one month of it (`month` empty = the whole year).

    A subclass adds the owner foreign key, names it in `owner_field`, and adds
    `quota_constraints(owner_field, prefix)` to its Meta.constraints.
    """

    owner_field = ""

    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"), null=True, blank=True,
                                             help_text=_("Empty for the whole year."))
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices, default=Metric.SI_NEW)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    note = models.CharField(_("note"), max_length=255, blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    history = HistoricalRecords(verbose_name=_("history"), inherit=True)

    class Meta:
        abstract = True
        ordering = ["year", "month"]

    @property
    def owner_id(self):
        return getattr(self, f"{self.owner_field}_id")

    @property
    def period_label(self):
        return f"{self.month:02d}/{self.year}" if self.month else str(self.year)


def quota_constraints(owner_field, prefix):
    """One quota per owner, period and metric; a whole-year quota (month NULL) is unique too."""
    return [
        models.UniqueConstraint(fields=[owner_field, "year", "month", "metric"], condition=Q(month__isnull=False),
                                name=f"{prefix}_unique_month"),
        models.UniqueConstraint(fields=[owner_field, "year", "metric"], condition=Q(month__isnull=True),
                                name=f"{prefix}_unique_year"),
        models.CheckConstraint(condition=Q(month__isnull=True) | Q(month__gte=1, month__lte=12),
                               name=f"{prefix}_month_1_12"),
        models.CheckConstraint(condition=Q(target__gte=0), name=f"{prefix}_target_not_negative"),
    ]


class OfficerQuota(QuotaBase):
    owner_field = "staff"

    staff = models.ForeignKey("enrollment.Staff", verbose_name=_("officer"), on_delete=models.CASCADE,
                              related_name="quotas")

    class Meta(QuotaBase.Meta):
        verbose_name = _("officer quota")
        verbose_name_plural = _("officer quotas")
        ordering = ["staff__unit__path", "staff__full_name", "year", "month"]
        constraints = quota_constraints("staff", "officer_quota")
