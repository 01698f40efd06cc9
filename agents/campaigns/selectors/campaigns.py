"""A campaign's results per agent and day, counted against the register without double counting."""

from django.db.models import Count, Exists, OuterRef, Sum
from django.db.models.functions import Coalesce

from agents.campaigns.models.enrollees import ResultEnrollee
from agents.performance.selectors.claims import claims_left, counted_by_key
from agents.performance.selectors.performance import (
    linked_enrollees,
    named_si_enrollees,
)
from agents.staff.models import AgentStaff
from enrollment.register.models.participants import Payment

SUMMED = ("households_visited", "people_consulted", "attendees", "new_si", "new_hi")


def campaign_rows(campaign, results, agents):
    """One dict per (agent, day): summed results, `reported`, `confirmed` (first payments the register
    links to this campaign and credits to the agent that day) and `counted`: what is left once the
    campaign's payments have settled the agent's claims of the campaign (max(reported, confirmed) on a day),
    plus the people named in the campaign's results whose first payment is in the register, once each.

    `results` and `agents` are the user's scoped querysets.
    """
    rows = {}
    summed = (results.filter(campaign=campaign).values("agent", "day")
              .annotate(**{f: Sum(f) for f in SUMMED}).order_by())
    for row in summed:
        rows[(row["agent"], row["day"])] = {**row, "communes": set(), "notes": []}
    for agent_id, day, commune, notes in (results.filter(campaign=campaign).order_by("recorded_at")
                                          .values_list("agent", "day", "commune__name", "notes")):
        rows[(agent_id, day)]["communes"].add(commune)
        if notes.strip():
            rows[(agent_id, day)]["notes"].append(notes.strip())
    confirmed = (Payment.objects.filter(campaign=campaign, is_first=True)
                 .annotate(credited=Coalesce("mobilised_by_agent", "collected_by_agent"),
                           named=Exists(named_si_enrollees().filter(participant=OuterRef("participant"))))
                 .filter(credited__in=agents.values("pk"))
                 .values_list("credited", "paid_on", "commune__name", "named").annotate(n=Count("pk")).order_by())
    confirmed_named = {}
    for agent_id, day, commune, is_named, n in confirmed:
        row = _row(rows, agent_id, day)
        row["confirmed"] = row.get("confirmed", 0) + n
        row["communes"].add(commune)
        if is_named:
            confirmed_named[(agent_id, day)] = confirmed_named.get((agent_id, day), 0) + n
    linked_reported, linked = linked_enrollees(named_si_enrollees().filter(result__in=results.filter(campaign=campaign)))
    for agent_id, day in linked:
        _row(rows, agent_id, day)
    names = dict(AgentStaff.objects.filter(pk__in={k[0] for k in rows}).values_list("pk", "full_name"))
    counted = counted_by_key(
        claims_left({key: row["new_si"] or 0 for key, row in rows.items()}, linked_reported),
        {key: row.get("confirmed", 0) - confirmed_named.get(key, 0) for key, row in rows.items()}, linked=linked)
    out = []
    for (agent_id, day), row in rows.items():
        out.append({**row, "agent": names.get(agent_id, ""), "communes": ", ".join(sorted(row["communes"])),
                    "notes": "; ".join(row["notes"]),
                    "reported": row["new_si"] or 0, "confirmed": row.get("confirmed", 0),
                    "counted": counted[(agent_id, day)]})
    return out


def _row(rows, agent_id, day):
    return rows.setdefault((agent_id, day), {"agent": agent_id, "day": day, "communes": set(), "notes": [],
                                             **{f: 0 for f in SUMMED}})


def campaign_enrollees(campaign, results):
    """The people named in the campaign's results the user sees, with their register link."""
    return (ResultEnrollee.objects.filter(result__in=results.filter(campaign=campaign))
            .select_related("result__agent", "participant", "household_member").order_by("result__day", "full_name"))


def campaign_totals(rows):
    totals = {f: sum(r[f] or 0 for r in rows) for f in (*SUMMED, "reported", "confirmed", "counted")}
    totals["agent_days"] = len(rows)
    return totals
