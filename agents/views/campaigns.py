from django.conf import settings
from django.contrib import messages
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from agents.forms import CampaignForm
from agents.selectors.campaigns import campaign_rows, campaign_totals
from agents.selectors.scoping import get_in_scope, visible_campaigns, visible_results, visible_staff
from agents.tables import CampaignResultTable, CampaignTable
from enrollment.models import OFFICE_ROLES, Level
from enrollment.scoping import scoped_view
from enrollment.selectors.scoping import visible_units
from enrollment.views.exporting import render_table


@scoped_view
def campaign_list(request):
    campaigns = visible_campaigns(request.user).select_related("unit")
    kind = request.GET.get("type")
    if kind:
        campaigns = campaigns.filter(campaign_type=kind)
    return render_table(request, CampaignTable(campaigns), "agents/campaign_list.html",
                        {"can_create": request.user.role in OFFICE_ROLES}, filename="campaigns")


@scoped_view
def campaign_detail(request, pk):
    campaign = get_in_scope(visible_campaigns(request.user).select_related("unit"), pk=pk)
    rows = campaign_rows(campaign, visible_results(request.user), visible_staff(request.user))
    totals = campaign_totals(rows)
    return render_table(request, CampaignResultTable(rows), "agents/campaign_detail.html",
                        {"campaign": campaign, "totals": totals, "claim_days": settings.AGENTS_CLAIM_DAYS,
                         "participants": visible_staff(request.user, campaign.agents.select_related("point"))},
                        filename="campaign-results")


@scoped_view(roles=OFFICE_ROLES)
def campaign_new(request):
    deepest = Level.PROVINCE if request.user.is_national else Level.COMMUNE
    units = visible_units(request.user).filter(level__lte=deepest, code_set="2025")
    agents = visible_staff(request.user).filter(is_active=True).select_related("point")
    form = CampaignForm(request.POST or None, units=units, agents=agents)
    if request.method == "POST" and form.is_valid():
        campaign = form.save(commit=False)
        campaign.created_by = request.user
        campaign.save()
        form.save_m2m()
        messages.success(request, _("Campaign %(name)s was created.") % {"name": campaign.name})
        return redirect("agents:campaign_detail", pk=campaign.pk)
    return render(request, "agents/campaign_form.html", {"form": form})
