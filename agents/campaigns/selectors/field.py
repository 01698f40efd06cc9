"""What the agent staff's phone page shows: today's campaigns, their quota this month, who is due to renew."""

from django.db.models import Count, Q

from agents.campaigns.models.campaigns import Campaign
from agents.organisations.models import Contract, ContractStatus, NetworkContract
from agents.performance.selectors.performance import (
    counted_by_agent_day,
    new_hi_by_agent_month,
)
from agents.quotas.models import AgentStaffQuota
from enrollment.plans.models.plans import Metric
from enrollment.register.models.participants import Participant
from enrollment.register.selectors.definitions import participants_due_in
from enrollment.register.selectors.participants import participants_for
from enrollment.shared.months import add_months, first_of_month, month_end


def communes_of(agent):
    """The communes an agent staff member works in: those their point serves, else the point's own commune."""
    communes = list(agent.point.communes.order_by("name"))
    return communes or [agent.point.unit]


def campaigns_today(agent, communes, today):
    running = Campaign.objects.filter(starts_on__lte=today, ends_on__gte=today)
    paths = Q()
    for commune in communes:
        for prefix in [commune.path[: i + 1] for i, c in enumerate(commune.path) if c == "/"]:
            paths |= Q(unit__path=prefix)
    return running.filter(Q(agents=agent) | paths).distinct().order_by("starts_on")


def renewals_due(user, month):
    """People due this month who have not paid again yet, of those the agent's organisation enrolled, collected
    from or mobilised (the register's access policy): not competitors' people, wherever they live."""
    theirs = participants_for(user, Participant.objects.filter(paid_through=add_months(first_of_month(month), -1)))
    return participants_due_in(month, theirs).select_related("commune").order_by("commune__name", "full_name")


def quota_progress_this_month(agent, today, metric=Metric.SI_NEW):
    """New voluntary SI participants counted (docs/AGENTS.md), or new household HI reported, against the
    agent's quota of the month for that metric."""
    month = first_of_month(today)
    quota = AgentStaffQuota.objects.filter(agent=agent, year=today.year, month=today.month, metric=metric).first()
    if metric == Metric.HI_HOUSEHOLD:
        counted = sum(new_hi_by_agent_month([agent.pk], month, month_end(month))[agent.pk].values())
    else:
        counted = sum(f["counted"] for f in counted_by_agent_day([agent.pk], month, month_end(month)).values())
    percent = round(counted * 100 / quota.target) if quota and quota.target else None
    return {"quota": quota, "counted": counted, "percent": percent, "bar": min(percent or 0, 100)}


def may_log_results(agent, today):
    """False once the organisation's contracts have all ended (terminated, expired, suspended or past their
    end date); a branch of a national network also works under the network's contracts. An organisation with
    no contract recorded yet is not stopped: nothing says it ended."""
    in_force = Q(status=ContractStatus.ACTIVE, valid_from__lte=today) & (Q(valid_to__isnull=True) | Q(valid_to__gte=today))
    contracts = [Contract.objects.filter(organisation_id=agent.point.organisation_id)]
    if agent.point.organisation.network_id:
        contracts.append(NetworkContract.objects.filter(network_id=agent.point.organisation.network_id))
    recorded = found = 0
    for queryset in contracts:
        figures = queryset.aggregate(recorded=Count("pk"), in_force=Count("pk", filter=in_force))
        recorded, found = recorded + figures["recorded"], found + figures["in_force"]
    return not recorded or bool(found)
