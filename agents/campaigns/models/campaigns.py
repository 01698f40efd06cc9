from django.db import models
from django.utils.translation import gettext_lazy as _


class CampaignType(models.TextChoices):
    MOBILISATION_DAY = "mobilisation_day", _("Mobilisation day (ra quân)")
    GOLDEN_WEEK = "golden_week", _("Golden week (tuần lễ vàng)")
    CONFERENCE = "conference", _("Conference or dialogue (hội nghị, đối thoại)")
    DOOR_TO_DOOR = "door_to_door", _("Door-to-door drive")
    PHONE_OUTREACH = "phone_outreach", _("Phone outreach")
    LIVESTREAM = "livestream", _("Livestream / online")


class Campaign(models.Model):
    name = models.CharField(_("name"), max_length=200)
    campaign_type = models.CharField(_("type"), max_length=20, choices=CampaignType.choices)
    starts_on = models.DateField(_("starts on"))
    ends_on = models.DateField(_("ends on"))
    unit = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("scope unit"), on_delete=models.PROTECT, related_name="campaigns"
    )
    agents = models.ManyToManyField(
        "agents.AgentStaff", verbose_name=_("participating agent staff"), related_name="campaigns", blank=True
    )
    target_si = models.PositiveIntegerField(_("target: new voluntary SI participants"), default=0)
    target_hi = models.PositiveIntegerField(_("target: new household HI participants"), default=0)
    description = models.TextField(_("description"), blank=True)
    created_by = models.ForeignKey("enrollment.User", verbose_name=_("created by"), null=True, blank=True,
                                   on_delete=models.SET_NULL, related_name="+")
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign")
        verbose_name_plural = _("campaigns")
        ordering = ["-starts_on", "name"]
        constraints = [
            models.CheckConstraint(condition=models.Q(ends_on__gte=models.F("starts_on")),
                                   name="campaign_ends_after_start"),
        ]

    def __str__(self):
        return self.name


class CampaignResult(models.Model):
    """What one agent staff member reports for one day in one commune, in a campaign or routine work.

    The new enrollees reported here are a claim; the register confirms them (payments marked
    `is_first` that the agent mobilised or collected, that day or some days apart). A payment settles
    a claim instead of counting again (agents/selectors/claims.py, docs/AGENTS.md).
    """

    campaign = models.ForeignKey(Campaign, verbose_name=_("campaign"), null=True, blank=True,
                                 on_delete=models.PROTECT, related_name="results")
    day = models.DateField(_("day"))
    commune = models.ForeignKey("enrollment.Unit", verbose_name=_("commune"), on_delete=models.PROTECT,
                                related_name="campaign_results")
    agent = models.ForeignKey("agents.AgentStaff", verbose_name=_("agent staff member"), on_delete=models.PROTECT,
                              related_name="results")
    households_visited = models.PositiveIntegerField(_("households visited"), default=0)
    people_consulted = models.PositiveIntegerField(_("people consulted"), default=0)
    attendees = models.PositiveIntegerField(_("attendees"), default=0)
    new_si = models.PositiveIntegerField(_("new voluntary SI participants"), default=0)
    new_hi = models.PositiveIntegerField(_("new household HI participants"), default=0)
    notes = models.TextField(_("notes"), blank=True)
    idempotency_key = models.UUIDField(_("submission key"), unique=True)
    recorded_by = models.ForeignKey("enrollment.User", verbose_name=_("recorded by"), null=True, blank=True,
                                    on_delete=models.SET_NULL, related_name="+")
    recorded_at = models.DateTimeField(_("recorded at"), auto_now_add=True)

    class Meta:
        verbose_name = _("campaign result")
        verbose_name_plural = _("campaign results")
        ordering = ["-day", "-recorded_at"]
        indexes = [models.Index(fields=["agent", "day"], name="campaign_result_agent_day")]

    def __str__(self):
        return f"{self.agent} {self.day:%d/%m/%Y}"
