"""Settling agents' reported new enrollees against the register's first payments, person for person.

An agent reports new enrollees on the phone the day they visit; the same people's first payments reach
the register that day or days later (or, when the report is logged late, days earlier). Per agent, a
first payment settles an open claim of up to `AGENTS_CLAIM_DAYS` days before or after it, oldest first,
and only what stays unsettled counts again. So on one day the count is max(reported, confirmed), and a
claim on the campaign day and the payment three days later are one person, not two.

A person the agent names in the result (with the personal ID) needs no window: once the register has
their first payment they count once, as that person (`linked`), on the earlier of the report day and the
payment day; their claim and their payment stay out of the settling of everyone else.
"""

from collections import defaultdict, deque
from datetime import timedelta

from django.conf import settings


def claim_window():
    return timedelta(days=settings.AGENTS_CLAIM_DAYS)


def _settle(open_entries, amount):
    """Take up to `amount` from the oldest open entries; return what is left of `amount`."""
    while amount and open_entries:
        taken = min(amount, open_entries[0][1])
        open_entries[0][1] -= taken
        amount -= taken
        if not open_entries[0][1]:
            open_entries.popleft()
    return amount


def _expire(open_entries, day, window):
    while open_entries and open_entries[0][0] < day - window:
        open_entries.popleft()


def counted_for_one_agent(reported, confirmed, window):
    """{day: counted} from {day: reported} and {day: confirmed} of one agent."""
    claims, payments, counted = deque(), deque(), {}
    for day in sorted(reported.keys() | confirmed.keys()):
        _expire(claims, day, window)
        _expire(payments, day, window)
        new_claims = _settle(payments, reported.get(day, 0))
        if new_claims:
            claims.append([day, new_claims])
        new_payments = _settle(claims, confirmed.get(day, 0))
        if new_payments:
            payments.append([day, new_payments])
        counted[day] = new_claims + new_payments
    return counted


def counted_by_key(reported, confirmed, window=None, linked=None):
    """{(agent_id, day): counted} from {(agent_id, day): n} figures of many agents: unnamed (or not yet
    registered) claims settled against payments of unnamed people, plus the named people `linked`."""
    window = claim_window() if window is None else window
    linked = linked or {}
    by_agent = defaultdict(lambda: ({}, {}))
    for index, figures in enumerate((reported, confirmed)):
        for (agent_id, day), n in figures.items():
            by_agent[agent_id][index][day] = n
    counted = {(agent_id, day): n
               for agent_id, (agent_reported, agent_confirmed) in by_agent.items()
               for day, n in counted_for_one_agent(agent_reported, agent_confirmed, window).items()}
    for key, n in linked.items():
        counted[key] = counted.get(key, 0) + n
    return counted


def claims_left(reported, linked_reported):
    """The reported figures without the named people the register has confirmed."""
    return {key: max(0, n - linked_reported.get(key, 0)) for key, n in reported.items()}
