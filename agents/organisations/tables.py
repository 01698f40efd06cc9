import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from agents.organisations.models import AgentOrganisation, CollectionPoint, Contract
from agents.shared.tables import EditColumn, PartialNameColumn
from enrollment.shared.tables import NumberColumn, PercentColumn


class OrganisationTable(tables.Table):
    name = tables.Column(linkify=("agents:organisation_detail", {"pk": tables.A("pk")}), verbose_name=_("Name"))
    code = tables.Column(verbose_name=_("Code"))
    organisation_type = tables.Column(verbose_name=_("Type"))
    unit = tables.Column(accessor="unit__name", verbose_name=_("Contracting unit"))
    contract = tables.Column(accessor="contract_number", verbose_name=_("Contract"), default="—")
    point_count = NumberColumn(verbose_name=_("Points"))
    staff_count = NumberColumn(verbose_name=_("Active staff"))

    class Meta:
        model = AgentOrganisation
        fields = ("code", "name", "organisation_type", "unit", "contract", "point_count", "staff_count", "is_active")
        attrs = {"class": "table", "id": "organisations"}


class ContractTable(tables.Table):
    edit = EditColumn("agents:contract_edit")

    class Meta:
        model = Contract
        fields = ("number", "signed_on", "valid_from", "valid_to", "status", "terminated_on", "termination_reason",
                  "edit")
        attrs = {"class": "table", "id": "contracts"}


class PointTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"))
    name = tables.Column(verbose_name=_("Name"))
    organisation = tables.Column(accessor="organisation__name", verbose_name=_("Agent organisation"))
    unit = tables.Column(accessor="unit__name", verbose_name=_("Located in"))
    communes_served = tables.Column(verbose_name=_("Communes served"), empty_values=(), orderable=False)
    staff_count = NumberColumn(verbose_name=_("Active staff"))
    edit = EditColumn("agents:point_edit")

    def render_communes_served(self, record):
        return ", ".join(c.name for c in record.communes.all()) or "—"

    def value_communes_served(self, record):
        return self.render_communes_served(record)

    class Meta:
        model = CollectionPoint
        fields = ("code", "name", "organisation", "unit", "communes_served", "staff_count", "is_active", "edit")
        attrs = {"class": "table", "id": "points"}


class NetworkTable(tables.Table):
    name = tables.Column(linkify=("agents:network_detail", {"pk": tables.A("pk")}), verbose_name=_("Name"))
    code = tables.Column(verbose_name=_("Code"))
    organisation_type = tables.Column(verbose_name=_("Type"))
    contract = tables.Column(accessor="contract_number", verbose_name=_("National contract"), default="—")
    branch_count = NumberColumn(verbose_name=_("Branches"))

    class Meta:
        attrs = {"class": "table", "id": "networks"}
        orderable = False


class BranchRankingTable(tables.Table):
    """Branches of a national network for a period, with both shares of quota side by side."""

    rank = NumberColumn(verbose_name=_("Rank"), summable=False)
    name = PartialNameColumn(linkify=("agents:organisation_detail", {"pk": tables.A("pk")}), verbose_name=_("Branch"))
    parent = tables.Column(verbose_name=_("Contracting unit"))
    new = NumberColumn(verbose_name=_("New participants"))
    renewals = NumberColumn(verbose_name=_("Renewals collected"))
    year_target = NumberColumn(verbose_name=_("The year's quota"), digits=0, default="—")
    year_percent = PercentColumn(verbose_name=_("Share of the year's quota (%)"), default="—")
    target = NumberColumn(verbose_name=_("Quota phased to this period"), digits=0, default="—")
    percent = PercentColumn(verbose_name=_("Share of the quota phased to this period (%)"), default="—")

    class Meta:
        attrs = {"class": "table", "id": "branches"}
        orderable = False
