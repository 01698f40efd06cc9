import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from agents.performance.models import ContractReview
from agents.shared.tables import PartialNameColumn
from enrollment.shared.tables import NumberColumn, PercentColumn


class PerformanceTable(tables.Table):
    rank = NumberColumn(verbose_name=_("Rank"), summable=False)
    name = PartialNameColumn(verbose_name=_("Name"))
    parent = tables.Column(verbose_name=_("Belongs to"))
    new = NumberColumn(verbose_name=_("New participants"))
    renewals = NumberColumn(verbose_name=_("Renewals collected"))
    target = NumberColumn(verbose_name=_("Quota"), digits=0, default="—")
    percent = PercentColumn(verbose_name=_("Share of quota (%)"), default="—")

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
