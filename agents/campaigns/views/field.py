"""The agent staff's phone page: log today's work in a few taps, correct the last days' reports, see the
quota and who is due to renew."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _

from agents.campaigns.forms import (
    ResultCountsForm,
    ResultForm,
    check_counts_cover_names,
    enrollee_formset,
)
from agents.campaigns.models.campaigns import CampaignResult
from agents.campaigns.selectors.field import (
    campaigns_today,
    communes_of,
    may_log_results,
    quota_progress_this_month,
    renewals_due,
)
from agents.campaigns.services.results import (
    COUNT_FIELDS,
    correctable_results,
    result_correct,
    result_record,
    result_remove,
)
from agents.shared.scoping import agent_profile, get_in_scope
from agents.shared.tables import mask
from enrollment.plans.models.plans import Metric
from enrollment.register.services.renewals import due_list, due_list_by_urgency, worklist_cell
from enrollment.shared.access import scoped_view
from enrollment.shared.models.users import Role
from enrollment.shared.months import first_of_month
from enrollment.territory.models.units import Unit


def _to_today():
    """After a save the page opens at the confirmation and today's figures, not mid-form."""
    return redirect(reverse("agents:field") + "#today")


def _active_agent(user):
    agent = agent_profile(user)
    if agent is None or not agent.is_active:
        raise PermissionDenied
    return agent


def _place_choices(agent, day):
    communes = communes_of(agent)
    return Unit.objects.filter(pk__in=[c.pk for c in communes]).order_by("name"), campaigns_today(agent, communes, day)


def _add_errors(form, error):
    if not hasattr(error, "error_dict"):
        form.add_error(None, error.messages)
        return
    for field_name, errors in error.message_dict.items():
        form.add_error(field_name if field_name in form.fields else None, errors)


def _posted_enrollees(request, result=None):
    """The enrollee rows sent, or None when the form sent none (a page from before the list existed)."""
    if request.method == "POST" and "enrollee-TOTAL_FORMS" in request.POST:
        return enrollee_formset(request.POST, result=result)
    return None


def _names_valid(form, posted):
    return posted is None or (posted.is_valid() and check_counts_cover_names(form, posted))


def _refuse_when_contract_ended(request, agent, today):
    if may_log_results(agent, today):
        return False
    if request.method == "POST":
        messages.error(request, _("Your organisation's contract has ended: results can no longer be logged."))
    return True


@scoped_view(roles=(Role.AGENT_STAFF,))
def field(request):
    agent = _active_agent(request.user)
    today = timezone.localdate()
    communes, campaigns = _place_choices(agent, today)
    own_campaign = campaigns.filter(agents=agent).first()
    contract_ended = _refuse_when_contract_ended(request, agent, today)
    form = ResultForm(request.POST or None, communes=communes, campaigns=campaigns,
                      initial={"commune": agent.point.unit_id, "campaign": own_campaign.pk if own_campaign else None})
    posted = _posted_enrollees(request)
    enrollees = posted or enrollee_formset()
    if request.method == "POST" and contract_ended:
        return redirect("agents:field")
    if (request.method == "POST" and form.is_valid()
            and CampaignResult.objects.filter(idempotency_key=form.cleaned_data["key"]).exists()):
        # Checked before the names: a resent report's own people are not "logged elsewhere".
        messages.info(request, _("This report was already saved; it was not recorded twice."))
        return _to_today()
    if request.method == "POST" and form.is_valid() and _names_valid(form, posted):
        data = form.cleaned_data
        try:
            result, created = result_record(
                agent=agent, idempotency_key=data["key"], day=today, commune=data["commune"],
                campaign=data["campaign"], notes=data["notes"], user=request.user,
                enrollees=posted.enrollees() if posted is not None else (),
                **{name: data[name] for name in COUNT_FIELDS},
            )
        except ValidationError as error:
            _add_errors(form, error)
        else:
            if created:
                messages.success(request, _("Saved: %(households)d households, %(new)d new participants.")
                                 % {"households": result.households_visited, "new": result.new_si})
            else:
                messages.info(request, _("This report was already saved; it was not recorded twice."))
            return _to_today()
    recent = list(correctable_results(agent, today).select_related("commune", "campaign")
                  .prefetch_related("enrollees").order_by("-day", "-recorded_at"))
    today_results = [r for r in recent if r.day == today]
    today_totals = {name: sum(getattr(r, name) for r in today_results) for name in COUNT_FIELDS}
    month = first_of_month(today)
    due = [worklist_cell(person, month, today)
           for person in due_list_by_urgency(due_list(renewals_due(request.user, today), month), today)[:100]]
    for cell in due:
        cell["record"].masked_id = mask(cell["record"].personal_id, keep=4)
    return render(request, "agents/field.html", {
        "agent": agent, "form": form, "enrollees": enrollees, "contract_ended": contract_ended, "today": today,
        "today_results": today_results, "today_totals": today_totals,
        "earlier_results": [r for r in recent if r.day != today],
        "progress": quota_progress_this_month(agent, today),
        "progress_hi": quota_progress_this_month(agent, today, Metric.HI_HOUSEHOLD), "due": due,
    })


@scoped_view(roles=(Role.AGENT_STAFF,))
def field_result_edit(request, pk):
    agent = _active_agent(request.user)
    result = get_in_scope(correctable_results(agent, timezone.localdate()).select_related("commune", "campaign"),
                          pk=pk)
    communes, campaigns = _place_choices(agent, result.day)
    initial = {"commune": result.commune_id, "campaign": result.campaign_id, "notes": result.notes,
               **{name: getattr(result, name) for name in COUNT_FIELDS}}
    form = ResultCountsForm(request.POST or None, communes=communes, campaigns=campaigns, initial=initial)
    posted = _posted_enrollees(request, result)
    enrollees = posted or enrollee_formset(result=result)
    if request.method == "POST" and form.is_valid() and _names_valid(form, posted):
        data = form.cleaned_data
        try:
            result_correct(result=result, commune=data["commune"], campaign=data["campaign"], notes=data["notes"],
                           enrollees=posted.enrollees() if posted is not None else None,
                           **{name: data[name] for name in COUNT_FIELDS})
        except ValidationError as error:
            _add_errors(form, error)
        else:
            messages.success(request, _("The report of %(day)s was corrected.") % {"day": result.day.strftime("%d/%m/%Y")})
            return _to_today()
    return render(request, "agents/field_result.html",
                  {"agent": agent, "form": form, "enrollees": enrollees, "result": result})


@scoped_view(roles=(Role.AGENT_STAFF,))
def field_result_delete(request, pk):
    """Deleting asks first: the confirmation page shows what goes, only its button deletes."""
    agent = _active_agent(request.user)
    if request.method != "POST":
        result = get_in_scope(correctable_results(agent, timezone.localdate()).select_related("commune", "campaign"),
                              pk=pk)
        return render(request, "agents/field_result_delete.html", {"agent": agent, "result": result})
    if result_remove(agent=agent, result_id=pk, today=timezone.localdate()):
        messages.success(request, _("The report was deleted."))
    else:
        messages.info(request, _("This report was already deleted or can no longer be changed."))
    return _to_today()
