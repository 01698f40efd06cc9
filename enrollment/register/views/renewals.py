"""Renewals: who is due this month (or today, in December), what came of each call, and the figures."""

from datetime import date

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_tables2 import RequestConfig

from bhxh_targets.redirects import safe_next_url
from enrollment.register.forms import RenewalOutcomeForm
from enrollment.register.models.participants import Participant
from enrollment.register.selectors.participants import (
    agent_organisation_id,
    agents_model,
    communes_for,
    get_participant_for,
    participants_for,
    staff_for,
)
from enrollment.register.services.renewals import (
    RenewalError,
    Worklist,
    due_list,
    due_list_by_urgency,
    due_list_filtered,
    due_list_for_officer,
    due_list_for_point,
    months_of_year,
    renewal_figures,
    renewal_outcome_record,
)
from enrollment.register.tables import RenewalFiguresTable, RenewalTable, outcome_cell
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import EXPORT_FORMATS, ExportTitle, render_table
from enrollment.shared.models.users import OFFICE_ROLES, Role
from enrollment.shared.months import add_months, first_of_month
from enrollment.shared.scoping import (
    get_object_in_scope,
    get_unit_for_user,
    scope_queryset,
    visible_units,
)
from enrollment.shared.submissions import already_saved, submitted_once
from enrollment.territory.models.units import Level

RENEWAL_ROLES = (*OFFICE_ROLES, Role.AGENT_STAFF)


def _month_from(text, default):
    """"12/2026" or "2026-12" → 1 December 2026; anything else → `default`."""
    text = (text or "").strip()
    try:
        if "/" in text:
            month, year = text.split("/")
            return date(int(year), int(month), 1)
        if "-" in text:
            year, month = text.split("-")[:2]
            return date(int(year), int(month), 1)
    except ValueError:
        pass
    return default


def _day_from(text):
    try:
        day, month, year = (int(part) for part in text.split("/"))
        return date(year, month, day)
    except (ValueError, TypeError):
        return None


def _points_for(user):
    """Collection points of the user's area, when the agents app has them."""
    point_model = agents_model("CollectionPoint")
    if point_model is None:
        return []
    points = scope_queryset(user, point_model.objects.all())
    if user.role == Role.AGENT_STAFF:  # never a competitor's points
        points = points.filter(organisation_id=agent_organisation_id(user))
    return list(points.order_by("name"))


@scoped_view(roles=RENEWAL_ROLES)
def renewal_list(request):
    today = timezone.localdate()
    month = first_of_month(_month_from(request.GET.get("month", ""), today))
    # December's list is worked day by day: by default it shows who is still unpaid today.
    day = _day_from(request.GET.get("day", "")) if "day" in request.GET else (today if month.month == 12 and
                                                                              first_of_month(today) == month else None)
    participants = participants_for(request.user, Participant.objects.select_related("commune", "village"))
    communes = communes_for(request.user)
    commune_id = request.GET.get("commune", "")
    if commune_id.isdigit():
        participants = participants.filter(commune_id=commune_id)
    officers = staff_for(request.user)
    officer_id = request.GET.get("officer", "")
    if officer_id.isdigit():
        participants = due_list_for_officer(participants, get_object_in_scope(request.user, officers, pk=officer_id))
    points = _points_for(request.user)
    point_id = request.GET.get("point", "")
    if point_id.isdigit() and any(p.pk == int(point_id) for p in points):
        participants = due_list_for_point(participants, int(point_id))
    status = request.GET.get("status", "")
    rows = due_list_by_urgency(due_list_filtered(due_list(participants, month, day), status), day or today)
    table = RenewalTable(rows, user=request.user, month=month, today=day or today, request=request)
    return render_table(request, table, "enrollment/renewals/list.html", {
        "month": month, "day": day, "communes": communes, "officers": officers, "points": points,
        "selected": {"commune": commune_id, "officer": officer_id, "point": point_id, "status": status},
        "previous_month": add_months(month, -1), "next_month": add_months(month, 1), "is_december": month.month == 12,
        "statuses": STATUS_FILTERS,
    }, filename=f"dong-tiep-{month:%Y-%m}" + (f"-{day:%d}" if day else ""))


STATUS_FILTERS = [
    ("", gettext_lazy("All")), (Worklist.NOT_CONTACTED, gettext_lazy("Not contacted")), (Worklist.PROMISED, gettext_lazy("Promised")),
    (Worklist.PAID, gettext_lazy("Paid again")), (Worklist.OUTSTANDING, gettext_lazy("Not yet paid")),
]


def _worklist_cell(request, participant, month, form=None, saved=False):
    """The person's outcome cell, answered to htmx so the list stays where it was."""
    record = due_list(Participant.objects.filter(pk=participant.pk).select_related("commune", "village"),
                      month).first()
    html = outcome_cell(request, record, month, timezone.localdate(), form=form, saved=saved)
    return HttpResponse(html)


@scoped_view(roles=RENEWAL_ROLES)
def renewal_outcome_new(request, pk):
    participant = get_participant_for(request.user, pk)
    month = first_of_month(_month_from(request.POST.get("month", ""), timezone.localdate()))
    form = RenewalOutcomeForm(request.POST)
    back = safe_next_url(request, reverse("renewal_list"))
    back = f"{back.split('#')[0]}#due-{participant.pk}"  # back to the row, not the top of the list
    if request.method != "POST" or not form.is_valid():
        if request.htmx and request.method == "POST":
            return _worklist_cell(request, participant, month, form=form)
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, f"{participant.full_name}: {error}")
        return redirect(back)

    def save():
        renewal_outcome_record(participant=participant, due_month=month, user=request.user, **form.cleaned_data)
        return back

    try:
        url, first = submitted_once(request, "renewal_outcome", save)
    except RenewalError as error:
        if request.htmx:
            form.add_error(None, str(error))
            return _worklist_cell(request, participant, month, form=form)
        messages.error(request, str(error))
        return redirect(back)
    if request.htmx:
        return _worklist_cell(request, participant, month, saved=True)
    if not first:
        return already_saved(request, url, fallback="renewal_list")
    messages.success(request, _("The outcome for %(name)s is recorded.") % {"name": participant.full_name})
    return redirect(back)


def _figure_row(label, figures, url=""):
    return {"label": label, "url": url, "due": figures.due, "paid_again": figures.paid_again,
            "lapsed": figures.lapsed, "outstanding": figures.outstanding, "rate": figures.rate}


@scoped_view
def renewal_figures_page(request):
    """Renewal and lapse figures per month of a year for one unit, and per child unit for one month."""
    today = timezone.localdate()
    unit_id = request.GET.get("unit", "")
    unit = get_unit_for_user(request.user, int(unit_id)) if unit_id.isdigit() else request.user.scope_unit
    year = int(request.GET["year"]) if request.GET.get("year", "").isdigit() else today.year
    month = first_of_month(_month_from(request.GET.get("month", ""), today))
    participants = participants_for(request.user)
    month_rows = []
    if unit is None:  # national administrators start from the provinces
        children = list(visible_units(request.user).filter(level=Level.PROVINCE, code_set="2025").order_by("name"))
    else:
        children = list(unit.children.order_by("name")) if unit.level < Level.VILLAGE else []
        for m in months_of_year(year):
            if m <= first_of_month(today):
                month_rows.append(_figure_row(m.strftime("%m/%Y"), renewal_figures([unit], m, today, participants)[unit.pk],
                                              f"?unit={unit.pk}&year={year}&month={m:%m/%Y}"))
    by_child = renewal_figures(children, month, today, participants)
    unit_rows = [_figure_row(child.name, by_child[child.pk], f"?unit={child.pk}&year={year}&month={month:%m/%Y}")
                 for child in children]
    tables = {"months": RenewalFiguresTable(month_rows), "units": RenewalFiguresTable(unit_rows)}
    if request.GET.get("_export") in EXPORT_FORMATS:
        which = request.GET.get("table") if request.GET.get("table") in tables else "units"
        title = ExportTitle(heading=_("Renewal and lapse figures"), unit=unit.name if unit else _("Whole country"),
                            data_date=today, metric=_("By month of %(year)s") % {"year": year} if which == "months"
                            else month.strftime("%m/%Y"))
        return render_table(request, tables[which], "", {}, filename=f"dong-tiep-so-lieu-{which}-{month:%Y-%m}",
                            export_title=title)
    for table in tables.values():
        RequestConfig(request, paginate=False).configure(table)
    return render(request, "enrollment/renewals/figures.html", {
        "unit": unit, "year": year, "month": month, "months_table": tables["months"], "units_table": tables["units"],
        "export_formats": EXPORT_FORMATS,
    })
