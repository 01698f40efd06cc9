import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from agents.shared.tables import EditColumn, mask
from agents.staff.models import AgentCard, AgentStaff, TrainingRecord
from enrollment.shared.tables import NumberColumn


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
