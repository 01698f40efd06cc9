from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _


class ImportStatus(models.TextChoices):
    PENDING = "pending", _("Waiting")
    RUNNING = "running", _("Running")
    DONE = "done", _("Done")
    REJECTED = "rejected", _("Rejected: errors found, nothing saved")
    FAILED = "failed", _("Failed")


class ImportJob(models.Model):
    """An uploaded file being checked and imported, with its progress and every row error.

    The file is kept in the database so that a worker on another machine can read it.
    """

    kind = models.CharField(_("kind"), max_length=40)
    user = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("user"), on_delete=models.CASCADE)
    scope_unit = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("unit"), null=True, blank=True, on_delete=models.CASCADE
    )
    filename = models.CharField(_("file name"), max_length=255)
    content = models.BinaryField(editable=False)
    options = models.JSONField(default=dict, blank=True)
    dry_run = models.BooleanField(_("check only"), default=False)
    allow_partial = models.BooleanField(_("save the good rows even if some are bad"), default=False)
    status = models.CharField(_("status"), max_length=10, choices=ImportStatus.choices, default=ImportStatus.PENDING)
    total_rows = models.PositiveIntegerField(_("rows"), default=0)
    processed_rows = models.PositiveIntegerField(_("rows processed"), default=0)
    created_rows = models.PositiveIntegerField(_("rows created"), default=0)
    updated_rows = models.PositiveIntegerField(_("rows updated"), default=0)
    errors = models.JSONField(_("errors"), default=list, blank=True)
    message = models.TextField(_("message"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    finished_at = models.DateTimeField(_("finished"), null=True, blank=True)
    # Which file it is (two uploads of one file are told apart from two files), and the worker's signs
    # of life: the sweeper ends a job whose worker died and queues again one whose task was lost.
    content_sha256 = models.CharField(_("file fingerprint"), max_length=64, blank=True, db_index=True)
    started_at = models.DateTimeField(_("started"), null=True, blank=True)
    heartbeat_at = models.DateTimeField(_("last sign of life"), null=True, blank=True)
    attempts = models.PositiveIntegerField(_("attempts"), default=0)
    due_at = models.DateTimeField(_("due"), null=True, blank=True)

    class Meta:
        verbose_name = _("import")
        verbose_name_plural = _("imports")
        ordering = ["-created_at"]
        indexes = [models.Index(fields=["status", "due_at"], name="import_job_status_due")]

    def __str__(self):
        return f"{self.kind}: {self.filename}"

    @property
    def percent(self):
        if self.status in (ImportStatus.DONE, ImportStatus.REJECTED, ImportStatus.FAILED):
            return 100
        return int(100 * self.processed_rows / self.total_rows) if self.total_rows else 0

    @property
    def is_finished(self):
        return self.status not in (ImportStatus.PENDING, ImportStatus.RUNNING)
