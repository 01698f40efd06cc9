"""The agent staff's phone page: log today's work in a few taps, see the quota and who is due to renew."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Q, Sum
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agents.forms import ResultForm
from agents.models import AgentStaffQuota, Campaign
from agents.selectors.performance import counted_by_agent_day
from agents.selectors.scoping import agent_profile
from agents.services.results import COUNT_FIELDS, communes_of, result_record
from agents.tables import mask
from enrollment.models import Participant, Role, Unit
from enrollment.scoping import scoped_view
from enrollment.selectors.register import participants_due_in
from enrollment.services.months import first_of_month, month_end


def _campaigns_today(agent, communes, today):
    running = Campaign.objects.filter(starts_on__lte=today, ends_on__gte=today)
    paths = Q()
    for commune in communes:
        for prefix in [commune.path[: i + 1] for i, c in enumerate(commune.path) if c == "/"]:
            paths |= Q(unit__path=prefix)
    return running.filter(Q(agents=agent) | paths).distinct().order_by("starts_on")


def renewals_due(agent, month):
    """People due to pay again this month whom the agent mobilised or collected, or who live in the
    communes the agent's point serves."""
    communes = [c.pk for c in communes_of(agent)]
    mine = (Q(payments__mobilised_by_agent=agent) | Q(payments__collected_by_agent=agent)
            | Q(commune__in=communes))
    return participants_due_in(month, Participant.objects.filter(mine).distinct()).select_related("commune") \
        .order_by("commune__name", "full_name")


def _quota_progress(agent, today):
    month = first_of_month(today)
    quota = AgentStaffQuota.objects.filter(agent=agent, year=today.year, month=today.month,
                                           metric="si_new").first()
    counted = sum(f["counted"] for f in counted_by_agent_day([agent.pk], month, month_end(month)).values())
    percent = round(counted * 100 / quota.target) if quota and quota.target else None
    return {"quota": quota, "counted": counted, "percent": percent, "bar": min(percent or 0, 100)}


@scoped_view(roles=(Role.AGENT_STAFF,))
def field(request):
    agent = agent_profile(request.user)
    if agent is None or not agent.is_active:
        raise PermissionDenied
    today = timezone.localdate()
    communes = communes_of(agent)
    commune_qs = Unit.objects.filter(pk__in=[c.pk for c in communes]).order_by("name")
    campaigns = _campaigns_today(agent, communes, today)
    form = ResultForm(request.POST or None, communes=commune_qs, campaigns=campaigns)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            result, created = result_record(
                agent=agent, idempotency_key=data["key"], day=today, commune=data["commune"],
                campaign=data["campaign"], notes=data["notes"], user=request.user,
                **{name: data[name] for name in COUNT_FIELDS},
            )
        except ValidationError as error:
            for field_name, errors in error.message_dict.items():
                form.add_error(field_name if field_name in form.fields else None, errors)
        else:
            if created:
                messages.success(request, _("Saved: %(households)d households, %(new)d new participants.")
                                 % {"households": result.households_visited, "new": result.new_si})
            else:
                messages.info(request, _("This report was already saved; it was not recorded twice."))
            return redirect("agents:field")
    today_results = agent.results.filter(day=today).select_related("commune", "campaign").order_by("-recorded_at")
    today_totals = today_results.aggregate(**{f: Sum(f) for f in COUNT_FIELDS})
    due = list(renewals_due(agent, today)[:100])
    for person in due:
        person.masked_id = mask(person.personal_id, keep=4)
    return render(request, "agents/field.html", {
        "agent": agent, "form": form, "today": today, "today_results": today_results, "today_totals": today_totals,
        "progress": _quota_progress(agent, today), "due": due,
    })
