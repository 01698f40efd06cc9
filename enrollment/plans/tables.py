"""Tables of the plan, allocation and quota pages; each exports to XLSX and CSV."""

import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from enrollment.plans.models.plans import PlanChange
from enrollment.plans.models.quotas import OfficerQuota
from enrollment.shared.tables import (
    NUM,
    DateColumn,
    DateTimeColumn,
    LabelColumn,
    NumberColumn,
    PercentColumn,
    YearColumn,
)


class PlanVersionTable(tables.Table):
    """Rows are dicts from the overview view: a version with its achievement."""

    seq = LabelColumn(verbose_name=_("Version"), attrs=NUM)
    kind = tables.Column(verbose_name=_("Kind"))
    document_number = tables.Column(verbose_name=_("Document number"))
    document_date = DateColumn(verbose_name=_("Document date"))
    target = NumberColumn(verbose_name=_("Target"))
    achievement = PercentColumn(verbose_name=_("Achievement"))
    status = tables.Column(verbose_name=_("Status"))
    approved_by = tables.Column(verbose_name=_("Approved by"))
    approved_at = DateTimeColumn(verbose_name=_("Approved"))
    note = tables.Column(verbose_name=_("Note"))

    class Meta:
        attrs = {"class": "table", "id": "versions"}
        orderable = False

    export_totals = False  # versions replace each other: their targets do not add up

    def __init__(self, *args, digits=0, **kwargs):
        super().__init__(*args, **kwargs)
        self.columns["target"].column.digits = digits


class ChildrenPlanTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"))
    name = tables.Column(verbose_name=_("Unit"), linkify=lambda record: record["url"])
    initial = NumberColumn(verbose_name=_("Initial plan"))
    in_force = NumberColumn(verbose_name=_("Plan in force"))
    actual = NumberColumn(verbose_name=_("Actual"))
    achievement = PercentColumn(verbose_name=_("Achievement of the plan in force"))

    class Meta:
        attrs = {"class": "table", "id": "children-plans"}
        orderable = False

    def __init__(self, *args, digits=0, **kwargs):
        super().__init__(*args, **kwargs)
        for name in ("initial", "in_force", "actual"):
            self.columns[name].column.digits = digits


class AllocationExportTable(tables.Table):
    code = tables.Column(verbose_name=_("Code"))
    name = tables.Column(verbose_name=_("Unit"))
    labour_force = NumberColumn(verbose_name=_("Labour force"))
    approved_target = NumberColumn(verbose_name=_("Approved allocation"))
    target = NumberColumn(verbose_name=_("Draft allocation"))
    share = PercentColumn(verbose_name=_("Share of the parent"))

    class Meta:
        attrs = {"class": "table"}
        orderable = False


class PlanChangeTable(tables.Table):
    created_at = DateTimeColumn(verbose_name=_("When"))
    user = tables.Column(verbose_name=_("By"), default="—")
    unit = tables.Column(verbose_name=_("Unit"), accessor="unit__name")
    year = YearColumn(verbose_name=_("Year"))
    metric = tables.Column(verbose_name=_("Metric"))
    action = tables.Column(verbose_name=_("Change"))
    subject = tables.Column(verbose_name=_("What"))
    old_value = tables.Column(verbose_name=_("Old"))
    new_value = tables.Column(verbose_name=_("New"))
    reason = tables.Column(verbose_name=_("Reason"))

    class Meta:
        model = PlanChange
        fields = ("created_at", "user", "unit", "year", "metric", "action", "subject", "old_value", "new_value",
                  "reason")
        attrs = {"class": "table", "id": "history"}
        order_by = ("-created_at",)


class OfficerQuotaTable(tables.Table):
    officer = tables.Column(verbose_name=_("Officer"), accessor="quota__staff__full_name")
    unit = tables.Column(verbose_name=_("Unit"), accessor="quota__staff__unit__name")
    period = tables.Column(verbose_name=_("Period"), accessor="quota__period_label")
    metric = tables.Column(verbose_name=_("Metric"), accessor="quota__get_metric_display")
    target = NumberColumn(verbose_name=_("Quota"), accessor="target")
    phased = NumberColumn(verbose_name=_("Expected by today"), accessor="phased")
    actual = NumberColumn(verbose_name=_("Achieved"), accessor="actual")
    percent = PercentColumn(verbose_name=_("Achievement of the quota"), accessor="percent")
    note = tables.Column(verbose_name=_("Note"), accessor="quota__note")

    class Meta:
        attrs = {"class": "table", "id": "quotas"}
        orderable = False
        model = OfficerQuota
        fields = ()
