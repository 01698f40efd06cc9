"""How many people an agent brought in, without counting anyone twice.

An agent's new enrollees reach the system twice: as a claim in a campaign result (`new_si`) and,
once the money is in, as a first payment in the register (`Payment.is_first`) that names the agent
as mobiliser (or, when nobody is named as mobiliser, as collector). Per agent the counted
figure is what remains once the register's first payments have settled the agent's claims (a claim
and a payment up to AGENTS_CLAIM_DAYS apart are the same person): on one day that is max(reported,
confirmed), never their sum; a claim on a campaign day and the payment a few days later count once,
and a claim counts until the register catches up. A person named in a result with their personal ID counts
once as that person when the register has their first payment (agents/selectors/claims.py). Renewals collected
come from the register only.
"""

from collections import defaultdict
from datetime import date

from django.db.models import Count, Exists, OuterRef, Sum
from django.db.models.functions import Coalesce, Least, TruncMonth

from agents.campaigns.models.campaigns import CampaignResult
from agents.campaigns.models.enrollees import EnrolleeKind, ResultEnrollee
from agents.performance.selectors.claims import (
    claim_window,
    claims_left,
    counted_by_key,
)
from enrollment.register.models.participants import Payment
from enrollment.shared.months import first_of_month


def _agent_ids(agents):
    return agents.values("pk") if hasattr(agents, "values") else [getattr(a, "pk", a) for a in agents]


def first_payments_credited(agents, start, end):
    """First payments in [start, end] credited to the agents, annotated with `credited` (the agent id)."""
    return (
        Payment.objects.filter(is_first=True, paid_on__gte=start, paid_on__lte=end)
        .annotate(credited=Coalesce("mobilised_by_agent", "collected_by_agent"))
        .filter(credited__in=_agent_ids(agents))
    )


def named_si_enrollees():
    return ResultEnrollee.objects.filter(kind=EnrolleeKind.VOLUNTARY_SI)


def confirmed_by_agent_day(agents, start, end, with_named=False):
    """{(agent_id, day): first payments}; with `with_named`, also those of people named in a result logged by
    `end`, which count through that result, not here."""
    named = named_si_enrollees().filter(participant=OuterRef("participant"), result__day__lte=end)
    rows = (first_payments_credited(agents, start, end).annotate(named=Exists(named))
            .values_list("credited", "paid_on", "named").annotate(n=Count("pk")).order_by())
    confirmed, of_named = defaultdict(int), defaultdict(int)
    for agent_id, day, is_named, n in rows:
        confirmed[(agent_id, day)] += n
        if is_named:
            of_named[(agent_id, day)] += n
    return (dict(confirmed), dict(of_named)) if with_named else dict(confirmed)


def linked_enrollees(enrollees, until=None):
    """Named voluntary SI enrollees the register has a first payment for (by `until`):
    ({(agent_id, report day): n}, {(agent_id, day counted): n}), counted on the earlier of the two days."""
    linked = enrollees.filter(participant__first_paid_on__isnull=False)
    if until is not None:
        linked = linked.filter(participant__first_paid_on__lte=until)
    rows = (linked.annotate(counted_on=Least("result__day", "participant__first_paid_on"))
            .values_list("result__agent", "result__day", "counted_on").annotate(n=Count("pk")).order_by())
    by_report, by_day = defaultdict(int), defaultdict(int)
    for agent_id, report_day, counted_on, n in rows:
        by_report[(agent_id, report_day)] += n
        by_day[(agent_id, counted_on)] += n
    return dict(by_report), dict(by_day)


def reported_by_agent_day(agents, start, end):
    rows = (CampaignResult.objects.filter(agent__in=_agent_ids(agents), day__gte=start, day__lte=end)
            .values_list("agent", "day").annotate(n=Sum("new_si")).order_by())
    return {(agent_id, day): n or 0 for agent_id, day, n in rows}


def counted_by_agent_day(agents, start, end):
    """{(agent_id, day): {"reported", "confirmed", "counted"}} for every agent-day in [start, end] with
    either figure; `counted` is what is left once payments have settled claims (agents/selectors/claims.py)."""
    # Claims and payments just before the period settle against those in it: look back two windows.
    # Nothing after `end` changes a day up to `end` (a later payment settles an earlier claim, not the reverse).
    since = start - 2 * claim_window()
    reported = reported_by_agent_day(agents, since, end)
    confirmed, confirmed_named = confirmed_by_agent_day(agents, since, end, with_named=True)
    linked_reported, linked = linked_enrollees(
        named_si_enrollees().filter(result__agent__in=_agent_ids(agents), result__day__gte=since, result__day__lte=end),
        until=end)
    counted = counted_by_key(claims_left(reported, linked_reported),
                             {key: n - confirmed_named.get(key, 0) for key, n in confirmed.items()}, linked=linked)
    return {
        key: {"reported": reported.get(key, 0), "confirmed": confirmed.get(key, 0), "counted": counted.get(key, 0)}
        for key in reported.keys() | confirmed.keys() | linked.keys() if start <= key[1] <= end
    }


def new_by_agent_month(agents, start, end):
    """{agent_id: {first_of_month: counted new enrollees}}."""
    totals = defaultdict(lambda: defaultdict(int))
    for (agent_id, day), figures in counted_by_agent_day(agents, start, end).items():
        totals[agent_id][first_of_month(day)] += figures["counted"]
    return totals


def new_hi_by_agent_month(agents, start, end):
    """{agent_id: {first_of_month: new household HI reported}}: the register does not link household
    members to agents, so these are the agents' own figures."""
    rows = (CampaignResult.objects.filter(agent__in=_agent_ids(agents), day__gte=start, day__lte=end)
            .values_list("agent", "day").annotate(n=Sum("new_hi")).order_by())
    totals = defaultdict(lambda: defaultdict(int))
    for agent_id, day, n in rows:
        totals[agent_id][first_of_month(day)] += n or 0
    return totals


def renewals_by_agent_month(agents, start, end):
    """{agent_id: {first_of_month: payments collected from people who had paid before}}."""
    rows = (Payment.objects.filter(is_first=False, paid_on__gte=start, paid_on__lte=end,
                                   collected_by_agent__in=_agent_ids(agents))
            .annotate(month=TruncMonth("paid_on")).values_list("collected_by_agent", "month")
            .annotate(n=Count("pk")).order_by())
    totals = defaultdict(lambda: defaultdict(int))
    for agent_id, month, n in rows:
        month = month.date() if hasattr(month, "date") else month
        totals[agent_id][first_of_month(month)] += n
    return totals


def new_by_officer(staff, start, end):
    """{officer_id: first payments in [start, end] the officer mobilised (or collected, with no mobiliser)}."""
    rows = (Payment.objects.filter(is_first=True, paid_on__gte=start, paid_on__lte=end)
            .annotate(credited=Coalesce("mobilised_by_staff", "collected_by_staff"))
            .filter(credited__in=_agent_ids(staff)).values_list("credited").annotate(n=Count("pk")).order_by())
    return dict(rows)


def renewals_by_officer(staff, start, end):
    rows = (Payment.objects.filter(is_first=False, paid_on__gte=start, paid_on__lte=end,
                                   collected_by_staff__in=_agent_ids(staff))
            .values_list("collected_by_staff").annotate(n=Count("pk")).order_by())
    return dict(rows)


def months_of(start, end):
    """Firsts of the months from the month of `start` through the month of `end`."""
    months, month = [], first_of_month(start)
    while month <= end:
        months.append(month)
        month = date(month.year + month.month // 12, month.month % 12 + 1, 1)
    return months
