"""A campaign's results per agent and day, counted against the register without double counting."""

from django.db.models import Count, Sum
from django.db.models.functions import Coalesce

from agents.models import AgentStaff
from agents.selectors.claims import counted_by_key
from enrollment.models import Payment

SUMMED = ("households_visited", "people_consulted", "attendees", "new_si", "new_hi")


def campaign_rows(campaign, results, agents):
    """One dict per (agent, day): summed results, `reported`, `confirmed` (first payments the register
    links to this campaign and credits to the agent that day) and `counted`: what is left once the
    campaign's payments have settled the agent's claims of the campaign (max(reported, confirmed) on a day).

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
                 .annotate(credited=Coalesce("mobilised_by_agent", "collected_by_agent"))
                 .filter(credited__in=agents.values("pk"))
                 .values_list("credited", "paid_on", "commune__name").annotate(n=Count("pk")).order_by())
    for agent_id, day, commune, n in confirmed:
        row = rows.setdefault((agent_id, day), {"agent": agent_id, "day": day, "communes": set(), "notes": [],
                                                **{f: 0 for f in SUMMED}})
        row["confirmed"] = row.get("confirmed", 0) + n
        row["communes"].add(commune)
    names = dict(AgentStaff.objects.filter(pk__in={k[0] for k in rows}).values_list("pk", "full_name"))
    counted = counted_by_key({key: row["new_si"] or 0 for key, row in rows.items()},
                             {key: row.get("confirmed", 0) for key, row in rows.items()})
    out = []
    for (agent_id, day), row in rows.items():
        out.append({**row, "agent": names.get(agent_id, ""), "communes": ", ".join(sorted(row["communes"])),
                    "notes": "; ".join(row["notes"]),
                    "reported": row["new_si"] or 0, "confirmed": row.get("confirmed", 0),
                    "counted": counted[(agent_id, day)]})
    return out


def campaign_totals(rows):
    totals = {f: sum(r[f] or 0 for r in rows) for f in (*SUMMED, "reported", "confirmed", "counted")}
    totals["agent_days"] = len(rows)
    return totals
