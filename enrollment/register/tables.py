import django_tables2 as tables
from django.template.loader import render_to_string
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from enrollment.register.models.participants import (
    Outcome,
    Participant,
    Payment,
    PaymentMethod,
)
from enrollment.register.selectors.participants import (
    PersonalDataPolicy,
    mask_birth_date,
    mask_id,
    mask_name,
    mask_phone,
)
from enrollment.shared.months import add_months
from enrollment.shared.tables import NUM, NumberColumn, PercentColumn


class MoneyColumn(NumberColumn):
    """Amounts in đồng, whole: 1.500.000 on screen, 1500000 in exports."""


class MonthColumn(tables.Column):
    def render(self, value):
        return value.strftime("%m/%Y")


class MaskedTable(tables.Table):
    """Personal data shows in full only where the policy allows it, on the page and in exports."""

    masked = {"full_name": mask_name, "personal_id": mask_id, "phone": mask_phone, "birth_date": mask_birth_date}

    def __init__(self, data, *args, user, participant_field="pk", **kwargs):
        super().__init__(data, *args, **kwargs)
        self.policy = PersonalDataPolicy(user, data)
        self.participant = tables.A(participant_field)
        if not self.policy.full:
            # Sorting by a hidden value would give it away: names sort by their masked form, the rest not at all.
            for name in self.masked:
                if name in self.columns.names():
                    self.columns[name].column.orderable = False
            if "full_name" in self.columns.names():
                self.columns["full_name"].column.orderable = True
                self.columns["full_name"].column.order_by = ("masked_search_name", "pk")

    def shows(self, record):
        return self.policy.full or self.policy.shows(self.participant.resolve(record))

    def personal(self, record, name, value):
        if self.shows(record):
            return value.strftime("%d/%m/%Y") if hasattr(value, "strftime") else value
        return self.masked[name](value)


class ParticipantTable(MaskedTable):
    full_name = tables.Column(verbose_name=_("Full name"), linkify=("participant_detail", {"pk": tables.A("pk")}))
    personal_id = tables.Column(verbose_name=_("Personal ID"))
    birth_date = tables.Column(verbose_name=_("Birth date"))
    phone = tables.Column(verbose_name=_("Phone"))
    commune = tables.Column(verbose_name=_("Commune"), accessor="commune__name", order_by="commune__name")
    village = tables.Column(verbose_name=_("Village"), accessor="village__name", order_by="village__name")
    paid_through = MonthColumn(verbose_name=_("Paid through"))
    next_due = tables.Column(verbose_name=_("Next due"), accessor="paid_through", orderable=False, empty_values=())

    class Meta:
        model = Participant
        fields = ("full_name", "personal_id", "birth_date", "sex", "phone", "commune", "village", "target_group",
                  "support_category", "paid_through", "next_due")
        attrs = {"class": "table", "id": "participants"}

    def render_full_name(self, record, value):
        return self.personal(record, "full_name", value)

    def render_personal_id(self, record, value):
        return self.personal(record, "personal_id", value)

    def render_birth_date(self, record, value):
        return self.personal(record, "birth_date", value)

    def render_phone(self, record, value):
        return self.personal(record, "phone", value)

    def render_support_category(self, record, value):
        return value if self.shows(record) else "—"

    def render_next_due(self, record):
        return add_months(record.paid_through, 1).strftime("%m/%Y") if record.paid_through else "—"


class PaymentTable(tables.Table):
    period_start = MonthColumn(verbose_name=_("From month"))
    period_end = MonthColumn(verbose_name=_("Through month"))
    months = tables.Column(verbose_name=_("Months"), attrs=NUM)
    monthly_income = MoneyColumn(verbose_name=_("Income"))
    gross = MoneyColumn(verbose_name=_("Contribution"))
    state_support = MoneyColumn(verbose_name=_("State support"))
    local_support = MoneyColumn(verbose_name=_("Provincial top-up"))
    net = MoneyColumn(verbose_name=_("Net payable"))
    is_first = tables.BooleanColumn(verbose_name=_("First"))
    edit = tables.LinkColumn("payment_edit", args=[tables.A("pk")], text=_("Correct"), verbose_name="",
                             orderable=False, exclude_from_export=True, empty_values=())

    class Meta:
        model = Payment
        fields = ("paid_on", "period_start", "period_end", "months", "method", "monthly_income", "gross",
                  "state_support", "local_support", "net", "collected_by_staff", "mobilised_by_staff", "is_first",
                  "edit")
        attrs = {"class": "table", "id": "payments"}


def outcome_badge(outcome):
    return format_html('<span class="badge outcome-{}">{}</span>', outcome.outcome, outcome.get_outcome_display())


def outcome_cell(request, record, month, today, form=None, saved=False):
    """The status and the in-place outcome form of one person on the worklist (a whole cell, swapped by htmx)."""
    from enrollment.register.services.renewals import worklist_cell

    return render_to_string("enrollment/renewals/outcome_cell.html",
                            {"cell": worklist_cell(record, month, today, form=form, saved=saved)}, request=request)


class RenewalTable(MaskedTable):
    """The worklist: one compact row per person due; the details stay in the exports."""

    full_name = tables.Column(verbose_name=_("Full name"), linkify=("participant_detail", {"pk": tables.A("pk")}))
    place = tables.Column(verbose_name=_("Commune"), accessor="commune__name", order_by=("commune__name",
                                                                                     "village__name"))
    paid = tables.Column(verbose_name=_("Paid through"), accessor="paid_through", order_by="paid_through")
    work = tables.Column(verbose_name=_("Outcome"), empty_values=(), orderable=False, exclude_from_export=True,
                         attrs={"td": {"class": "work"}})
    personal_id = tables.Column(verbose_name=_("Personal ID"), visible=False)
    phone = tables.Column(verbose_name=_("Phone"), visible=False)
    commune = tables.Column(verbose_name=_("Commune"), accessor="commune__name", visible=False)
    village = tables.Column(verbose_name=_("Village"), accessor="village__name", visible=False)
    last_method = tables.Column(verbose_name=_("Payment method"), visible=False)
    paid_through = MonthColumn(verbose_name=_("Paid through"), visible=False)
    last_collector = tables.Column(verbose_name=_("Collected by"), visible=False)
    status = tables.Column(verbose_name=_("Status"), empty_values=(), visible=False)
    outcome = tables.Column(verbose_name=_("Outcome"), visible=False)
    promised_on = tables.DateColumn(verbose_name=_("Promised on"), format="d/m/Y", visible=False)
    outcome_reason = tables.Column(verbose_name=_("Reason"), visible=False)

    class Meta:
        model = Participant
        fields = ()
        sequence = ("full_name", "place", "paid", "work", "...")
        attrs = {"class": "table worklist", "id": "renewals"}
        row_attrs = {"id": lambda record: f"due-{record.pk}"}

    def __init__(self, data, *args, month, today, request=None, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.month, self.today, self.request = month, today, request

    def render_full_name(self, record, value):
        name = self.personal(record, "full_name", value)
        if not record.phone:
            return name
        return format_html('{}<br><a class="muted" href="tel:{}">{}</a>', name,
                           record.phone if self.shows(record) else "", self.personal(record, "phone", record.phone))

    def value_full_name(self, record, value):
        return self.personal(record, "full_name", value)

    def render_place(self, record, value):
        return format_html("{}<br><span class=\"muted\">{}</span>", value, record.village.name) if record.village_id \
            else value

    def render_paid(self, record, value):
        method = PaymentMethod(record.last_method).label if record.last_method else ""
        return format_html("{}<br><span class=\"muted\">{}</span>", value.strftime("%m/%Y"), method) if method \
            else value.strftime("%m/%Y")

    def render_work(self, record):
        return outcome_cell(self.request, record, self.month, self.today)

    def render_personal_id(self, record, value):
        return self.personal(record, "personal_id", value)

    def render_phone(self, record, value):
        return self.personal(record, "phone", value)

    def render_last_method(self, value):
        return PaymentMethod(value).label if value else "—"

    def render_outcome(self, value):
        return Outcome(value).label if value else "—"

    def value_status(self, record):
        from enrollment.register.services.renewals import STATUS_LABELS, status_of

        return str(STATUS_LABELS[status_of(record, self.month, self.today)])


class RenewalFiguresTable(tables.Table):
    """Due, paid again and lapsed, per month or per unit (rows are dicts)."""

    label = tables.Column(verbose_name=_("Month or unit"), orderable=False)
    due = NumberColumn(verbose_name=_("Due"), orderable=False)
    paid_again = NumberColumn(verbose_name=_("Paid again"), orderable=False)
    lapsed = NumberColumn(verbose_name=_("Lapsed"), orderable=False)
    outstanding = NumberColumn(verbose_name=_("Not yet paid"), orderable=False)
    rate = PercentColumn(verbose_name=_("Renewal rate"), orderable=False)

    class Meta:
        attrs = {"class": "table"}

    def render_label(self, record, value):
        return format_html('<a href="{}">{}</a>', record["url"], value) if record.get("url") else value

    def value_label(self, value):
        return value

