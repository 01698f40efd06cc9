from django.db.models import Count, OuterRef, Q, Subquery
from django.db.models.functions import Coalesce

from agents.organisations.models import Contract, ContractStatus, NetworkContract
from agents.organisations.tables import ContractTable, OrganisationTable, PointTable
from agents.shared.scoping import (
    columns_without_edit,
    get_in_scope,
    managed_organisations,
    visible_organisations,
    visible_points,
    visible_staff,
    writes_agents,
)
from agents.staff.models import AgentStaff
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import render_table
from enrollment.shared.history import history_of


def _organisations(user):
    staff_here = visible_staff(user, AgentStaff.objects.filter(is_active=True))
    contract = Contract.objects.filter(organisation=OuterRef("pk"), status=ContractStatus.ACTIVE).order_by("-valid_from")
    # A branch of a national network without a contract of its own works under the network's.
    national = (NetworkContract.objects.filter(network=OuterRef("network"), status=ContractStatus.ACTIVE)
                .order_by("-valid_from"))
    return (visible_organisations(user).select_related("unit", "network")
            .annotate(point_count=Count("points", filter=Q(points__in=visible_points(user)), distinct=True),
                      staff_count=Count("points__staff", filter=Q(points__staff__in=staff_here), distinct=True),
                      contract_number=Coalesce(Subquery(contract.values("number")[:1]),
                                               Subquery(national.values("number")[:1]))))


@scoped_view
def organisation_list(request):
    table = OrganisationTable(_organisations(request.user))
    return render_table(request, table, "agents/organisation_list.html",
                        {"can_write": writes_agents(request.user)}, filename="agent-organisations")


@scoped_view
def organisation_detail(request, pk):
    user = request.user
    organisation = get_in_scope(_organisations(user), pk=pk)
    can_edit = managed_organisations(user).filter(pk=pk).exists()
    tab = request.GET.get("table", "points")
    if tab == "contracts":
        table = ContractTable(organisation.contracts.all(), exclude=() if can_edit else ("edit",))
    else:
        points = (visible_points(user, organisation.points.all()).select_related("unit", "organisation")
                  .prefetch_related("communes")
                  .annotate(staff_count=Count("staff", filter=Q(staff__is_active=True))))
        table = PointTable(points, exclude=columns_without_edit(user, "organisation"))
    return render_table(request, table, "agents/organisation_detail.html",
                        {"organisation": organisation, "tab": tab, "can_edit": can_edit,
                         "can_write": writes_agents(user),
                         "history": history_of(organisation, ("agents.OrganisationQuota",
                                                              {"organisation_id": organisation.pk}))
                         if writes_agents(user) else None}, filename=f"agent-organisation-{tab}")
