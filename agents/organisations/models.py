from django.db import models
from django.utils.translation import gettext_lazy as _
from simple_history.models import HistoricalRecords


class OrganisationType(models.TextChoices):
    VIETNAM_POST = "vietnam_post", _("Vietnam Post (Bưu điện)")
    VIETTEL = "viettel", _("Viettel")
    COMMUNE_COMMITTEE = "commune_committee", _("Commune People's Committee (UBND xã)")
    FARMERS_UNION = "farmers_union", _("Farmers' Union (Hội Nông dân)")
    WOMENS_UNION = "womens_union", _("Women's Union (Hội Liên hiệp Phụ nữ)")
    OTHER = "other", _("Other")


CODE_HELP = _("Left empty, a code is given on saving. Imports name the organisation and point by these codes.")


class CodedModel(models.Model):
    """A short code unique among its kind, given from the primary key when left empty (`code_prefix`)."""

    code_prefix = ""

    class Meta:
        abstract = True

    def save(self, *args, **kwargs):
        if self.code == "":
            self.code = None
        super().save(*args, **kwargs)
        if self.code is None:
            self.code = f"{self.code_prefix}{self.pk:05d}"
            type(self).objects.filter(pk=self.pk).update(code=self.code)


class AgentNetwork(CodedModel):
    """An agent of national reach (Bưu điện Việt Nam) under a national contract, working through one branch per
    province: each branch is an `AgentOrganisation` contracted by its province, with its own quotas and staff."""

    code_prefix = "MN"

    code = models.CharField(_("code"), max_length=20, unique=True, null=True, blank=True, help_text=CODE_HELP)
    name = models.CharField(_("name"), max_length=200, unique=True)
    organisation_type = models.CharField(_("type"), max_length=24, choices=OrganisationType.choices)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    class Meta:
        verbose_name = _("national agent network")
        verbose_name_plural = _("national agent networks")
        ordering = ["name"]

    def __str__(self):
        return self.name


class AgentOrganisation(CodedModel):
    """A collection agent (đại lý thu) under contract with a provincial social security office; a branch of a
    national network when `network` is set."""

    code_prefix = "DL"

    code = models.CharField(_("code"), max_length=20, unique=True, null=True, blank=True, help_text=CODE_HELP)
    name = models.CharField(_("name"), max_length=200)
    organisation_type = models.CharField(_("type"), max_length=24, choices=OrganisationType.choices)
    unit = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("contracting unit"), on_delete=models.PROTECT,
        related_name="agent_organisations",
        help_text=_("The social security office (province or district) that holds the contract."),
    )
    network = models.ForeignKey(
        AgentNetwork, verbose_name=_("national network"), null=True, blank=True, on_delete=models.PROTECT,
        related_name="branches",
        help_text=_("A branch of a national network works under the network's contract as well as its own."),
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    phone = models.CharField(_("phone"), max_length=15, blank=True)
    is_active = models.BooleanField(_("active"), default=True)
    created_at = models.DateTimeField(_("created at"), auto_now_add=True)

    history = HistoricalRecords(verbose_name=_("history"))

    class Meta:
        verbose_name = _("agent organisation")
        verbose_name_plural = _("agent organisations")
        ordering = ["unit__path", "name"]
        constraints = [
            models.UniqueConstraint(fields=["unit", "name"], name="agent_organisation_unique_name"),
            models.UniqueConstraint(fields=["network", "unit"], condition=models.Q(network__isnull=False),
                                    name="agent_network_one_branch_per_unit",
                                    violation_error_message=_("This network already has a branch in this unit.")),
        ]

    def __str__(self):
        return self.name


class ContractStatus(models.TextChoices):
    ACTIVE = "active", _("In force")
    SUSPENDED = "suspended", _("Suspended")
    EXPIRED = "expired", _("Expired")
    TERMINATED = "terminated", _("Terminated")


class ContractTerms(models.Model):
    """What a contract says, whoever holds it (an organisation, or a national network)."""

    number = models.CharField(_("contract number"), max_length=60)
    signed_on = models.DateField(_("signed on"))
    valid_from = models.DateField(_("valid from"))
    valid_to = models.DateField(_("valid to"), null=True, blank=True)
    status = models.CharField(_("status"), max_length=12, choices=ContractStatus.choices, default=ContractStatus.ACTIVE)
    terminated_on = models.DateField(_("terminated on"), null=True, blank=True)
    termination_reason = models.TextField(_("termination reason"), blank=True)

    class Meta:
        abstract = True

    def __str__(self):
        return self.number


class NetworkContract(ContractTerms):
    """The national contract of a network, signed centrally (Vietnam Social Security with Vietnam Post)."""

    network = models.ForeignKey(AgentNetwork, verbose_name=_("national network"), on_delete=models.CASCADE,
                                related_name="contracts")

    class Meta:
        verbose_name = _("national contract")
        verbose_name_plural = _("national contracts")
        ordering = ["network", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["network", "number"], name="network_contract_unique_number")]


class Contract(ContractTerms):
    organisation = models.ForeignKey(
        AgentOrganisation, verbose_name=_("agent organisation"), on_delete=models.CASCADE, related_name="contracts"
    )

    class Meta:
        verbose_name = _("agent contract")
        verbose_name_plural = _("agent contracts")
        ordering = ["organisation", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["organisation", "number"], name="agent_contract_unique_number")]


class CollectionPoint(CodedModel):
    """A collection point (điểm thu) of an agent organisation and the communes it serves."""

    code_prefix = "DT"

    code = models.CharField(_("code"), max_length=20, unique=True, null=True, blank=True, help_text=CODE_HELP)
    organisation = models.ForeignKey(
        AgentOrganisation, verbose_name=_("agent organisation"), on_delete=models.PROTECT, related_name="points"
    )
    name = models.CharField(_("name"), max_length=200)
    unit = models.ForeignKey(
        "enrollment.Unit", verbose_name=_("located in"), on_delete=models.PROTECT, related_name="collection_points",
        help_text=_("The commune where the point is."),
    )
    communes = models.ManyToManyField(
        "enrollment.Unit", verbose_name=_("communes served"), related_name="serving_points", blank=True
    )
    address = models.CharField(_("address"), max_length=255, blank=True)
    is_active = models.BooleanField(_("active"), default=True)

    class Meta:
        verbose_name = _("collection point")
        verbose_name_plural = _("collection points")
        ordering = ["unit__path", "name"]
        constraints = [models.UniqueConstraint(fields=["organisation", "name"], name="collection_point_unique_name")]

    def __str__(self):
        return self.name
