"""The dashboard's plotly figures, built server-side and drawn by static/js/dashboard.js."""

import calendar

import plotly.graph_objects as go
import plotly.io as pio
from django.utils.translation import get_language
from django.utils.translation import gettext as _

from enrollment.progress.models import ProgressMetric
from enrollment.progress.selectors.dashboards import achievement
from enrollment.progress.selectors.standing import standing_of
from enrollment.shared import colours
from enrollment.shared.formats import number

RANK_ALL_UP_TO = 120  # every child is drawn (the chart scrolls); past this, the top and bottom 10
RANK_BAR_PX = 24
BREAKDOWN_ROWS = 15
MONTHS_PX = 56  # below the plot: month labels (mm/yyyy), turned when the chart is narrow


def _number(value):
    return float(value) if value is not None else None


def _figure(traces, title, height=340, xaxis=None, yaxis=None, empty=False, empty_text=None, margin=None, **extra):
    """One go.Layout built whole: plotly validates it once instead of once per update call.

    Plotly draws a chart twice when its axis labels need more room than the margin gives. A `margin` wide
    enough for the numbers on the y axis and the months below saves that second drawing on a desktop
    (bench/first_open.py); a phone's turned labels still get the room they need."""
    # No accidental zoom on a phone (a tap still drills down); 1.000 and 2.000 grouped like 10.000.
    axis = {"automargin": True, "fixedrange": True, "separatethousands": True}
    if empty:
        traces = []  # no legend, no zero labels: only what to expect
        axis["visible"] = False
        extra["annotations"] = [{"text": empty_text or _("No figures yet"), "showarrow": False, "xref": "paper", "yref": "paper",
                                 "x": 0.5, "y": 0.5, "font": {"size": 14, "color": colours.PLAN}}]
        height = min(height, 220)
    layout = go.Layout(
        title={"text": title, "x": 0, "font": {"size": 15}},
        separators=",." if (get_language() or "vi").startswith("vi") else ".,",
        height=height, margin={"l": 8, "r": 8, "t": 40, "b": 8, **(margin or {})},
        legend={"orientation": "h", "yref": "container", "y": 0, "yanchor": "bottom", **extra.pop("legend", {})},
        plot_bgcolor="#fff", paper_bgcolor="#fff",
        font={"family": "system-ui, Arial, sans-serif", "size": 12},
        xaxis={**axis, **(xaxis or {})},
        yaxis={**axis, "automargin": margin is None, "gridcolor": "#e3e8ee", **(yaxis or {})}, **extra,
    )
    return go.Figure(data=traces, layout=layout)


def _margin_for_numbers(values, bottom=8):
    """Room for y tick labels of numbers up to the largest value (about 7 px a character at 12 px)."""
    widest = max((len(number(v)) for v in values if v is not None), default=1)
    return {"l": 14 + 7 * widest, "b": bottom}


def _day_label(day):
    if day.day == calendar.monthrange(day.year, day.month)[1]:
        return day.strftime("%m/%Y")
    return day.strftime("%d/%m/%Y")


def cumulative_chart(board):
    history = board.history
    x = [_day_label(s.date) for s in history]
    traces = [
        go.Bar(x=x, y=[_number(s.actual) for s in history], name=_("Actual"), marker_color=colours.ACTUAL,
               hovertemplate="%{x}: %{y:,.0f}<extra></extra>"),
        go.Scatter(x=x, y=[_number(s.phased_to_date) for s in history], name=_("Phased plan"), mode="lines+markers",
                   line={"color": colours.PHASED_PLAN, "width": 3}, hovertemplate="%{x}: %{y:,.0f}<extra></extra>"),
        go.Scatter(x=x, y=[_number(s.plan_in_force) for s in history], name=_("Plan in force"), mode="lines",
                   line={"color": colours.PLAN, "dash": "dash"}, hovertemplate="%{y:,.0f}<extra></extra>"),
    ]
    if any(s.plan_initial != s.plan_in_force for s in history):
        traces.append(go.Scatter(x=x, y=[_number(s.plan_initial) for s in history], name=_("Initial plan"),
                                 mode="lines", line={"color": colours.PLAN, "dash": "dot"},
                                 hovertemplate="%{y:,.0f}<extra></extra>"))
    values = [y for trace in traces for y in trace.y]
    return _figure(traces, _("Cumulative actual against the plan, by month"), xaxis={"type": "category"},
                   yaxis={"tickformat": ",.0f"}, empty=not history, margin=_margin_for_numbers(values, MONTHS_PX))


def new_by_month_chart(board):
    rows = board.new_by_month
    x = [f"{month:%m/%Y}" for month, _new in rows]
    bar = go.Bar(x=x, y=[new for _month, new in rows], name=_("New participants"), marker_color=colours.ACTUAL,
                 texttemplate="%{y:,.0f}", textposition="outside", hovertemplate="%{x}: %{y:,.0f}<extra></extra>")
    return _figure([bar], _("New participants per month"), xaxis={"type": "category"}, yaxis={"tickformat": ",.0f"},
                   empty=not any(new for _month, new in rows),
                   margin=_margin_for_numbers([new for _month, new in rows], MONTHS_PX))


def ranked_children(children):
    """([(group, name, rows)], how many are not drawn): every child best first, or the 10 highest and the
    10 lowest of a list too long to draw."""
    if len(children) <= RANK_ALL_UP_TO:
        return [("all", "", children)], 0
    return [("highest", _("10 highest"), children[:10]), ("lowest", _("10 lowest"), children[-10:])], \
        len(children) - 20


def children_ranked_by_plan_without_plan(board):
    """True when the units below are ranked by plan and none of them has one: nothing to draw."""
    return board.ranking != "growth" and bool(board.children) and all(
        achievement(row) is None for row in board.children)


def children_chart(board, child_url):
    traces = []
    by_growth = board.ranking == "growth"
    value = (lambda row: _number(row.growth_percent)) if by_growth else (lambda row: _number(achievement(row)))
    groups, _hidden = ranked_children(board.children)
    # Plotly draws the first category at the bottom: the worst first, so the best end on top. The colour of
    # a bar is where the unit stands against its phased plan; the 10 lowest are hatched.
    for group, name, rows in reversed(groups):
        rows = list(reversed(rows))
        lowest = group == "lowest"
        traces.append(go.Bar(
            y=[row.unit.name for row in rows], x=[value(row) for row in rows], orientation="h",
            name=name or (_("Growth on last year (%)") if by_growth else _("Plan achieved (%)")), showlegend=bool(name),
            marker={"color": [standing_of(row).colour for row in rows],
                    "pattern": {"shape": "/" if lowest else "", "fgcolor": "#fff", "solidity": 0.3}},
            customdata=[[child_url(row.unit), str(standing_of(row).label)] for row in rows],
            texttemplate="%{x:,.1f}%", textposition="auto",
            hovertemplate="%{y}: %{x:,.1f}% · %{customdata[1]}<extra></extra>",
        ))
    count = sum(len(trace.y) for trace in traces)
    if by_growth:
        title = _("Provinces ranked by growth on last year (%)") if board.unit is None else \
            _("Units below ranked by growth on last year (%)")
    else:
        title = _("Provinces ranked by plan achieved (%)") if board.unit is None else \
            _("Units below ranked by plan achieved (%)")
    return _figure(traces, title, height=max(220, 70 + RANK_BAR_PX * count), yaxis={"type": "category"},
                   xaxis={"ticksuffix": "%", "side": "top"}, barmode="overlay",
                   empty=not count or children_ranked_by_plan_without_plan(board),
                   empty_text=_("The units below have no plans yet") if count else None)


def renewal_parts(board):
    """[(key, label, people)] of the month's renewals: paid again, promised, stopped, still unpaid."""
    def actual(metric):
        return int(getattr(board.figures.get(metric), "actual", None) or 0)

    due, paid = actual(ProgressMetric.RENEWALS_DUE), actual(ProgressMetric.RENEWALS_PAID)
    promised, lapsed = actual(ProgressMetric.RENEWALS_PROMISED), actual(ProgressMetric.RENEWALS_LAPSED)
    return [("paid", _("Paid again"), paid), ("promised", _("Promised to pay"), promised),
            ("lapsed", _("Stopped"), lapsed), ("unpaid", _("Still unpaid"), max(due - paid - promised - lapsed, 0))]


def renewal_chart(board):
    parts = renewal_parts(board)
    due = sum(people for _key, _label, people in parts)
    row = [_("Due this month")]
    traces = [go.Bar(y=row, x=[people], name=str(label), orientation="h",
                     marker_color=colours.RENEWAL_PARTS[key], texttemplate="%{x:,.0f}", textposition="inside",
                     hovertemplate=f"{label}: %{{x:,.0f}}<extra></extra>")
              for key, label, people in parts]
    title = _("Renewals of the month: %(due)s due") % {"due": number(due)}
    return _figure(traces, title, height=200, barmode="stack", yaxis={"type": "category", "showticklabels": False},
                   xaxis={"tickformat": ",.0f"}, legend={"traceorder": "normal"},
                   empty=not due, margin={"b": 24})


def breakdown_chart(board, dimension, title):
    rows = list(reversed(board.breakdowns.get(dimension, [])[:BREAKDOWN_ROWS]))
    names = [row.label or row.key for row in rows]
    traces = [
        go.Bar(y=names, x=[row.new_participants for row in rows], orientation="h", name=_("New participants"),
               marker_color=colours.ACTUAL, hovertemplate="%{y}: %{x:,.0f}<extra></extra>"),
        go.Bar(y=names, x=[row.active_participants for row in rows], orientation="h", name=_("Active participants"),
               marker_color=colours.LIGHT, hovertemplate="%{y}: %{x:,.0f}<extra></extra>"),
    ]
    return _figure(traces, title, height=max(220, 90 + 40 * len(rows)), barmode="group", yaxis={"type": "category"},
                   xaxis={"tickformat": ",.0f"}, empty=not rows)


def to_json(fig):
    """JSON safe to place inside a <script> element."""
    return pio.to_json(fig, validate=False).replace("<", "\\u003c").replace(">", "\\u003e").replace("&", "\\u0026")
