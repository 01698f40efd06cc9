"""Named enrollees as a user may see them: in full for offices and for the agent who logged them, masked otherwise."""

from agents.campaigns.models.enrollees import ResultEnrollee
from enrollment.register.selectors.participants import mask_id, mask_name
from enrollment.shared.models.users import OFFICE_ROLES, Role

RECENT = 50


def enrollees_shown(user, enrollees):
    """The enrollees (a scoped queryset) with `shown_name` and `shown_id` set for this user."""
    shown = list(enrollees)
    for enrollee in shown:
        full = user.role in OFFICE_ROLES or (user.role == Role.AGENT_STAFF and enrollee.result.agent.user_id == user.pk)
        enrollee.shown_name = enrollee.full_name if full else mask_name(enrollee.full_name)
        enrollee.shown_id = enrollee.personal_id if full else mask_id(enrollee.personal_id)
    return shown


def enrollees_of(member, results):
    """The latest people an agent staff member named, within the user's scoped `results`."""
    return (ResultEnrollee.objects.filter(result__in=results.filter(agent=member))
            .select_related("result__agent", "participant", "household_member").order_by("-result__day", "full_name")[:RECENT])
