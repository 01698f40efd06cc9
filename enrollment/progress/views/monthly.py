"""New participants per month (and active participants at each month end) split by one dimension:
agent type, organisation's agent staff, target group, campaign, officer. A stacked bar chart with a
dimension picker, and the same figures as a table exported to CSV and XLSX."""

import django_tables2 as tables
import plotly.graph_objects as go
from django import forms
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment.progress.models import BreakdownDimension
from enrollment.progress.selectors.dashboards import DASHBOARD_ROLES, shown_date, visible_dimensions
from enrollment.progress.selectors.monthly import SERIES_DIMENSIONS, monthly_series
from enrollment.progress.views.charts import _figure, to_json
from enrollment.progress.views.dashboards import DashboardQuery, _national_or_404, _unit_for_user, dashboard_url
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import render_table
from enrollment.shared.tables import NumberColumn
from enrollment.territory.selectors import unit_ancestors

STACKED_KEYS = 10  # more keys than this: the rest are drawn as one "others" bar
MEASURES = [("new", gettext_lazy("New participants in the month")),
            ("active", gettext_lazy("Active participants at the month end"))]


class SeriesQuery(forms.Form):
    dimension = forms.ChoiceField(required=False, choices=SERIES_DIMENSIONS)
    measure = forms.ChoiceField(required=False, choices=MEASURES)

    def values(self):
        data = self.cleaned_data if self.is_valid() else {}
        return data.get("dimension") or BreakdownDimension.AGENT_TYPE, data.get("measure") or "new"


def series_table(series, measure):
    """Rows of keys, a column per month and the total (new participants) or none (a stock)."""
    month_columns = [(f"m{i}", NumberColumn(verbose_name=f"{month:%m/%Y}")) for i, month in enumerate(series.months)]
    extra = [("label", tables.Column(verbose_name=_("Name"))), ("key", tables.Column(verbose_name=_("Code"), visible=False)),  # a code: in exports only
             *month_columns]
    if measure == "new":
        extra.append(("total", NumberColumn(verbose_name=_("Total"))))
    data = []
    for key, entry in series.rows():
        values = entry[measure]
        row = {"label": entry["label"], "key": key, **{f"m{i}": v for i, v in enumerate(values)}}
        row["total"] = sum(v for v in values if v is not None)
        data.append(row)
    table = tables.Table(data, extra_columns=extra, attrs={"class": "table", "id": "monthly-series"},
                         empty_text=_("No figures for this breakdown on this date."), orderable=True)
    return table


def series_chart(series, measure, title):
    rows = series.rows()
    shown, rest = rows[:STACKED_KEYS], rows[STACKED_KEYS:]
    x = [f"{month:%m/%Y}" for month in series.months]
    traces = [go.Bar(x=x, y=entry[measure], name=entry["label"], hovertemplate="%{x}: %{y:,.0f}<extra>%{fullData.name}</extra>")
              for _key, entry in shown]
    if rest:
        summed = [None if all(e[measure][i] is None for _k, e in rest) else
                  sum(e[measure][i] or 0 for _k, e in rest) for i in range(len(x))]
        traces.append(go.Bar(x=x, y=summed, name=_("Others"), hovertemplate="%{x}: %{y:,.0f}<extra></extra>"))
    return _figure(traces, title, height=380, barmode="stack", xaxis={"type": "category"},
                   yaxis={"tickformat": ",.0f"}, empty=not rows)


@scoped_view(roles=DASHBOARD_ROLES)
def monthly_national(request):
    _national_or_404(request.user)
    return _monthly(request, None)


@scoped_view(roles=DASHBOARD_ROLES)
def monthly_unit(request, pk):
    return _monthly(request, _unit_for_user(request.user, pk))


def _monthly(request, unit):
    user = request.user
    day, metric = DashboardQuery(request.GET).values()
    query = SeriesQuery(request.GET)
    dimension, measure = query.values()
    # A viewer sees no breakdown by person (agent staff, officers): not offered, not served.
    dimensions = [(d, title) for d, title in SERIES_DIMENSIONS if d in visible_dimensions(user)]
    if dimension not in dict(dimensions):
        dimension = dimensions[0][0]
    shown = shown_date(user, unit, day)
    series = monthly_series(user, unit, shown, dimension)
    title = f"{dict(MEASURES)[measure]} · {dict(SERIES_DIMENSIONS)[dimension]}"
    code = unit.code if unit else "vn"
    return render_table(request, series_table(series, measure), "enrollment/dashboards/monthly.html", {
        "unit": unit, "shown": shown, "requested": day, "query": query, "dimension": dimension, "measure": measure,
        "dimensions": dimensions, "measures": MEASURES, "title": title,
        "missing": [m for i, m in enumerate(series.months) if i not in series.computed],
        "chart": to_json(series_chart(series, measure, title)) if shown else None,
        "dashboard_link": dashboard_url(unit, shown, metric),
        "ancestors": unit_ancestors(user, unit) if unit else [],
    }, filename=f"monthly-{code}-{dimension}-{measure}-{shown:%Y%m%d}" if shown else f"monthly-{code}")
