"""Progress dashboards: the country, a province, a district, a commune; read from snapshots only."""

from urllib.parse import urlencode

from django import forms
from django.contrib import messages
from django.core.cache import cache
from django.http import Http404, JsonResponse
from django.shortcuts import redirect, render
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import timezone
from django.utils.safestring import mark_safe
from django.utils.translation import get_language, gettext_lazy
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bhxh_targets.redirects import safe_next_url
from enrollment.plans.services.allocation import can_allocate
from enrollment.progress.models import BreakdownDimension, ProgressMetric, RecomputeRun
from enrollment.progress.selectors.dashboards import (
    DASHBOARD_ROLES,
    PLAN_METRIC_CHOICES,
    RANKING,
    breakdowns,
    children_filter,
    dashboard_audience,
    dashboard_for,
    figures_state,
    new_by_month_of,
    shown_date,
    snapshots,
    visible_dimensions,
)
from enrollment.progress.selectors.standing import thresholds_text
from enrollment.progress.services.engine import run_progress_percent
from enrollment.progress.services.on_demand import RecomputeRefused, dashboard_recompute_request
from enrollment.progress.views import charts
from enrollment.progress.views.tables import (
    BreakdownFilter,
    BreakdownTable,
    ChildProgressFilter,
    ChildProgressTable,
    NewByMonthTable,
)
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import ExportTitle, render_table
from enrollment.shared.forms import date_field
from enrollment.shared.models.users import OFFICE_ROLES
from enrollment.shared.scoping import get_unit_for_user, scope_path
from enrollment.territory.models.units import CodeSet, Level
from enrollment.territory.selectors import reform_counterparts, unit_ancestors

DIMENSION_TITLES = {
    BreakdownDimension.AGENT_TYPE: gettext_lazy("By agent type"),
    BreakdownDimension.TARGET_GROUP: gettext_lazy("By target group"),
    BreakdownDimension.CAMPAIGN: gettext_lazy("By campaign"),
    BreakdownDimension.OFFICER: gettext_lazy("By officer"),
    BreakdownDimension.AGENT_STAFF: gettext_lazy("By agent staff"),
    BreakdownDimension.MONTH: gettext_lazy("New participants per month"),
}

PARTS_CACHE_SECONDS = 6 * 3600


class DashboardQuery(forms.Form):
    date = date_field(gettext_lazy("Date"), required=False,
                      error_messages={"invalid": gettext_lazy("Enter a valid date (dd/mm/yyyy).")})
    metric = forms.ChoiceField(required=False, choices=PLAN_METRIC_CHOICES)
    rank = forms.ChoiceField(required=False, choices=[("plan", gettext_lazy("% of plan")),
                                                      ("growth", gettext_lazy("Growth on last year"))])
    # The country's dashboard and tables in the legacy view: the former provinces below it.
    units = forms.ChoiceField(required=False, choices=[("", gettext_lazy("2025 units")),
                                                       (CodeSet.LEGACY, gettext_lazy("Units before 01/07/2025"))])

    def code_set(self):
        legacy = self.is_valid() and self.cleaned_data.get("units") == CodeSet.LEGACY
        return CodeSet.LEGACY if legacy else CodeSet.CURRENT

    def ranking(self):
        return (self.cleaned_data.get("rank") if self.is_valid() else None) or "plan"

    def values(self):
        today = timezone.localdate()
        if not self.is_valid():
            return today, ProgressMetric.SI_PARTICIPANTS
        day = self.cleaned_data["date"] or today
        return min(day, today), self.cleaned_data["metric"] or ProgressMetric.SI_PARTICIPANTS


def dashboard_url(unit, day=None, metric=None, name=None, code_set=None):
    url = reverse(name or "dashboard_unit", args=[unit.pk]) if unit else reverse(name or "dashboard_national")
    query = {k: v for k, v in (("date", day and day.isoformat()), ("metric", metric)) if v}
    if unit is None and code_set == CodeSet.LEGACY:
        query["units"] = CodeSet.LEGACY
    if metric == ProgressMetric.SI_PARTICIPANTS:
        query.pop("metric")
    return f"{url}?{urlencode(query)}" if query else url


def _unit_for_user(user, pk):
    """The unit a dashboard is about: in the user's scope (or a former unit their area took in), or a 404."""
    return get_unit_for_user(user, pk, legacy=True) if pk is not None else None


def _national_or_404(user):
    if scope_path(user) != "":
        raise Http404


@scoped_view(roles=DASHBOARD_ROLES)
def dashboard_home(request):
    """Each user's own dashboard: the country for national users, else their scope unit."""
    user = request.user
    if scope_path(user) == "":
        return redirect("dashboard_national")
    if user.scope_unit_id is None:
        return render(request, "enrollment/dashboards/no_scope.html")
    return redirect("dashboard_unit", pk=user.scope_unit_id)


@scoped_view(roles=DASHBOARD_ROLES)
def dashboard_national(request):
    _national_or_404(request.user)
    return _dashboard(request, None)


@scoped_view(roles=DASHBOARD_ROLES)
def dashboard_unit(request, pk):
    return _dashboard(request, _unit_for_user(request.user, pk))


def _dashboard(request, unit):
    query = DashboardQuery(request.GET)
    day, metric = query.values()
    version, freshness = figures_state()
    board = _board(request.user, unit, day, metric, version, query.ranking(), query.code_set())

    pinned = bool(request.GET.get("date"))  # a date picked by hand is kept while drilling down

    def child_url(child):
        return dashboard_url(child, board.shown if pinned else None, metric)

    context = {
        "board": board, "unit": unit, "query": query, "metric": metric, "metrics": PLAN_METRIC_CHOICES,
        "metric_label": dict(PLAN_METRIC_CHOICES)[metric], "is_percent": metric == ProgressMetric.COVERAGE,
        "ancestors": unit_ancestors(request.user, unit) if unit else [],
        "others": [board.figures.get(m) for m, _label in PLAN_METRIC_CHOICES if m != metric],
        "can_recompute": request.user.role in OFFICE_ROLES, "freshness": freshness, "thresholds": thresholds_text(),
        "table_url": dashboard_url(unit, board.shown, metric, name="dashboard_table_unit" if unit else
                                   "dashboard_table_national", code_set=board.code_set),
        "reform": _reform_switch(request.user, unit, board, metric),
    }
    if board.shown is None and context["can_recompute"]:
        context["run"] = _dashboard_run(request.GET.get("run"))
    if board.shown is not None:
        context["parts"] = _parts(board, child_url, pinned)
        context["ranking"] = _ranking_notes(request.user, board, context["table_url"])
    return render(request, "enrollment/dashboards/dashboard.html", context)


def _board(user, unit, day, metric, version, ranking="plan", code_set=CodeSet.CURRENT):
    """The dashboard's figures, cached until snapshots are written again. The unit is already in
    the user's scope, so what differs between its readers is their audience (office or viewer)."""
    key = (f"dashboard-board:{unit.pk if unit else 'vn'}:{dashboard_audience(user)}:{day}:{metric}:{ranking}:"
           f"{code_set}:{version}")
    return cache.get_or_set(key, lambda: dashboard_for(user, unit, day, metric, ranking, code_set),
                            PARTS_CACHE_SECONDS)


class _Ref:
    def __init__(self, pk):
        self.pk = pk


def _reform_switch(user, unit, board, metric):
    """The switch between the 2025 units and those before 01/07/2025 ("Đơn vị trước 01/07/2025"): on
    the country's dashboard, its former provinces; elsewhere the units across the reform."""
    day = board.shown if board.shown and board.shown != board.requested else board.requested
    legacy = board.code_set == CodeSet.LEGACY if unit is None else unit.code_set == CodeSet.LEGACY
    if unit is None:
        links = [{"name": _("Provinces before 01/07/2025"), "url": dashboard_url(None, day, metric,
                                                                                   code_set=CodeSet.LEGACY)}]
        back = dashboard_url(None, day, metric)
    else:
        # The tree changes rarely: kept per unit and reader's area for the day (no query on a cached dashboard).
        key = f"reform-switch:{unit.pk}:{user.scope_unit_id if scope_path(user) else 'vn'}:{timezone.localdate()}"
        others = cache.get_or_set(key, lambda: [(o.pk, o.name) for o in reform_counterparts(user, unit)],
                                  PARTS_CACHE_SECONDS)
        links = [{"name": name, "url": dashboard_url(_Ref(pk), day, metric)} for pk, name in others]
        back = None
    return {"legacy": legacy, "links": links, "back": back}


def _parts(board, child_url, pinned):
    """The figures' JSON and the table of the units below, cached until the engine writes the
    unit's or its children's snapshots again (the costly part of the page to build)."""
    parts = cache.get_or_set(_parts_key(board, pinned), lambda: _build_parts(board, child_url), PARTS_CACHE_SECONDS)
    return {**parts, "children_table": mark_safe(parts["children_table"])}  # noqa: S308 - rendered by us


def _build_parts(board, child_url):
    children = [{"snapshot": child, "url": child_url(child.unit)} for child in board.children]
    table = render_to_string("enrollment/dashboards/children_table.html", {"children": children, "unit": board.unit})
    return {"charts": _build_charts(board, child_url), "children_table": str(table)}


def _parts_key(board, pinned):
    stamps = [s.computed_at for s in (*board.figures.values(), *board.children)]
    latest = max(stamps).isoformat() if stamps else ""
    unit = board.unit.pk if board.unit else "vn"
    return (f"dashboard-parts:{unit}:{board.code_set}:{','.join(board.dimensions)}:{board.shown}:{board.metric}:"
            f"{get_language()}:"
            f"{len(board.children)}:{latest}:{pinned}:{board.ranking}")


def _build_charts(board, child_url):
    """The figures, each in its section of the page: where we stand, who is behind, why."""
    figures = [("stand", "cumulative", charts.cumulative_chart(board))]
    if board.level is None or board.level < Level.VILLAGE:
        figures.append(("behind", "children", charts.children_chart(board, child_url)))
    figures += [("why", "new-by-month", charts.new_by_month_chart(board)),
                ("why", "renewals", charts.renewal_chart(board))]
    for dimension in board.dimensions:
        figures.append(("why", f"by-{dimension}",
                        charts.breakdown_chart(board, dimension, str(DIMENSION_TITLES[dimension]))))
    return [{"section": section, "id": name, "json": charts.to_json(fig)} for section, name, fig in figures]


def _ranking_notes(user, board, table_url):
    """What the ranking chart leaves out, and what to do when it has nothing to draw."""
    _groups, hidden = charts.ranked_children(board.children)
    notes = {"hidden": hidden, "all_url": table_url, "no_plans": charts.children_ranked_by_plan_without_plan(board)}
    if notes["no_plans"] and board.unit is not None and can_allocate(user, board.unit):
        notes["allocate_url"] = (f"{reverse('allocation_grid', args=[board.unit.pk])}?"
                                 f"{urlencode({'year': board.shown.year, 'metric': board.metric})}")
    return notes


@scoped_view(roles=DASHBOARD_ROLES)
def dashboard_table_national(request):
    _national_or_404(request.user)
    return _table(request, None)


@scoped_view(roles=DASHBOARD_ROLES)
def dashboard_table_unit(request, pk):
    return _table(request, _unit_for_user(request.user, pk))


def _table(request, unit):
    """The dashboard's figures as a table: the units below, or one breakdown."""
    user = request.user
    query = DashboardQuery(request.GET)
    day, metric = query.values()
    code_set = query.code_set()
    dimensions = [d for d in DIMENSION_TITLES if d in visible_dimensions(user)]
    view = request.GET.get("view", "children")
    if view not in dimensions:
        view = "children"
    shown = shown_date(user, unit, day)
    own = {"unit": unit} if unit else {"unit__isnull": True}

    def child_url(child):
        return dashboard_url(child, shown, metric)

    if view == "children":
        rows = snapshots(user).filter(date=shown, metric=metric, **children_filter(unit, code_set)).select_related(
            "unit")
        filters = ChildProgressFilter(request.GET, queryset=rows.order_by(*RANKING))
        table = ChildProgressTable(filters.qs, child_url=child_url)
        if metric == ProgressMetric.COVERAGE:  # a rate: two decimals, and rates of units do not add up
            for column in table.columns:
                if getattr(column.column, "kind", None) in ("number", "signed_number"):
                    column.column.digits = 2
            table.export_totals = False
    elif view == BreakdownDimension.MONTH:
        filters = None
        table = NewByMonthTable([{"month": f"{month:%m/%Y}", "new_participants": new}
                                 for month, new in new_by_month_of(user, unit, shown)])
    else:
        rows = breakdowns(user).filter(date=shown, dimension=view, **own).order_by("-new_participants", "key")
        filters = BreakdownFilter(request.GET, queryset=rows)
        table = BreakdownTable(filters.qs)
    code = unit.code if unit else "vn"
    stamp = shown.strftime("%Y%m%d") if shown else "none"
    return render_table(request, table, "enrollment/dashboards/table.html", {
        "unit": unit, "shown": shown, "metric": metric, "metrics": PLAN_METRIC_CHOICES, "filter": filters,
        "view": view, "views": [("children", _("Units below"))] + [(d, DIMENSION_TITLES[d]) for d in dimensions],
        "dashboard_link": dashboard_url(unit, shown, metric, code_set=code_set), "freshness": figures_state()[1],
        "ancestors": unit_ancestors(user, unit) if unit else [],
    }, filename=f"progress-{code}-{view}-{metric}-{stamp}", export_title=ExportTitle(
        heading=_("Units below") if view == "children" else DIMENSION_TITLES[view],
        unit=unit.name if unit else _("Whole country"), data_date=shown, metric=dict(PLAN_METRIC_CHOICES)[metric]))


def _dashboard_run(pk):
    """A recompute queued from a dashboard; runs hold no figures, only their progress."""
    if not str(pk or "").isdigit():
        return None
    return RecomputeRun.objects.filter(pk=pk, triggered_by__startswith="dashboard:").first()


@require_POST
@scoped_view(roles=OFFICE_ROLES)
def dashboard_recompute(request):
    """Queue the figures of a day that has none yet; the dashboard then shows the run's progress."""
    back = safe_next_url(request, reverse("dashboard_home"))
    query = DashboardQuery(request.POST)
    if not query.is_valid() or not query.cleaned_data["date"]:
        messages.error(request, _("Enter a valid date (dd/mm/yyyy)."))
        return redirect(back)
    separator = "&" if "?" in back else "?"
    try:
        run = dashboard_recompute_request(user=request.user, day=query.cleaned_data["date"])
    except RecomputeRefused as refused:
        messages.error(request, refused.message)
        return redirect(f"{back}{separator}run={refused.run.pk}" if refused.run else back)
    return redirect(f"{back}{separator}run={run.pk}")


@scoped_view(roles=OFFICE_ROLES)
def dashboard_recompute_status(request, pk):
    run = _dashboard_run(pk)
    if run is None:
        raise Http404
    return JsonResponse({"status": run.status, "status_label": run.get_status_display(),
                         "percent": run_progress_percent(run), "finished": run.is_finished, "message": run.message})
