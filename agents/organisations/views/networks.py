"""National agent networks: the list, and a network's branches ranked by their share of quota over a period."""

from django.db.models import Count, OuterRef, Q, Subquery

from agents.organisations.forms import NetworkPeriodForm
from agents.organisations.models import ContractStatus, NetworkContract
from agents.organisations.tables import BranchRankingTable, NetworkTable
from agents.performance.selectors.rankings import network_ranking
from agents.shared.scoping import (
    get_in_scope,
    visible_networks,
    visible_organisations,
    visible_points,
    visible_staff,
)
from agents.staff.models import AgentStaff
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import ExportTitle, render_table


def _networks(user):
    contract = (NetworkContract.objects.filter(network=OuterRef("pk"), status=ContractStatus.ACTIVE)
                .order_by("-valid_from"))
    branches = visible_organisations(user).exclude(network=None)
    return (visible_networks(user)
            .annotate(branch_count=Count("branches", filter=Q(branches__in=branches), distinct=True),
                      contract_number=Subquery(contract.values("number")[:1])))


@scoped_view
def network_list(request):
    return render_table(request, NetworkTable(_networks(request.user)), "agents/network_list.html", {},
                        filename="agent-networks")


@scoped_view
def network_detail(request, pk):
    """Every branch the user sees (a provincial office: its own), with both shares of quota shown."""
    user = request.user
    network = get_in_scope(_networks(user), pk=pk)
    form = NetworkPeriodForm(request.GET or None)
    rows, end = [], None
    if form.is_valid():
        data = form.cleaned_data
        branches = visible_organisations(user).filter(network=network)
        rows = network_ranking(branches, visible_staff(user, AgentStaff.objects.filter(point__organisation__in=branches)),
                               visible_points(user).filter(organisation__in=branches),
                               data["start"], data["end"], by=data["by"])
        end = data["end"]
    return render_table(request, BranchRankingTable(rows), "agents/network_detail.html",
                        {"network": network, "form": form, "has_partial": any(r.partial for r in rows)},
                        filename=f"agent-network-{network.code}",
                        export_title=ExportTitle(heading=network.name, data_date=end))
