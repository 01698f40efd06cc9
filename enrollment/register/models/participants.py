"""The enrollment register: participants, their payments and what happened when they were due."""

from django.conf import settings
from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords

from enrollment.shared.models.keys_first import KeysFirstQuerySet
from enrollment.territory.models.units import fold


class Sex(models.TextChoices):
    MALE = "male", _("Male")
    FEMALE = "female", _("Female")


class TargetGroup(models.TextChoices):
    FARMER = "farmer", _("Farmer")
    INFORMAL_WORKER = "informal_worker", _("Informal worker")
    CRAFT_VILLAGE_WORKER = "craft_village_worker", _("Craft-village worker")
    COMMUNE_OFFICIAL = "commune_official", _("Non-specialised commune official")
    HOUSEHOLD_BUSINESS = "household_business", _("Household business or small trader")
    CONTRACT_ENDED = "contract_ended", _("Worker whose labour contract was suspended or ended")
    UNEMPLOYED = "unemployed", _("Unemployed (employment service centre)")
    STUDENT = "student", _("Student")
    OTHER = "other", _("Other")


class SupportCategory(models.TextChoices):
    POOR = "poor", _("Poor household")
    NEAR_POOR = "near_poor", _("Near-poor household")
    ETHNIC_MINORITY = "ethnic_minority", _("Ethnic minority")
    ISLAND_COMMUNE = "island_commune", _("Island commune")
    OTHER = "other", _("Other")


class PaymentMethod(models.TextChoices):
    MONTHLY = "monthly", _("Monthly")
    QUARTERLY = "quarterly", _("Every 3 months")
    HALF_YEARLY = "half_yearly", _("Every 6 months")
    YEARLY = "yearly", _("Every 12 months")
    YEARS_IN_ADVANCE = "years_in_advance", _("Several years in advance")
    LUMP_SUM = "lump_sum", _("Lump sum for the missing years")


# Months covered by one payment of a fixed-length method; the other two take the months typed.
METHOD_MONTHS = {
    PaymentMethod.MONTHLY: 1,
    PaymentMethod.QUARTERLY: 3,
    PaymentMethod.HALF_YEARLY: 6,
    PaymentMethod.YEARLY: 12,
}


def mask_name(value):
    """"Nguyễn Văn An" → "Nguyễn V. A.": enough to talk about someone, not to identify them."""
    words = value.split()
    if len(words) < 2:
        return value[:1] + "."
    return " ".join([words[0], *[w[:1] + "." for w in words[1:]]])


def name_search_fields(full_name):
    """The folded forms a name is searched by: in full, and as roles that see it masked read it. Every
    path that writes participants in bulk sets them too."""
    return {"search_name": fold(full_name), "masked_search_name": fold(mask_name(full_name))}


class Participant(models.Model):
    """A person in voluntary social insurance (người tham gia BHXH tự nguyện)."""

    personal_id = models.CharField(_("personal ID"), max_length=12, unique=True)
    full_name = models.CharField(_("full name"), max_length=150)
    birth_date = models.DateField(_("birth date"))
    sex = models.CharField(_("sex"), max_length=6, choices=Sex.choices)
    si_number = models.CharField(_("social insurance number"), max_length=10, blank=True)
    phone = models.CharField(_("phone"), max_length=10, blank=True)
    # Indexes: the composite ones below start with the commune; former units are indexed where set.
    commune = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("commune"), on_delete=models.PROTECT, related_name="participants",
        db_index=False,
    )
    village = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("village"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="village_participants",
    )
    # Where the person was registered under the units in force before 1 July 2025 (a former ward,
    # district or province), when the record came with such a code: the legacy view counts it there.
    legacy_unit = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("unit before the 2025 reform"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="legacy_participants", limit_choices_to={"code_set": "legacy"},
        db_index=False,
    )
    target_group = models.CharField(_("target group"), max_length=24, choices=TargetGroup.choices,
                                    default=TargetGroup.OTHER)
    support_category = models.CharField(_("support category"), max_length=16, choices=SupportCategory.choices,
                                        default=SupportCategory.OTHER)
    first_paid_on = models.DateField(_("first paid on"), null=True, blank=True)
    paid_through = models.DateField(
        _("paid through"), null=True, blank=True, help_text=_("First day of the last month covered")
    )
    # Lower case without diacritics: "bui hoang nam" finds "Bùi Hoàng Nam" on SQLite and PostgreSQL alike.
    search_name = models.CharField(max_length=150, editable=False, default="")
    masked_search_name = models.CharField(max_length=150, editable=False, default="")
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(verbose_name=_("history"), excluded_fields=["search_name", "masked_search_name"])
    objects = KeysFirstQuerySet.as_manager()

    class Meta:
        verbose_name = _("participant")
        verbose_name_plural = _("participants")
        ordering = ["full_name", "personal_id"]
        indexes = [
            models.Index(fields=["commune", "paid_through"], name="participant_commune_due"),
            models.Index(fields=["paid_through"], name="participant_paid_through"),
            models.Index(fields=["first_paid_on"], name="participant_first_paid"),
            models.Index(fields=["commune", "first_paid_on"], name="participant_commune_first_paid"),
            models.Index(fields=["full_name"], name="participant_name"),
            # An office's list, search and filters: a page's keys read from the index alone (KeysFirstQuerySet).
            models.Index(fields=["commune", "full_name", "personal_id"],
                         include=["id", "search_name", "target_group", "support_category"],
                         name="participant_commune_name"),
            models.Index(fields=["legacy_unit"], condition=models.Q(legacy_unit__isnull=False),
                         name="participant_legacy_unit"),
        ]

    def __str__(self):
        return self.full_name

    @staticmethod
    def bulk_insert_derived(row):
        return name_search_fields(row["full_name"])

    def save(self, *args, **kwargs):
        for name, value in name_search_fields(self.full_name).items():
            setattr(self, name, value)
        if kwargs.get("update_fields") is not None and "full_name" in kwargs["update_fields"]:
            kwargs["update_fields"] = {*kwargs["update_fields"], *name_search_fields("")}
        super().save(*args, **kwargs)


class Payment(models.Model):
    """One payment covering `months` months from `period_start` through `period_end` (both firsts of months)."""

    # Every index costs each saved payment (an import saves 100,000): the composite indexes below start
    # with the participant and the commune, and the optional links are indexed only where they are set.
    participant = models.ForeignKey(Participant, verbose_name=_("participant"), on_delete=models.CASCADE,
                                    related_name="payments", db_index=False)
    commune = models.ForeignKey("enrollment.Unit", verbose_name=_("commune"), on_delete=models.PROTECT,
                                related_name="payments", db_index=False)
    # The former unit a payment made before 1 July 2025 was reported under, when it came with its code.
    legacy_unit = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("unit before the 2025 reform"), null=True, blank=True,
        on_delete=models.PROTECT, related_name="legacy_payments", limit_choices_to={"code_set": "legacy"},
        db_index=False,
    )
    paid_on = models.DateField(_("paid on"))
    period_start = models.DateField(_("from month"))
    period_end = models.DateField(_("through month"))
    months = models.PositiveSmallIntegerField(_("months"))
    method = models.CharField(_("payment method"), max_length=20, choices=PaymentMethod.choices)
    monthly_income = models.DecimalField(_("declared monthly income"), max_digits=14, decimal_places=0)
    gross = models.DecimalField(_("contribution"), max_digits=14, decimal_places=0)
    state_support = models.DecimalField(_("state support"), max_digits=14, decimal_places=0, default=0)
    local_support = models.DecimalField(_("provincial top-up"), max_digits=14, decimal_places=0, default=0)
    net = models.DecimalField(_("net payable"), max_digits=14, decimal_places=0)
    supported_months = models.PositiveSmallIntegerField(_("supported months"), default=0)
    # Several years in advance (discount, negative) or a lump sum for missing years (interest, positive):
    # the fund's yearly investment return applied and what it changed against the full monthly rate.
    fund_return = models.DecimalField(_("fund investment return applied (yearly)"), max_digits=7, decimal_places=4,
                                      null=True, blank=True)
    adjustment = models.DecimalField(_("discount (−) or interest (+)"), max_digits=14, decimal_places=0, default=0)
    collected_by_staff = models.ForeignKey(
        "enrollment.Staff", verbose_name=_("collected by (officer)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="collected_payments", db_index=False,
    )
    mobilised_by_staff = models.ForeignKey(
        "enrollment.Staff", verbose_name=_("mobilised by (officer)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="mobilised_payments", db_index=False,
    )
    collected_by_agent = models.ForeignKey(
        "agents.AgentStaff", verbose_name=_("collected by (agent staff)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="collected_payments", db_index=False,
    )
    mobilised_by_agent = models.ForeignKey(
        "agents.AgentStaff", verbose_name=_("mobilised by (agent staff)"), null=True, blank=True,
        on_delete=models.SET_NULL, related_name="mobilised_payments", db_index=False,
    )
    campaign = models.ForeignKey(
        "agents.Campaign", verbose_name=_("campaign"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="payments", db_index=False,
    )
    is_first = models.BooleanField(_("first payment"), default=False)
    import_key = models.CharField(_("import key"), max_length=64, null=True, blank=True)  # unique: Meta
    created_at = models.DateTimeField(_("created"), auto_now_add=True)
    created_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("created by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )

    history = HistoricalRecords(verbose_name=_("history"))

    class Meta:
        verbose_name = _("payment")
        verbose_name_plural = _("payments")
        ordering = ["-period_start", "-pk"]
        indexes = [
            models.Index(fields=["participant", "period_start"], name="payment_participant_start"),
            models.Index(fields=["commune", "period_start", "period_end"], name="payment_commune_period"),
            models.Index(fields=["commune", "period_end"], name="payment_commune_end"),
            models.Index(fields=["paid_on"], name="payment_paid_on"),
            models.Index(fields=["legacy_unit"], condition=models.Q(legacy_unit__isnull=False),
                         name="payment_legacy_unit"),
            models.Index(fields=["commune", "paid_on"], condition=models.Q(is_first=True),
                         name="payment_commune_first"),
            *(models.Index(fields=[link], condition=models.Q(**{f"{link}__isnull": False}), name=f"payment_{link}")
              for link in ("collected_by_staff", "mobilised_by_staff", "collected_by_agent", "mobilised_by_agent",
                           "campaign")),
        ]
        constraints = [
            # A constraint rather than unique=True: no second, pattern index that nothing searches with.
            models.UniqueConstraint(fields=["import_key"], name="payment_import_key_unique"),
            models.CheckConstraint(condition=models.Q(months__gte=1), name="payment_months_positive"),
            models.CheckConstraint(condition=models.Q(period_end__gte=models.F("period_start")),
                                   name="payment_period_ordered"),
        ]

    def __str__(self):
        return f"{self.participant} {self.period_start:%m/%Y}–{self.period_end:%m/%Y}"


class Outcome(models.TextChoices):
    PAID = "paid", _("Paid again")
    PROMISED = "promised", _("Promised")
    DECLINED = "declined", _("Declined")
    UNREACHABLE = "unreachable", _("Unreachable")
    MOVED = "moved", _("Moved away")
    DIED = "died", _("Died")


LAPSING_OUTCOMES = (Outcome.DECLINED, Outcome.MOVED, Outcome.DIED)


class RenewalOutcome(models.Model):
    """What came of chasing a participant due in `due_month` (the latest word replaces earlier ones)."""

    participant = models.ForeignKey(Participant, verbose_name=_("participant"), on_delete=models.CASCADE,
                                    related_name="renewal_outcomes")
    due_month = models.DateField(_("due month"))
    outcome = models.CharField(_("outcome"), max_length=12, choices=Outcome.choices)
    promised_on = models.DateField(_("promised on"), null=True, blank=True)
    reason = models.CharField(_("reason"), max_length=255, blank=True)
    recorded_by = models.ForeignKey(
        settings.AUTH_USER_MODEL, verbose_name=_("recorded by"), null=True, blank=True, on_delete=models.SET_NULL,
        related_name="+",
    )
    recorded_at = models.DateTimeField(_("recorded"), auto_now=True)

    class Meta:
        verbose_name = _("renewal outcome")
        verbose_name_plural = _("renewal outcomes")
        ordering = ["-due_month"]
        constraints = [
            models.UniqueConstraint(fields=["participant", "due_month"], name="renewal_outcome_once_per_month"),
        ]

    def __str__(self):
        return f"{self.participant} {self.due_month:%m/%Y}: {self.get_outcome_display()}"
