"""Plans per unit, year and metric; their versions; allocations of a plan to the children below."""

from decimal import Decimal

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Metric(models.TextChoices):
    SI_PARTICIPANTS = "si_participants", _("Voluntary SI participants (year end)")
    SI_NEW = "si_new", _("New voluntary SI participants")
    HI_HOUSEHOLD = "hi_household", _("Household HI participants")
    COVERAGE = "coverage", _("Coverage of the working-age labour force (%)")

    @classmethod
    def is_rate(cls, metric):
        """A rate is not summed over children: a commune's 2% and another's 3% do not make 5%."""
        return metric == cls.COVERAGE

    @classmethod
    def is_stock(cls, metric):
        """A stock carries over from last year; a flow starts from zero on 1 January."""
        return metric != cls.SI_NEW


class VersionKind(models.TextChoices):
    INITIAL = "initial", _("Initial plan")
    SUPPLEMENTAL = "supplemental", _("Supplemental plan")


class PlanStatus(models.TextChoices):
    DRAFT = "draft", _("Draft")
    APPROVED = "approved", _("Approved")


class Curve(models.TextChoices):
    EVEN = "even", _("Even over the months")
    LAST_YEAR = "last_year", _("Last year's monthly pattern")
    SEASONAL = "seasonal", _("Seasonal (strong January, Tết dip, year-end sprint)")
    CUSTOM = "custom", _("Edited by hand")


class ChangeAction(models.TextChoices):
    VERSION_ADDED = "version_added", _("Plan version added")
    VERSION_APPROVED = "version_approved", _("Plan version approved")
    PHASING_CHANGED = "phasing_changed", _("Monthly phasing changed")
    ALLOCATION_SAVED = "allocation_saved", _("Allocation saved as draft")
    ALLOCATION_APPROVED = "allocation_approved", _("Allocation approved")
    ALLOCATION_DISCARDED = "allocation_discarded", _("Draft allocation discarded")


class Plan(models.Model):
    unit = models.ForeignKey("enrollment.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="plans")
    year = models.PositiveSmallIntegerField(_("year"))
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)

    history = HistoricalRecords(verbose_name=_("history"))

    class Meta:
        verbose_name = _("plan")
        verbose_name_plural = _("plans")
        ordering = ["unit__path", "year", "metric"]
        constraints = [models.UniqueConstraint(fields=["unit", "year", "metric"], name="plan_unique_per_unit_year_metric")]

    def __str__(self):
        return f"{self.unit} {self.year} {self.get_metric_display()}"


class PlanVersion(models.Model):
    """One decision on a plan: the initial figure or a supplement, with its monthly phasing.

    `monthly_targets` holds twelve cumulative figures, January to December; December equals
    `target`. `baseline` is where a stock metric starts on 1 January (last year's result).
    """

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="versions")
    seq = models.PositiveSmallIntegerField(_("version"))
    kind = models.CharField(_("kind"), max_length=12, choices=VersionKind.choices, default=VersionKind.INITIAL)
    document_number = models.CharField(_("document number"), max_length=80, blank=True)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)
    baseline = models.DecimalField(_("figure at the start of the year"), max_digits=12, decimal_places=2,
                                   default=Decimal(0))
    curve = models.CharField(_("phasing curve"), max_length=12, choices=Curve.choices, default=Curve.SEASONAL)
    monthly_targets = models.JSONField(_("cumulative monthly targets"), default=list)
    status = models.CharField(_("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    allocation = models.ForeignKey("enrollment.Allocation", verbose_name=_("from allocation"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="child_versions")
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("history"))

    class Meta:
        verbose_name = _("plan version")
        verbose_name_plural = _("plan versions")
        ordering = ["plan", "seq"]
        constraints = [models.UniqueConstraint(fields=["plan", "seq"], name="plan_version_unique_seq")]
        indexes = [models.Index(fields=["plan", "status", "seq"], name="plan_version_in_force")]

    def __str__(self):
        return f"{self.plan} v{self.seq}"

    @property
    def is_approved(self):
        return self.status == PlanStatus.APPROVED


class AllocationRule(models.TextChoices):
    MANUAL = "manual", _("Typed in the grid")
    LABOUR_FORCE = "labour_force", _("Proportional to the labour force")
    LAST_YEAR = "last_year", _("Proportional to last year's participants")
    EQUAL = "equal", _("Equal shares")
    UPLOAD = "upload", _("Excel upload")


class Allocation(models.Model):
    """A split of a unit's plan among all its children. Approving it makes the children's plans.

    Changing an approved allocation means a new allocation (next `seq`); the old one stays.
    """

    plan = models.ForeignKey(Plan, verbose_name=_("plan"), on_delete=models.CASCADE, related_name="allocations")
    seq = models.PositiveSmallIntegerField(_("version"))
    status = models.CharField(_("status"), max_length=10, choices=PlanStatus.choices, default=PlanStatus.DRAFT)
    rule = models.CharField(_("rule"), max_length=16, choices=AllocationRule.choices, default=AllocationRule.MANUAL)
    parent_version = models.ForeignKey(PlanVersion, verbose_name=_("allocated plan version"), null=True, blank=True,
                                       on_delete=models.SET_NULL, related_name="allocations")
    document_number = models.CharField(_("document number"), max_length=80, blank=True)
    document_date = models.DateField(_("document date"), null=True, blank=True)
    note = models.TextField(_("note"), blank=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    approved_at = models.DateTimeField(_("approved"), null=True, blank=True)
    approved_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("approved by"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("allocation")
        verbose_name_plural = _("allocations")
        ordering = ["plan", "seq"]
        constraints = [
            models.UniqueConstraint(fields=["plan", "seq"], name="allocation_unique_seq"),
            models.UniqueConstraint(fields=["plan"], condition=Q(status="draft"), name="allocation_one_draft_per_plan"),
        ]

    def __str__(self):
        return f"{self.plan} / {self.seq}"


class AllocationLine(models.Model):
    allocation = models.ForeignKey(Allocation, verbose_name=_("allocation"), on_delete=models.CASCADE,
                                   related_name="lines")
    unit = models.ForeignKey("enrollment.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")
    target = models.DecimalField(_("target"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("allocation line")
        verbose_name_plural = _("allocation lines")
        ordering = ["allocation", "unit__code"]
        constraints = [models.UniqueConstraint(fields=["allocation", "unit"], name="allocation_line_unique_unit")]


class PlanChange(models.Model):
    """The history of plans and allocations: who changed what, when, from what to what."""

    unit = models.ForeignKey("enrollment.Unit", verbose_name=_("unit"), on_delete=models.CASCADE, related_name="+")
    year = models.PositiveSmallIntegerField(_("year"))
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)
    action = models.CharField(_("change"), max_length=30, choices=ChangeAction.choices)
    subject = models.CharField(_("what"), max_length=200, blank=True)
    old_value = models.TextField(_("old"), blank=True)
    new_value = models.TextField(_("new"), blank=True)
    reason = models.TextField(_("reason"), blank=True,
                              help_text=_("Why an allocation whose sum differs from the parent's plan was approved."))
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("by"), null=True, blank=True,
                             on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("when"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("plan change")
        verbose_name_plural = _("plan changes")
        ordering = ["-created_at", "-id"]
        indexes = [models.Index(fields=["unit", "year", "metric"], name="plan_change_lookup")]


class ReportedFigure(models.Model):
    """A figure reported by hand for a unit at the end of a month (before or beside the register)."""

    unit = models.ForeignKey("enrollment.Unit", verbose_name=_("unit"), on_delete=models.CASCADE,
                             related_name="reported_figures")
    year = models.PositiveSmallIntegerField(_("year"))
    month = models.PositiveSmallIntegerField(_("month"))
    metric = models.CharField(_("metric"), max_length=20, choices=Metric.choices)
    value = models.DecimalField(_("value"), max_digits=12, decimal_places=2)

    class Meta:
        verbose_name = _("reported figure")
        verbose_name_plural = _("reported figures")
        ordering = ["unit__path", "year", "month", "metric"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "year", "month", "metric"], name="reported_figure_unique"),
            models.CheckConstraint(condition=Q(month__gte=1, month__lte=12), name="reported_figure_month_1_12"),
        ]
