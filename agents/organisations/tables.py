import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from agents.organisations.models import AgentOrganisation, CollectionPoint, Contract
from agents.shared.tables import EditColumn
from enrollment.shared.tables import NumberColumn


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
