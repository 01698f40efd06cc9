"""The dashboards' figures as tables: sortable, filterable, exported to CSV and XLSX."""

import django_filters
import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from enrollment.progress.models import (
    ProgressBreakdown,
    ProgressSnapshot,
    ProgressStatus,
)
from enrollment.progress.selectors.labels import shown_label
from enrollment.progress.selectors.standing import standing_of, standing_of_percent
from enrollment.shared.tables import (
    GapColumn,
    NumberColumn,
    PercentColumn,
    SignedNumberColumn,
    SignedPercentColumn,
    StatusPercentColumn,
)
from enrollment.territory.models.units import fold


class ChildProgressTable(tables.Table):
    """One row per unit below, for the metric shown; a row opens that unit's dashboard."""

    name = tables.Column(accessor="unit__name", verbose_name=_("Unit"), order_by=("unit__name",))
    code = tables.Column(accessor="unit__code", verbose_name=_("Code"))
    actual = NumberColumn(verbose_name=_("Actual"))
    plan_initial = NumberColumn(verbose_name=_("Initial plan"))
    plan_in_force = NumberColumn(verbose_name=_("Plan in force"))
    phased_to_date = NumberColumn(verbose_name=_("Phased plan to date"))
    achievement_initial = PercentColumn(verbose_name=_("Initial plan achieved (%)"))
    achievement_in_force = PercentColumn(verbose_name=_("Plan in force achieved (%)"))
    achievement_phased = StatusPercentColumn(verbose_name=_("Phased plan achieved (%)"),
                                             status_of=lambda value: standing_of_percent(value).key)
    gap = GapColumn(verbose_name=_("Against the phased plan"))
    forecast = NumberColumn(verbose_name=_("Year-end forecast"))
    last_year = NumberColumn(verbose_name=_("Same day last year"))
    growth = SignedNumberColumn(verbose_name=_("Growth on last year"))
    growth_percent = SignedPercentColumn(verbose_name=_("Growth on last year (%)"))
    standing = tables.Column(verbose_name=_("Status against the phased plan"), accessor="achievement_phased",
                             order_by=("achievement_phased",))
    status = tables.Column(verbose_name=_("Year-end status"))

    class Meta:
        model = ProgressSnapshot
        fields = ()
        sequence = ("name", "code", "actual", "plan_initial", "plan_in_force", "phased_to_date", "achievement_initial",
                    "achievement_in_force", "achievement_phased", "gap", "forecast", "last_year", "growth",
                    "growth_percent", "standing", "status")
        attrs = {"class": "table clickable", "id": "children"}
        empty_text = _("No figures for the units below on this date.")

    def __init__(self, *args, child_url, **kwargs):
        self.child_url = child_url
        kwargs["row_attrs"] = {"data-href": lambda record: self.child_url(record.unit),
                               "data-standing": lambda record: standing_of(record).key}
        super().__init__(*args, **kwargs)

    def render_name(self, record, value):
        return format_html('<a href="{}">{}</a>', self.child_url(record.unit), value)

    def value_name(self, value):
        return value

    def render_standing(self, record):
        found = standing_of(record)
        return format_html('<span class="badge tone-{}">{}</span>', found.key, found.label)

    def value_standing(self, record):
        return str(standing_of(record).label)

    def render_status(self, record):
        return format_html('<span class="badge status-{}">{}</span>', record.status, record.get_status_display())

    def value_status(self, record):
        return record.get_status_display()


class BreakdownTable(tables.Table):
    label = tables.Column(verbose_name=_("Name"), order_by=("label", "key"))
    key = tables.Column(verbose_name=_("Code"), visible=False)  # "vietnam_post", "farmer": in exports only
    new_participants = NumberColumn(verbose_name=_("New participants"))
    active_participants = NumberColumn(verbose_name=_("Active participants"))

    class Meta:
        model = ProgressBreakdown
        fields = ()
        sequence = ("label", "key", "new_participants", "active_participants")
        attrs = {"class": "table", "id": "breakdown"}
        empty_text = _("No figures for this breakdown on this date.")

    def render_label(self, record, value):
        return shown_label(record.dimension, record.key, value)

    def value_label(self, record, value):
        return shown_label(record.dimension, record.key, value)


class NewByMonthTable(tables.Table):
    """New participants of each month of the year, from the month-end snapshots."""

    month = tables.Column(verbose_name=_("Month"))
    new_participants = NumberColumn(verbose_name=_("New participants"))

    class Meta:
        attrs = {"class": "table", "id": "breakdown"}
        empty_text = _("No figures for this breakdown on this date.")


class ChildProgressFilter(django_filters.FilterSet):
    name = django_filters.CharFilter(label=_("Name"), method="filter_name")
    status = django_filters.ChoiceFilter(label=_("Status"), choices=ProgressStatus.choices)
    below = django_filters.NumberFilter(label=_("Plan achieved below (%)"), field_name="achievement_in_force",
                                        lookup_expr="lt")

    class Meta:
        model = ProgressSnapshot
        fields = ["name", "status", "below"]

    def filter_name(self, queryset, name, value):
        return queryset.filter(unit__search_name__contains=fold(value).strip())


class BreakdownFilter(django_filters.FilterSet):
    label = django_filters.CharFilter(label=_("Name"), lookup_expr="icontains")

    class Meta:
        model = ProgressBreakdown
        fields = ["label"]
