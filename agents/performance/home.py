"""The managers' home page panel of agent staff flagged for a contract review."""

from agents.shared.scoping import visible_reviews
from enrollment.home.panels import Panel
from enrollment.shared.models.users import OFFICE_ROLES, Role

SHOWN = 5


def flagged_agents_panel(user, today):
    if user.role not in (*OFFICE_ROLES, Role.VIEWER):
        return None
    open_reviews = visible_reviews(user).filter(decision="")
    count = open_reviews.count()
    reviews = list(open_reviews.select_related("agent__point__organisation").order_by("-flagged_at")[:SHOWN]) \
        if count else []
    return Panel(template="agents/_home_flagged.html", context={"count": count, "reviews": reviews}, order=60)
