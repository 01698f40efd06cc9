"""The dashboard's plotly figures, built server-side and drawn by static/js/dashboard.js."""

import calendar

import plotly.graph_objects as go
import plotly.io as pio
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from enrollment.progress.models import ProgressMetric, ProgressStatus
from enrollment.progress.selectors.dashboards import achievement

STATUS_COLOURS = {ProgressStatus.ON_TRACK: "#1e7b34", ProgressStatus.AT_RISK: "#b3261e", ProgressStatus.NO_PLAN: "#8a94a3"}
BLUE, ORANGE, GREY, LIGHT = "#0b5394", "#e69138", "#5f6b7a", "#9fc5e8"
RANK_ALL_UP_TO = 20  # more children than this: the top 10 and the bottom 10
BREAKDOWN_ROWS = 15


def _number(value):
    return float(value) if value is not None else None


def _figure(traces, title, height=340, xaxis=None, yaxis=None, empty=False, **extra):
    """One go.Layout built whole: plotly validates it once instead of once per update call."""
    axis = {"automargin": True, "fixedrange": True}  # no accidental zoom on a phone; a tap still drills down
    if empty:
        axis["visible"] = False
        extra["annotations"] = [{"text": _("No figures yet"), "showarrow": False, "xref": "paper", "yref": "paper",
                                 "x": 0.5, "y": 0.5, "font": {"size": 14, "color": GREY}}]
        height = min(height, 220)
    layout = go.Layout(
        title={"text": title, "x": 0, "font": {"size": 15}},
        separators=",." if (get_language() or "vi").startswith("vi") else ".,",
        height=height, margin={"l": 8, "r": 8, "t": 40, "b": 8},
        legend={"orientation": "h", "y": -0.15}, plot_bgcolor="#fff", paper_bgcolor="#fff",
        font={"family": "system-ui, Arial, sans-serif", "size": 12},
        xaxis={**axis, **(xaxis or {})}, yaxis={**axis, "gridcolor": "#e3e8ee", **(yaxis or {})}, **extra,
    )
    return go.Figure(data=traces, layout=layout)


def _day_label(day):
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return day.strftime("%m/%Y")
    return day.strftime("%d/%m/%Y")


def cumulative_chart(board):
    history = board.history
    x = [_day_label(s.date) for s in history]
    traces = [
        go.Bar(x=x, y=[_number(s.actual) for s in history], name=_("Actual"), marker_color=BLUE,
               hovertemplate="%{x}: %{y:,.0f}<extra></extra>"),
        go.Scatter(x=x, y=[_number(s.phased_to_date) for s in history], name=_("Phased plan"), mode="lines+markers",
                   line={"color": ORANGE, "width": 3}, hovertemplate="%{x}: %{y:,.0f}<extra></extra>"),
        go.Scatter(x=x, y=[_number(s.plan_in_force) for s in history], name=_("Plan in force"), mode="lines",
                   line={"color": GREY, "dash": "dash"}, hovertemplate="%{y:,.0f}<extra></extra>"),
    ]
    if any(s.plan_initial != s.plan_in_force for s in history):
        traces.append(go.Scatter(x=x, y=[_number(s.plan_initial) for s in history], name=_("Initial plan"),
                                 mode="lines", line={"color": GREY, "dash": "dot"},
                                 hovertemplate="%{y:,.0f}<extra></extra>"))
    return _figure(traces, _("Cumulative actual against the plan, by month"), xaxis={"type": "category"},
                   yaxis={"tickformat": ",.0f"}, empty=not history)


def new_by_month_chart(board):
    rows = board.new_by_month
    x = [f"{month:%m/%Y}" for month, _new in rows]
    bar = go.Bar(x=x, y=[new for _month, new in rows], name=_("New participants"), marker_color=BLUE,
                 texttemplate="%{y:,.0f}", textposition="outside", hovertemplate="%{x}: %{y:,.0f}<extra></extra>")
    return _figure([bar], _("New participants per month"), xaxis={"type": "category"}, yaxis={"tickformat": ",.0f"},
                   empty=not any(new for _month, new in rows))


def ranked_children(children):
    """All children best first, or the top 10 and the bottom 10 of a long list."""
    if len(children) <= RANK_ALL_UP_TO:
        return [("", children)]
    return [(_("Top 10"), children[:10]), (_("Bottom 10"), children[-10:])]


def children_chart(board, child_url):
    traces = []
    by_growth = board.ranking == "growth"
    value = (lambda row: _number(row.growth_percent)) if by_growth else (lambda row: _number(achievement(row)))
    # Plotly draws the first category at the bottom: the worst first, so the best end on top.
    for name, rows in reversed(ranked_children(board.children)):
        rows = list(reversed(rows))
        traces.append(go.Bar(
            y=[row.unit.name for row in rows], x=[value(row) for row in rows], orientation="h",
            name=name or (_("Growth on last year (%)") if by_growth else _("Plan achieved (%)")), showlegend=bool(name),
            marker_color=[STATUS_COLOURS.get(row.status, GREY) for row in rows],
            customdata=[child_url(row.unit) for row in rows],
            texttemplate="%{x:,.1f}%", textposition="auto", hovertemplate="%{y}: %{x:,.1f}%<extra></extra>",
        ))
    count = sum(len(trace.y) for trace in traces)
    if by_growth:
        title = _("Provinces ranked by growth on last year (%)") if board.unit is None else \
            _("Units below ranked by growth on last year (%)")
    else:
        title = _("Provinces ranked by plan achieved (%)") if board.unit is None else \
            _("Units below ranked by plan achieved (%)")
    return _figure(traces, title, height=max(220, 60 + 26 * count), yaxis={"type": "category"},
                   xaxis={"ticksuffix": "%"}, barmode="overlay")


def renewal_chart(board):
    labels = [_("Due to pay again"), _("Paid again"), _("Lapsed")]
    values = [_number(getattr(board.figures.get(m), "actual", None)) or 0 for m in (
        ProgressMetric.RENEWALS_DUE, ProgressMetric.RENEWALS_PAID, ProgressMetric.RENEWALS_LAPSED)]
    funnel = go.Funnel(y=labels, x=values, texttemplate="%{value:,.0f}<br>%{percentInitial:.1%}",
                       hovertemplate="%{y}: %{value:,.0f}<extra></extra>",
                       marker={"color": [BLUE, "#1e7b34", "#b3261e"]})
    return _figure([funnel], _("Renewals: due, paid again, lapsed"), height=260, empty=not any(values))


def breakdown_chart(board, dimension, title):
    rows = list(reversed(board.breakdowns.get(dimension, [])[:BREAKDOWN_ROWS]))
    names = [row.label or row.key for row in rows]
    traces = [
        go.Bar(y=names, x=[row.new_participants for row in rows], orientation="h", name=_("New participants"),
               marker_color=BLUE, hovertemplate="%{y}: %{x:,.0f}<extra></extra>"),
        go.Bar(y=names, x=[row.active_participants for row in rows], orientation="h", name=_("Active participants"),
               marker_color=LIGHT, hovertemplate="%{y}: %{x:,.0f}<extra></extra>"),
    ]
    return _figure(traces, title, height=max(220, 90 + 40 * len(rows)), barmode="group", yaxis={"type": "category"},
                   xaxis={"tickformat": ",.0f"}, empty=not rows)


def to_json(fig):
    """JSON safe to place inside a <script> element."""
    return pio.to_json(fig, validate=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
