from django.db import models
from django.utils.translation import gettext_lazy as _


class ReviewDecision(models.TextChoices):
    KEEP = "keep", _("Keep")
    WARN = "warn", _("Warn")
    TERMINATE = "terminate", _("Terminate")


class ContractReview(models.Model):
    """An agent staff member flagged for low performance, and the provincial manager's decision."""

    agent = models.ForeignKey("agents.AgentStaff", verbose_name=_("agent staff member"), on_delete=models.CASCADE,
                              related_name="reviews")
    period_end = models.DateField(_("last month assessed"), help_text=_("First day of the last month assessed."))
    months = models.JSONField(_("monthly achievement"), default=list,
                              help_text=_("[[\"YYYY-MM\", actual, quota, percent], …] for the months assessed."))
    flagged_at = models.DateTimeField(_("flagged at"), auto_now_add=True)
    decision = models.CharField(_("decision"), max_length=10, choices=ReviewDecision.choices, blank=True)
    decision_note = models.TextField(_("note"), blank=True)
    decided_by = models.ForeignKey("enrollment.User", verbose_name=_("decided by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    decided_at = models.DateTimeField(_("decided at"), null=True, blank=True)

    class Meta:
        verbose_name = _("contract review")
        verbose_name_plural = _("contract reviews")
        ordering = ["decision", "-period_end"]
        constraints = [models.UniqueConstraint(fields=["agent", "period_end"], name="contract_review_once_per_period")]

    def __str__(self):
        return f"{self.agent} {self.period_end:%m/%Y}"
