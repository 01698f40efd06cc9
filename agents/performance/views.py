from datetime import date

from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from agents.performance.forms import DecisionForm, PeriodForm, QuotaForm
from agents.performance.selectors.performance import months_of
from agents.performance.selectors.rankings import (
    PHASED,
    QUOTA_BASES,
    agent_performance,
    officer_performance,
    ranked,
)
from agents.performance.selectors.reviews import flagged_by_organisation
from agents.performance.services import ReviewRule, review_decide, reviews_flag
from agents.performance.tables import ReviewTable, performance_table
from agents.quotas.models import (
    AGENT_QUOTA_METRICS,
    AgentStaffQuota,
    CollectionPointQuota,
    OrganisationQuota,
)
from agents.quotas.services import agent_quotas_set
from agents.shared.levels import Level
from agents.shared.scoping import (
    get_in_scope,
    managed_organisations,
    visible_organisations,
    visible_points,
    visible_reviews,
    visible_staff,
)
from enrollment.plans.models.plans import Metric
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import EXPORT_FORMATS, ExportTitle, render_table
from enrollment.shared.models.users import MANAGER_ROLES, OFFICE_ROLES, Role
from enrollment.shared.months import month_end
from enrollment.shared.scoping import scope_queryset
from enrollment.territory.models.officers import Staff


def _rows(user, level, start, end, metric=Metric.SI_NEW, basis=PHASED):
    if level == Level.OFFICER:
        return officer_performance(scope_queryset(user, Staff.objects.filter(is_active=True)), start, end, basis)
    return agent_performance(level, visible_staff(user), visible_points(user), visible_organisations(user), start, end,
                             metric, basis)


def _has_partial(rows):
    return any(row.partial for row in rows)


def _year(request):
    value = request.GET.get("year", "")
    return int(value) if value.isdigit() and 2000 <= int(value) <= 2100 else timezone.localdate().year


@scoped_view
def performance(request):
    year = _year(request)
    level = request.GET.get("level", Level.STAFF)
    if level not in (Level.STAFF, Level.POINT, Level.ORGANISATION):
        level = Level.STAFF
    start, end = date(year, 1, 1), min(date(year, 12, 31), max(timezone.localdate(), date(year, 1, 1)))
    rows = ranked(_rows(request.user, level, start, end))
    table = performance_table(rows, months_of(start, end), show_rank=False)
    return render_table(request, table, "agents/performance.html",
                        {"year": year, "level": level, "levels": Level.choices[:3],
                         "has_partial": _has_partial(rows), "claim_days": settings.AGENTS_CLAIM_DAYS},
                        filename=f"agent-performance-{level}-{year}",
                        export_title=ExportTitle(heading=_("Agent performance"), data_date=end))


def _leaderboard_levels(user):
    levels = [Level.STAFF, Level.POINT, Level.ORGANISATION]
    return levels + [Level.OFFICER] if user.role != Role.AGENT_STAFF else levels


@scoped_view
def leaderboard(request):
    levels = _leaderboard_levels(request.user)
    form = PeriodForm(request.GET or None, levels=levels)
    rows = []
    if form.is_valid():
        data = form.cleaned_data
        rows = ranked(_rows(request.user, data["level"], data["start"], data["end"], basis=data["basis"]),
                      by=data["by"])
    table = performance_table(rows, show_rank=True)
    basis = dict(QUOTA_BASES)[form.cleaned_data["basis"]] if form.is_valid() else None
    return render_table(request, table, "agents/leaderboard.html",
                        {"form": form, "has_partial": _has_partial(rows), "basis": basis}, filename="leaderboard")


QUOTA_MODELS = {Level.STAFF: AgentStaffQuota, Level.POINT: CollectionPointQuota, Level.ORGANISATION: OrganisationQuota}


@scoped_view(roles=OFFICE_ROLES)
def quotas(request):
    organisations = visible_organisations(request.user).order_by("name")
    form = QuotaForm(request.POST or None, organisations=organisations)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        organisation = data["organisation"]
        owners = {
            Level.STAFF: visible_staff(request.user).filter(is_active=True),
            Level.POINT: visible_points(request.user).filter(is_active=True),
            # A district does not set the quota of an organisation contracted by the province.
            Level.ORGANISATION: managed_organisations(request.user),
        }[data["level"]]
        if organisation is not None:
            owners = owners.filter(**{Level.STAFF: {"point__organisation": organisation},
                                      Level.POINT: {"organisation": organisation},
                                      Level.ORGANISATION: {"pk": organisation.pk}}[data["level"]])
        owners = list(owners)
        if not owners:
            form.add_error(None, _("There is nobody to give this quota to in your area."))
        else:
            created, updated = agent_quotas_set(
                level=data["level"], owners=owners, year=data["year"],
                months=range(data["month_from"], data["month_to"] + 1), metric=data["metric"],
                target=data["target"], user=request.user,
            )
            messages.success(request, _("Quotas saved: %(created)d new, %(updated)d changed.")
                             % {"created": created, "updated": updated})
            return redirect(f"{request.path}?year={data['year']}&month={data['month_from']}&level={data['level']}"
                            f"&metric={data['metric']}")
    year = _year(request)
    month_value = request.GET.get("month", "")
    month = int(month_value) if month_value.isdigit() and 1 <= int(month_value) <= 12 else timezone.localdate().month
    level = request.GET.get("level", Level.STAFF)
    if level not in QUOTA_MODELS:
        level = Level.STAFF
    metric = request.GET.get("metric", Metric.SI_NEW)
    if metric not in AGENT_QUOTA_METRICS:
        metric = Metric.SI_NEW
    start = date(year, month, 1)
    rows = [r for r in _rows(request.user, level, start, month_end(start), metric) if r.target is not None]
    table = performance_table(ranked(rows), show_rank=False)
    return render_table(request, table, "agents/quotas.html",
                        {"form": form, "year": year, "month": month, "level": level, "levels": Level.choices[:3],
                         "metric": metric, "metrics": [(m, Metric(m).label) for m in AGENT_QUOTA_METRICS],
                         "months": range(1, 13), "has_partial": _has_partial(rows)},
                        filename=f"agent-quotas-{level}-{metric}-{year}-{month:02d}")


@scoped_view(roles=OFFICE_ROLES + (Role.VIEWER,))
def review_list(request):
    reviews = visible_reviews(request.user).select_related("agent__point__organisation", "decided_by")
    show = request.GET.get("show", "open")
    if show == "open":
        reviews = reviews.filter(decision="")
    if request.GET.get("_export") in EXPORT_FORMATS:
        return render_table(request, ReviewTable(reviews), "", {}, filename="contract-reviews")
    return render(request, "agents/review_list.html", {
        "reviews": reviews[:200], "show": show, "rule": ReviewRule.from_settings(),
        "flagged": flagged_by_organisation(visible_reviews(request.user)),
        "can_decide": request.user.role in MANAGER_ROLES, "form": DecisionForm(),
    })


@require_POST
@scoped_view(roles=MANAGER_ROLES)
def review_check(request):
    flagged = reviews_flag(agents=visible_staff(request.user).filter(is_active=True))
    messages.success(request, _("%(count)d agent staff are below the threshold.") % {"count": flagged.count()})
    return redirect("agents:review_list")


@require_POST
@scoped_view(roles=MANAGER_ROLES)
def review_decide_view(request, pk):
    review = get_in_scope(visible_reviews(request.user), pk=pk)
    form = DecisionForm(request.POST)
    if form.is_valid():
        review_decide(review=review, decision=form.cleaned_data["decision"], note=form.cleaned_data["note"],
                      user=request.user)
        messages.success(request, _("The decision on %(name)s was recorded.") % {"name": review.agent.full_name})
    else:
        messages.error(request, _("Choose a decision: keep, warn or terminate."))
    return redirect("agents:review_list")
