from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enrollment.territory.models.units import fold


class Sex(models.TextChoices):
    MALE = "M", _("Male")
    FEMALE = "F", _("Female")


class AgentStaff(models.Model):
    """A person who collects for an agent organisation at one of its points (nhân viên đại lý thu)."""

    full_name = models.CharField(_("full name"), max_length=150)
    search_name = models.CharField(max_length=150, editable=False, default="")  # folded: "nguyen van" finds "Nguyễn Văn"
    personal_id = models.CharField(_("personal ID"), max_length=12, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=1, choices=Sex.choices, blank=True)
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    point = models.ForeignKey(
        "agents.CollectionPoint", verbose_name=_("collection point"), on_delete=models.PROTECT, related_name="staff"
    )
    user = models.OneToOneField(
        "enrollment.User", verbose_name=_("user account"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="agent_profile",
    )
    joined_on = models.DateField(_("joined on"), null=True, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords(verbose_name=_("history"), excluded_fields=["search_name"])

    class Meta:
        verbose_name = _("agent staff member")
        verbose_name_plural = _("agent staff")
        ordering = ["point", "full_name"]
        constraints = [
            models.UniqueConstraint(fields=["personal_id"], condition=~models.Q(personal_id=""),
                                    name="agent_staff_unique_personal_id",
                                    violation_error_message=_("This personal ID is already registered.")),
        ]

    def __str__(self):
        return self.full_name

    def save(self, *args, **kwargs):
        self.search_name = fold(self.full_name)
        update_fields = kwargs.get("update_fields")
        if update_fields is not None and "full_name" in update_fields:
            kwargs["update_fields"] = {*update_fields, "search_name"}
        super().save(*args, **kwargs)


class TrainingCourse(models.Model):
    """A training round organised by a social security office for agent staff."""

    name = models.CharField(_("name"), max_length=200)
    unit = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("organising unit"), on_delete=models.PROTECT, related_name="training_courses"
    )
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    note = models.TextField(_("note"), blank=True)

    class Meta:
        verbose_name = _("training course")
        verbose_name_plural = _("training courses")
        ordering = ["-starts_on", "name"]

    def __str__(self):
        return self.name


class TrainingResult(models.TextChoices):
    PASSED = "passed", _("Passed")
    FAILED = "failed", _("Did not pass")
    ABSENT = "absent", _("Absent")


class TrainingRecord(models.Model):
    course = models.ForeignKey(
        TrainingCourse, verbose_name=_("training course"), on_delete=models.CASCADE, related_name="records"
    )
    staff = models.ForeignKey(
        AgentStaff, verbose_name=_("agent staff member"), on_delete=models.CASCADE, related_name="training_records"
    )
    class_name = models.CharField(_("class"), max_length=60)
    trained_on = models.DateField(_("date"))
    result = models.CharField(_("result"), max_length=8, choices=TrainingResult.choices, default=TrainingResult.PASSED)

    class Meta:
        verbose_name = _("training record")
        verbose_name_plural = _("training records")
        ordering = ["-trained_on"]
        constraints = [models.UniqueConstraint(fields=["course", "staff"], name="training_record_once_per_course")]

    def __str__(self):
        return f"{self.staff} – {self.course}"


class AgentCard(models.Model):
    """The card that entitles an agent staff member to collect (thẻ nhân viên đại lý thu)."""

    staff = models.ForeignKey(AgentStaff, verbose_name=_("agent staff member"), on_delete=models.CASCADE,
                              related_name="cards")
    number = models.CharField(_("card number"), max_length=30, unique=True)
    issued_on = models.DateField(_("issued on"))
    expires_on = models.DateField(_("expires on"))

    class Meta:
        verbose_name = _("agent card")
        verbose_name_plural = _("agent cards")
        ordering = ["-issued_on"]
        constraints = [
            models.CheckConstraint(condition=models.Q(expires_on__gt=models.F("issued_on")),
                                   name="agent_card_expires_after_issue"),
        ]

    def __str__(self):
        return self.number
