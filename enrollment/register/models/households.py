"""Household health insurance (BHYT hộ gia đình): the premium falls with each member's order."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _

from enrollment.register.models.participants import Sex


class Household(models.Model):
    head_name = models.CharField(_("head of household"), max_length=150)
    commune = models.ForeignKey("enrollment.Unit", verbose_name=_("commune"), on_delete=models.PROTECT,
                                related_name="households")
    village = models.ForeignKey("enrollment.Unit", verbose_name=_("village"), null=True, blank=True,
                                on_delete=models.SET_NULL, related_name="village_households")
    address = models.CharField(_("address"), max_length=255, blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")

    class Meta:
        verbose_name = _("household")
        verbose_name_plural = _("households")
        ordering = ["head_name"]

    def __str__(self):
        return self.head_name


class HouseholdMember(models.Model):
    """A member insured from `valid_from` to `valid_to`; `premium` is what that whole period costs."""

    household = models.ForeignKey(Household, verbose_name=_("household"), on_delete=models.CASCADE,
                                  related_name="members")
    participant = models.ForeignKey("enrollment.Participant", verbose_name=_("participant"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="household_memberships")
    full_name = models.CharField(_("full name"), max_length=150)
    personal_id = models.CharField(_("personal ID"), max_length=12, blank=True)
    birth_date = models.DateField(_("birth date"), null=True, blank=True)
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices, blank=True)
    order = models.PositiveSmallIntegerField(_("order in household"))
    valid_from = models.DateField(_("insured from"))
    valid_to = models.DateField(_("insured to"))
    premium = models.DecimalField(_("premium"), max_digits=14, decimal_places=0)

    class Meta:
        verbose_name = _("household member")
        verbose_name_plural = _("household members")
        ordering = ["household", "order"]
        indexes = [models.Index(fields=["valid_from", "valid_to"], name="household_member_validity")]
        constraints = [
            models.CheckConstraint(condition=models.Q(order__gte=1), name="household_member_order_positive"),
            models.CheckConstraint(condition=models.Q(valid_to__gte=models.F("valid_from")),
                                   name="household_member_period_ordered"),
        ]

    def __str__(self):
        return f"{self.full_name} ({self.order})"
