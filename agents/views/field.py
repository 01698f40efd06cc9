"""The agent staff's phone page: log today's work in a few taps, see the quota and who is due to renew."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Sum
from django.shortcuts import redirect, render
from django.utils import timezone
from django.utils.translation import gettext as _

from agents.forms import ResultForm
from agents.selectors.field import campaigns_today, quota_progress_this_month, renewals_due
from agents.selectors.scoping import agent_profile
from agents.services.results import COUNT_FIELDS, communes_of, result_record
from agents.tables import mask
from enrollment.models import Role, Unit
from enrollment.scoping import scoped_view


@scoped_view(roles=(Role.AGENT_STAFF,))
def field(request):
    agent = agent_profile(request.user)
    if agent is None or not agent.is_active:
        raise PermissionDenied
    today = timezone.localdate()
    communes = communes_of(agent)
    commune_qs = Unit.objects.filter(pk__in=[c.pk for c in communes]).order_by("name")
    campaigns = campaigns_today(agent, communes, today)
    own_campaign = campaigns.filter(agents=agent).first()
    form = ResultForm(request.POST or None, communes=commune_qs, campaigns=campaigns,
                      initial={"commune": agent.point.unit_id, "campaign": own_campaign.pk if own_campaign else None})
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
        "progress": quota_progress_this_month(agent, today), "due": due,
    })
