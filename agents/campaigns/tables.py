import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from agents.campaigns.models.campaigns import Campaign
from enrollment.shared.tables import NumberColumn


class CampaignTable(tables.Table):
    name = tables.Column(linkify=("agents:campaign_detail", {"pk": tables.A("pk")}), verbose_name=_("Name"))
    unit = tables.Column(accessor="unit__name", verbose_name=_("Scope unit"))
    target_si = NumberColumn(verbose_name=_("Target: voluntary SI"))
    target_hi = NumberColumn(verbose_name=_("Target: household HI"))

    class Meta:
        model = Campaign
        fields = ("name", "campaign_type", "starts_on", "ends_on", "unit", "target_si", "target_hi")
        attrs = {"class": "table", "id": "campaigns"}


class CampaignResultTable(tables.Table):
    """One row per agent and day; `counted` is max(reported, confirmed by the register)."""

    day = tables.DateColumn(verbose_name=_("Day"))
    agent = tables.Column(verbose_name=_("Agent staff member"))
    communes = tables.Column(verbose_name=_("Commune"))
    households_visited = NumberColumn(verbose_name=_("Households visited"))
    people_consulted = NumberColumn(verbose_name=_("People consulted"))
    attendees = NumberColumn(verbose_name=_("Attendees"))
    reported = NumberColumn(verbose_name=_("New SI reported"))
    confirmed = NumberColumn(verbose_name=_("New SI in the register"))
    counted = NumberColumn(verbose_name=_("New SI counted"))
    new_hi = NumberColumn(verbose_name=_("New household HI"))
    notes = tables.Column(verbose_name=_("Notes"), default="", orderable=False)

    class Meta:
        attrs = {"class": "table", "id": "campaign-results"}
        order_by = ("-day",)
