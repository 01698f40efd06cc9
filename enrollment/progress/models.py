"""Progress against plan, computed by the recompute engine and read by the dashboards.

The whole country has no unit of its own (provinces are the roots of the tree), so the
national rows are keyed on `unit = NULL`.
"""

from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


class ProgressMetric(models.TextChoices):
    # The first four share their values with plans' `Metric`.
    SI_PARTICIPANTS = "si_participants", _("Voluntary SI participants")
    SI_NEW = "si_new", _("New voluntary SI participants")
    # New participants of the snapshot day's month up to that day: a month end holds the whole month.
    SI_NEW_MONTH = "si_new_month", _("New voluntary SI participants in the month")
    HI_HOUSEHOLD = "hi_household", _("Household HI participants")
    COVERAGE = "coverage", _("Coverage of the labour force (%)")
    RENEWALS_DUE = "renewals_due", _("Due to pay again")
    RENEWALS_PAID = "renewals_paid", _("Paid again")
    # Due, not paid again and not lapsed, with the month's renewal outcome "promised".
    RENEWALS_PROMISED = "renewals_promised", _("Promised to pay again")
    RENEWALS_LAPSED = "renewals_lapsed", _("Lapsed")


PLAN_METRICS = (
    ProgressMetric.SI_PARTICIPANTS, ProgressMetric.SI_NEW, ProgressMetric.HI_HOUSEHOLD, ProgressMetric.COVERAGE,
)


class ProgressStatus(models.TextChoices):
    ON_TRACK = "on_track", _("On track")
    AT_RISK = "at_risk", _("At risk")
    NO_PLAN = "no_plan", _("No plan")


class BreakdownDimension(models.TextChoices):
    TARGET_GROUP = "target_group", _("Target group")
    AGENT_TYPE = "agent_type", _("Agent type")
    AGENT_STAFF = "agent_staff", _("Agent staff")
    OFFICER = "officer", _("Officer")
    CAMPAIGN = "campaign", _("Campaign")
    MONTH = "month", _("Month")


class ProgressSnapshot(models.Model):
    """One metric of one unit (or of the country, `unit` NULL) as it stood at the end of `date`."""

    unit = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="progress_snapshots",
        db_index=False,  # the unique constraint's index starts with the unit: one index less to write per row
    )
    date = models.DateField(_("date"))
    metric = models.CharField(_("metric"), max_length=20, choices=ProgressMetric.choices)
    actual = models.DecimalField(_("actual"), max_digits=14, decimal_places=2, default=0)
    plan_initial = models.DecimalField(_("initial plan"), max_digits=14, decimal_places=2, null=True, blank=True)
    plan_in_force = models.DecimalField(_("plan in force"), max_digits=14, decimal_places=2, null=True, blank=True)
    phased_to_date = models.DecimalField(_("phased plan to date"), max_digits=14, decimal_places=2, null=True,
                                         blank=True)
    achievement_initial = models.DecimalField(_("achievement of the initial plan (%)"), max_digits=9, decimal_places=2, null=True,
                                              blank=True)
    achievement_in_force = models.DecimalField(_("achievement of the plan in force (%)"), max_digits=9, decimal_places=2, null=True,
                                               blank=True)
    achievement_phased = models.DecimalField(_("achievement of the phased plan (%)"), max_digits=9, decimal_places=2, null=True,
                                             blank=True)
    gap = models.DecimalField(_("gap to phased plan"), max_digits=14, decimal_places=2, null=True, blank=True)
    forecast = models.DecimalField(_("year-end forecast"), max_digits=14, decimal_places=2, null=True, blank=True)
    # Growth on last year: the actual of the same unit and metric on the same day a year before
    # (28 February for 29 February), read from the stored snapshots; NULL when that day has none.
    last_year = models.DecimalField(_("same day last year"), max_digits=14, decimal_places=2, null=True, blank=True)
    growth = models.DecimalField(_("growth on last year"), max_digits=14, decimal_places=2, null=True, blank=True)
    growth_percent = models.DecimalField(_("growth on last year (%)"), max_digits=11, decimal_places=2, null=True,
                                         blank=True)
    status = models.CharField(_("status"), max_length=10, choices=ProgressStatus.choices,
                              default=ProgressStatus.NO_PLAN)
    computed_at = models.DateTimeField(_("computed at"))

    class Meta:
        verbose_name = _("progress snapshot")
        verbose_name_plural = _("progress snapshots")
        ordering = ["-date", "unit", "metric"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "date", "metric"], name="progress_snapshot_unique"),
            models.UniqueConstraint(fields=["date", "metric"], condition=Q(unit__isnull=True),
                                    name="progress_snapshot_national_unique"),
        ]
        # No index on `computed_at`: an update that moves no indexed column stays on its page without a new
        # entry in any index (a HOT update; the table keeps room for it, migration 0027). The dashboards'
        # cache keys read the runs instead (`figures_version`).
        indexes = [models.Index(fields=["date", "metric"], name="progress_snapshot_date")]

    def __str__(self):
        return f"{self.unit or _('Whole country')} {self.date} {self.metric}: {self.actual}"


class ProgressBreakdown(models.Model):
    """New and active participants of a unit on `date`, split along one dimension.

    `new_participants` counts the year to `date`, `new_in_month` the month of `date` to that day: at
    a month end, the month's new participants. Dimension "month" holds the new participants of each month of the year (key "YYYY-MM").
    """

    unit = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.CASCADE,
        related_name="progress_breakdowns",
        db_index=False,  # the unique constraint's index starts with the unit: one index less to write per row
    )
    date = models.DateField(_("date"))
    dimension = models.CharField(_("dimension"), max_length=16, choices=BreakdownDimension.choices)
    key = models.CharField(_("key"), max_length=40)
    label = models.CharField(_("label"), max_length=200, blank=True)
    new_participants = models.PositiveIntegerField(_("new participants"), default=0)
    active_participants = models.PositiveIntegerField(_("active participants"), default=0)
    new_in_month = models.PositiveIntegerField(_("new participants in the month"), default=0)

    class Meta:
        verbose_name = _("progress breakdown")
        verbose_name_plural = _("progress breakdowns")
        ordering = ["-date", "unit", "dimension", "key"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "date", "dimension", "key"], name="progress_breakdown_unique"),
            models.UniqueConstraint(fields=["date", "dimension", "key"], condition=Q(unit__isnull=True),
                                    name="progress_breakdown_national_unique"),
        ]

    def __str__(self):
        return f"{self.unit or _('Whole country')} {self.date} {self.dimension}={self.key}"


class RecomputeKind(models.TextChoices):
    FULL = "full", _("Full")
    INCREMENTAL = "incremental", _("Incremental")


class RecomputeStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    SKIPPED = "skipped", _("Skipped: another recompute was running")
    FAILED = "failed", _("Failed: nothing was changed")


class RecomputeRun(models.Model):
    """One run of the recompute engine, with its progress for the progress bar."""

    kind = models.CharField(_("kind"), max_length=12, choices=RecomputeKind.choices)
    status = models.CharField(_("status"), max_length=10, choices=RecomputeStatus.choices,
                              default=RecomputeStatus.PENDING)
    unit_ids = models.JSONField(_("units"), default=list, blank=True)
    dates = models.JSONField(_("dates"), default=list, blank=True)
    triggered_by = models.CharField(_("triggered by"), max_length=60, blank=True)
    total_steps = models.PositiveIntegerField(_("steps"), default=0)
    done_steps = models.PositiveIntegerField(_("steps done"), default=0)
    as_of = models.DateField(_("figures as of"), null=True, blank=True)
    added_participants = models.PositiveIntegerField(_("new participants added to the figures"), default=0)
    snapshot_rows = models.PositiveIntegerField(_("snapshot rows written"), default=0)
    breakdown_rows = models.PositiveIntegerField(_("breakdown rows written"), default=0)
    error = models.TextField(_("error"), blank=True)
    message = models.TextField(_("message"), blank=True)  # what the users are told; `error` is for admins
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Written by the worker while it runs (its figures are not committed until the end): the sweeper
    # takes a run whose heartbeat stopped for one whose worker died.
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    # Waiting: when its queued task should have started. Failed: when the sweeper tries it again.
    due_at = models.DateTimeField(_("due"), null=True, blank=True)

    class Meta:
        verbose_name = _("progress recompute")
        verbose_name_plural = _("progress recomputes")
        ordering = ["-created_at"]
        indexes = [
            models.Index(fields=["status", "due_at"], name="recompute_run_status_due"),
            # The latest finished run: part of the dashboards' cache keys, read on every dashboard.
            models.Index(fields=["finished_at"], condition=Q(status=RecomputeStatus.DONE), name="recompute_run_done"),
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.created_at:%Y-%m-%d %H:%M}"

    @property
    def is_finished(self):
        return self.status in (RecomputeStatus.DONE, RecomputeStatus.SKIPPED, RecomputeStatus.FAILED)

    @property
    def percent(self):
        if self.is_finished:
            return 100
        return int(100 * self.done_steps / self.total_steps) if self.total_steps else 0

    @property
    def duration(self):
        if self.started_at and self.finished_at:
            return self.finished_at - self.started_at
        return None


class ProgressChange(models.Model):
    """A saved change the figures have not caught up with yet: the outbox of the recompute engine.

    Written in the same transaction as the change itself, so that no broker fault can lose it; the run
    that counts it deletes it in its own transaction (a failed run leaves it for the next one).
    """

    unit_ids = models.JSONField(_("units"), default=list, blank=True)
    dates = models.JSONField(_("dates"), default=list, blank=True)
    created_at = models.DateTimeField(_("saved at"), auto_now_add=True, db_index=True)

    class Meta:
        verbose_name = _("change waiting for the figures")
        verbose_name_plural = _("changes waiting for the figures")
        ordering = ["pk"]

    def __str__(self):
        return f"{self.created_at:%Y-%m-%d %H:%M} {self.unit_ids} {self.dates}"


class PendingParticipant(models.Model):
    """A participant registered since the last recompute, not yet counted in any snapshot.

    The next run adds their figures to the stored ones instead of recounting their commune:
    being new, they were in no figure before. Not a foreign key, so that deleting a participant
    never touches a row a running recompute is reading; a deleted one simply counts for nothing.
    """

    participant_id = models.BigIntegerField(primary_key=True)

    class Meta:
        verbose_name = _("participant waiting to be counted")
        verbose_name_plural = _("participants waiting to be counted")


class PendingPayment(models.Model):
    """A payment by someone already counted, recorded since the last recompute.

    The next run computes that person's figures with and without the payments waiting here and
    applies the difference to the stored figures, instead of recounting their commune. Only for
    payments that change nothing else the figures read (not a first payment, no earlier first
    payment day, no renewal outcome overwritten): the register recounts the commune otherwise.
    Not foreign keys, for the same reason as `PendingParticipant`.
    """

    payment_id = models.BigIntegerField(primary_key=True)
    participant_id = models.BigIntegerField(db_index=True)

    class Meta:
        verbose_name = _("payment waiting to be counted")
        verbose_name_plural = _("payments waiting to be counted")


class RecomputeLock(models.Model):
    """The row a recompute claims so that two never overlap.

    PostgreSQL: locked FOR UPDATE NOWAIT inside the run's transaction, so a killed worker
    releases it with its connection. SQLite: claimed with a conditional UPDATE, stale after
    `STALE_AFTER`.
    """

    name = models.CharField(max_length=40, unique=True)
    run = models.ForeignKey(RecomputeRun, null=True, blank=True, on_delete=models.SET_NULL, related_name="+")
    claimed_at = models.DateTimeField(null=True, blank=True)

    class Meta:
        verbose_name = _("recompute lock")
        verbose_name_plural = _("recompute locks")

    def __str__(self):
        return self.name
