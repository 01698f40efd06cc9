import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from agents.models import (
    AgentCard, AgentOrganisation, AgentStaff, Campaign, CollectionPoint, Contract, ContractReview, TrainingRecord,
)
from enrollment.templatetags.bhxh import number, percent

NUM = {"td": {"class": "num"}, "th": {"class": "num"}}


def mask(value, keep=3):
    """0912345678 → *******678: for roles that do not need to call or identify the person."""
    value = value or ""
    return "*" * max(len(value) - keep, 0) + value[-keep:] if value else ""


class NumberColumn(tables.Column):
    def __init__(self, *args, digits=0, **kwargs):
        kwargs.setdefault("attrs", NUM)
        self.digits = digits
        super().__init__(*args, **kwargs)

    def render(self, value):
        return number(value, self.digits)

    def value(self, value):
        return value


class PercentColumn(NumberColumn):
    def render(self, value):
        return percent(value)


class EditColumn(tables.Column):
    """A link to the row's edit page, for those who may write; never exported."""

    def __init__(self, url_name, **kwargs):
        kwargs.update(empty_values=(), orderable=False, exclude_from_export=True, verbose_name="")
        super().__init__(**kwargs)
        self.url_name = url_name

    def render(self, record):
        return format_html('<a href="{}">{}</a>', reverse(self.url_name, args=[record.pk]), _("Edit"))


class OrganisationTable(tables.Table):
    name = tables.Column(linkify=("agents:organisation_detail", {"pk": tables.A("pk")}), verbose_name=_("Name"))
    organisation_type = tables.Column(verbose_name=_("Type"))
    unit = tables.Column(accessor="unit__name", verbose_name=_("Contracting unit"))
    contract = tables.Column(accessor="contract_number", verbose_name=_("Contract"), default="—")
    point_count = NumberColumn(verbose_name=_("Points"))
    staff_count = NumberColumn(verbose_name=_("Active staff"))

    class Meta:
        model = AgentOrganisation
        fields = ("name", "organisation_type", "unit", "contract", "point_count", "staff_count", "is_active")
        attrs = {"class": "table", "id": "organisations"}


class ContractTable(tables.Table):
    edit = EditColumn("agents:contract_edit")

    class Meta:
        model = Contract
        fields = ("number", "signed_on", "valid_from", "valid_to", "status", "terminated_on", "termination_reason",
                  "edit")
        attrs = {"class": "table", "id": "contracts"}


class PointTable(tables.Table):
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
        fields = ("name", "organisation", "unit", "communes_served", "staff_count", "is_active", "edit")
        attrs = {"class": "table", "id": "points"}


class AgentStaffTable(tables.Table):
    full_name = tables.Column(linkify=("agents:staff_detail", {"pk": tables.A("pk")}), verbose_name=_("Full name"))
    point = tables.Column(accessor="point__name", verbose_name=_("Collection point"))
    organisation = tables.Column(accessor="point__organisation__name", verbose_name=_("Agent organisation"))
    phone = tables.Column(verbose_name=_("Phone"))
    trained = tables.BooleanColumn(verbose_name=_("Trained"))
    card_number = tables.Column(verbose_name=_("Card"), default="—")
    card_expires_on = tables.DateColumn(verbose_name=_("Card expires on"), default="—")

    def __init__(self, *args, shows_phone=lambda member: False, **kwargs):
        self.shows_phone = shows_phone
        super().__init__(*args, **kwargs)

    def render_phone(self, record, value):
        return value if self.shows_phone(record) else mask(value)

    def value_phone(self, record, value):
        return self.render_phone(record, value)

    class Meta:
        model = AgentStaff
        fields = ("full_name", "point", "organisation", "phone", "trained", "card_number", "card_expires_on",
                  "is_active")
        attrs = {"class": "table", "id": "agent-staff"}


class TrainingRecordTable(tables.Table):
    staff = tables.Column(accessor="staff__full_name", verbose_name=_("Agent staff member"))
    point = tables.Column(accessor="staff__point__name", verbose_name=_("Collection point"))
    course = tables.Column(accessor="course__name", verbose_name=_("Training course"))
    edit = EditColumn("agents:training_record_edit")

    class Meta:
        model = TrainingRecord
        fields = ("staff", "point", "course", "class_name", "trained_on", "result", "edit")
        attrs = {"class": "table", "id": "training-records"}


class CardTable(tables.Table):
    edit = EditColumn("agents:card_edit")

    class Meta:
        model = AgentCard
        fields = ("number", "issued_on", "expires_on", "edit")
        attrs = {"class": "table", "id": "cards"}


class TrainingCountTable(tables.Table):
    name = tables.Column(verbose_name=_("Name"))
    staff = NumberColumn(verbose_name=_("Active staff"))
    trained = NumberColumn(verbose_name=_("Trained"))
    carded = NumberColumn(verbose_name=_("Holding a valid card"))

    class Meta:
        attrs = {"class": "table", "id": "training-counts"}


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


class PerformanceTable(tables.Table):
    rank = NumberColumn(verbose_name=_("Rank"))
    name = tables.Column(verbose_name=_("Name"))
    parent = tables.Column(verbose_name=_("Belongs to"))
    new = NumberColumn(verbose_name=_("New participants"))
    renewals = NumberColumn(verbose_name=_("Renewals collected"))
    target = NumberColumn(verbose_name=_("Quota"), digits=0, default="—")
    percent = PercentColumn(verbose_name=_("Share of quota (%)"), default="—")

    def render_name(self, record, value):
        if not getattr(record, "partial", False):
            return value
        return format_html('{} <span class="badge" title="{}">{}</span>', value,
                           _("Only its points in your area: their staff's results against their points' quotas."),
                           _("part in your area"))

    def value_name(self, record, value):
        return f"{value} ({_('part in your area')})" if getattr(record, "partial", False) else value

    class Meta:
        attrs = {"class": "table", "id": "performance"}
        orderable = False


def performance_table(rows, months=None, *, show_rank=False):
    """The performance table, with one column per month (the trend) when `months` is given."""
    extra = []
    for month in months or []:
        key = month.strftime("m%Y%m")
        for row in rows:
            setattr(row, key, row.by_month.get(month, 0))
        extra.append((key, NumberColumn(verbose_name=month.strftime("%m/%Y"), accessor=key)))
    exclude = () if show_rank else ("rank",)
    return PerformanceTable(rows, extra_columns=extra, exclude=exclude)


class ReviewTable(tables.Table):
    """The contract review list as an export."""

    agent = tables.Column(accessor="agent__full_name", verbose_name=_("Agent staff member"))
    point = tables.Column(accessor="agent__point__name", verbose_name=_("Collection point"))
    organisation = tables.Column(accessor="agent__point__organisation__name", verbose_name=_("Agent organisation"))
    months = tables.Column(verbose_name=_("Months"))
    decided_by = tables.Column(accessor="decided_by__username", verbose_name=_("Decided by"), default="")

    def value_months(self, value):
        return "; ".join(f"{m[0]}: {m[1]}/{m[2]} ({m[3]}%)" for m in value)

    class Meta:
        model = ContractReview
        fields = ("agent", "point", "organisation", "period_end", "months", "decision", "decision_note",
                  "decided_by", "decided_at")
        attrs = {"class": "table"}
