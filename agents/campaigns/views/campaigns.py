from django.conf import settings
from django.contrib import messages
from django.db.models import Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from agents.campaigns.forms import CampaignForm
from agents.campaigns.models.campaigns import CampaignType
from agents.campaigns.selectors.campaigns import (
    campaign_enrollees,
    campaign_rows,
    campaign_totals,
)
from agents.campaigns.selectors.enrollees import enrollees_shown
from agents.campaigns.tables import CampaignResultTable, CampaignTable
from agents.shared.scoping import (
    get_in_scope,
    managed_campaigns,
    visible_campaigns,
    visible_results,
    visible_staff,
)
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import render_table
from enrollment.shared.models.users import OFFICE_ROLES
from enrollment.shared.scoping import visible_units
from enrollment.territory.models.units import Level


@scoped_view
def campaign_list(request):
    campaigns = visible_campaigns(request.user).select_related("unit")
    kind = request.GET.get("type")
    if kind in CampaignType.values:
        campaigns = campaigns.filter(campaign_type=kind)
    return render_table(request, CampaignTable(campaigns), "agents/campaign_list.html",
                        {"can_create": request.user.role in OFFICE_ROLES}, filename="campaigns")


@scoped_view
def campaign_detail(request, pk):
    campaign = get_in_scope(visible_campaigns(request.user).select_related("unit"), pk=pk)
    rows = campaign_rows(campaign, visible_results(request.user), visible_staff(request.user))
    totals = campaign_totals(rows)
    named = enrollees_shown(request.user, campaign_enrollees(campaign, visible_results(request.user)))
    return render_table(request, CampaignResultTable(rows), "agents/campaign_detail.html",
                        {"campaign": campaign, "totals": totals, "named": named, "claim_days": settings.AGENTS_CLAIM_DAYS,
                         "can_edit": managed_campaigns(request.user).filter(pk=pk).exists(),
                         "participants": visible_staff(request.user, campaign.agents.select_related("point"))},
                        filename="campaign-results")


def _campaign_form(request, campaign=None):
    user = request.user
    deepest = Level.PROVINCE if user.is_national else Level.COMMUNE
    units = visible_units(user).filter(level__lte=deepest, code_set="2025")
    staff = visible_staff(user)
    agents = staff.filter(is_active=True)
    if campaign is not None:  # participants who have left since stay on the list
        agents = staff.filter(Q(is_active=True) | Q(pk__in=campaign.agents.values("pk")))
    return CampaignForm(request.POST or None, instance=campaign, units=units,
                        agents=agents.select_related("point"))


@scoped_view(roles=OFFICE_ROLES)
def campaign_new(request):
    form = _campaign_form(request)
    if request.method == "POST" and form.is_valid():
        campaign = form.save(commit=False)
        campaign.created_by = request.user
        campaign.save()
        form.save_m2m()
        messages.success(request, _("Campaign %(name)s was created.") % {"name": campaign.name})
        return redirect("agents:campaign_detail", pk=campaign.pk)
    return render(request, "agents/campaign_form.html", {"form": form, "title": _("New campaign")})


@scoped_view(roles=OFFICE_ROLES)
def campaign_edit(request, pk):
    campaign = get_in_scope(managed_campaigns(request.user), pk=pk)
    form = _campaign_form(request, campaign)
    if request.method == "POST" and form.is_valid():
        campaign = form.save()
        messages.success(request, _("Campaign %(name)s was saved.") % {"name": campaign.name})
        return redirect("agents:campaign_detail", pk=campaign.pk)
    return render(request, "agents/campaign_form.html",
                  {"form": form, "title": _("Edit %(name)s") % {"name": campaign.name}, "campaign": campaign})
