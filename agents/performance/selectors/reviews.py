"""The contract review list summed up per organisation and point."""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Subquery

from agents.staff.models import AgentStaff


@dataclass
class FlaggedCount:
    name: str
    flagged: int = 0
    active: int = 0
    points: list = field(default_factory=list)


def flagged_by_organisation(reviews):
    """Organisations, each with its points, and how many of their active staff await a decision.

    `reviews` is already scoped; one query.
    """
    active = (AgentStaff.objects.filter(point=OuterRef("agent__point"), is_active=True).order_by()
              .values("point").annotate(n=Count("pk")).values("n"))
    rows = (reviews.filter(decision="").order_by()
            .values_list("agent__point__organisation_id", "agent__point__organisation__name", "agent__point__name")
            .annotate(flagged=Count("agent", distinct=True), active=Subquery(active)))
    organisations = {}
    for organisation_id, organisation_name, point_name, flagged, active_staff in rows:
        organisation = organisations.setdefault(organisation_id, FlaggedCount(organisation_name))
        organisation.points.append(FlaggedCount(point_name, flagged, active_staff or 0))
        organisation.flagged += flagged
        organisation.active += active_staff or 0
    for organisation in organisations.values():
        organisation.points.sort(key=lambda p: (-p.flagged, p.name))
    return sorted(organisations.values(), key=lambda o: (-o.flagged, o.name))
