from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class Position(models.TextChoices):
    DIRECTOR = "director", _("Director")
    DEPUTY_DIRECTOR = "deputy_director", _("Deputy director")
    HEAD_OF_DIVISION = "head_of_division", _("Head of division")
    OFFICER = "officer", _("Officer")
    COLLECTION_OFFICER = "collection_officer", _("Collection officer")
    COMMUNICATION_OFFICER = "communication_officer", _("Communication officer")


class Staff(models.Model):
    """An officer of a social security office (công chức, viên chức BHXH)."""

    full_name = models.CharField(_("full name"), max_length=150)
    unit = models.ForeignKey("enrollment.Unit", verbose_name=_("unit"), on_delete=models.PROTECT, related_name="staff")
    position = models.CharField(_("position"), max_length=32, choices=Position.choices, default=Position.OFFICER)
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    email = models.EmailField(_("email"), blank=True)
    user = models.OneToOneField(
        "enrollment.User", verbose_name=_("user account"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="staff_profile",
    )
    is_active = models.BooleanField(_("active"), default=True)

    history = HistoricalRecords(verbose_name=_("history"))

    class Meta:
        verbose_name = _("officer")
        verbose_name_plural = _("officers")
        ordering = ["unit__path", "full_name"]

    def __str__(self):
        return self.full_name
