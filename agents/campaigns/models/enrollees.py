from django.db import models
from django.utils.translation import gettext_lazy as _


class EnrolleeKind(models.TextChoices):
    VOLUNTARY_SI = "si", _("Voluntary SI")
    HOUSEHOLD_HI = "hi", _("Household HI")


class ResultEnrollee(models.Model):
    """A new enrollee an agent names in a result, linked to the register once it knows the personal ID.

    A person is named in at most one result per kind, so logging them again is refused instead of
    counted again; once linked, the register's first payment confirms this person and no other claim.
    """

    result = models.ForeignKey("agents.CampaignResult", verbose_name=_("result"), on_delete=models.CASCADE,
                               related_name="enrollees")
    kind = models.CharField(_("kind"), max_length=2, choices=EnrolleeKind.choices)
    full_name = models.CharField(_("full name"), max_length=150)
    personal_id = models.CharField(_("personal ID"), max_length=12)
    phone = models.CharField(_("phone"), max_length=10, blank=True)
    participant = models.ForeignKey("enrollment.Participant", verbose_name=_("participant"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="result_enrollees",
                                    help_text=_("Voluntary SI: the register's participant with this personal ID."))
    household_member = models.ForeignKey(
        "enrollment.HouseholdMember", verbose_name=_("household member"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="result_enrollees",
        help_text=_("Household HI: the insured household member with this personal ID."))

    class Meta:
        verbose_name = _("named enrollee")
        verbose_name_plural = _("named enrollees")
        ordering = ["result", "kind", "pk"]
        constraints = [
            models.UniqueConstraint(fields=["personal_id", "kind"], name="result_enrollee_once_per_kind"),
        ]
        indexes = [models.Index(fields=["participant"], name="result_enrollee_participant"),
                   models.Index(fields=["household_member"], name="result_enrollee_member")]

    def __str__(self):
        return self.full_name
