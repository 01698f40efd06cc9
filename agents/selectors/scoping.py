"""What agent data a user may see, built on the project's one scoping selector.

- Office roles and viewers: by geography, through `enrollment.selectors.scoping.scope_queryset`:
  points, staff and results by the commune they sit in; organisations by their contracting unit or
  by any of their points; campaigns whose scope unit is in the user's area or contains it
  (a district sees the province's mobilisation day, with its own communes' results only).
- Agent staff: only their own organisation's data; an agent account without an agent staff
  profile sees nothing.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from agents.models import (
    AgentOrganisation, AgentStaff, Campaign, CampaignResult, CollectionPoint, ContractReview, TrainingCourse,
)
from enrollment.models import Role
from enrollment.selectors.scoping import scope_path, scope_queryset


def agent_profile(user):
    """The AgentStaff behind an agent staff account, or None."""
    if not user.is_authenticated or user.role != Role.AGENT_STAFF:
        return None
    if not hasattr(user, "_agent_profile"):
        user._agent_profile = (AgentStaff.objects.select_related("point__organisation", "point__unit")
                               .filter(user=user).first())
    return user._agent_profile


def _agent_organisation_id(user):
    profile = agent_profile(user)
    return profile.point.organisation_id if profile and profile.is_active else None


def _by_role(user, queryset, *, unit_field, organisation_field):
    if user.is_authenticated and user.role == Role.AGENT_STAFF:
        organisation_id = _agent_organisation_id(user)
        if organisation_id is None:
            return queryset.none()
        return queryset.filter(**{organisation_field: organisation_id})
    return scope_queryset(user, queryset, unit_field)


def visible_organisations(user, queryset=None):
    queryset = queryset if queryset is not None else AgentOrganisation.objects.all()
    if user.is_authenticated and user.role == Role.AGENT_STAFF:
        return _by_role(user, queryset, unit_field="unit", organisation_field="pk")
    prefix = scope_path(user)
    if prefix is None:
        return queryset.none()
    if prefix == "":
        return queryset
    point_here = CollectionPoint.objects.filter(organisation=OuterRef("pk"), unit__path__startswith=prefix)
    return queryset.filter(Q(unit__path__startswith=prefix) | Exists(point_here))


def visible_points(user, queryset=None):
    queryset = queryset if queryset is not None else CollectionPoint.objects.all()
    return _by_role(user, queryset, unit_field="unit", organisation_field="organisation_id")


def visible_staff(user, queryset=None):
    queryset = queryset if queryset is not None else AgentStaff.objects.all()
    return _by_role(user, queryset, unit_field="point__unit", organisation_field="point__organisation_id")


def visible_results(user, queryset=None):
    queryset = queryset if queryset is not None else CampaignResult.objects.all()
    return _by_role(user, queryset, unit_field="commune", organisation_field="agent__point__organisation_id")


def visible_reviews(user, queryset=None):
    queryset = queryset if queryset is not None else ContractReview.objects.all()
    return _by_role(user, queryset, unit_field="agent__point__unit",
                    organisation_field="agent__point__organisation_id")


def visible_campaigns(user, queryset=None):
    queryset = queryset if queryset is not None else Campaign.objects.all()
    if user.is_authenticated and user.role == Role.AGENT_STAFF:
        organisation_id = _agent_organisation_id(user)
        if organisation_id is None:
            return queryset.none()
        return queryset.filter(agents__point__organisation_id=organisation_id).distinct()
    prefix = scope_path(user)
    if prefix is None:
        return queryset.none()
    if prefix == "":
        return queryset
    ancestors = [prefix[: i + 1] for i, char in enumerate(prefix) if char == "/"]
    return queryset.filter(Q(unit__path__startswith=prefix) | Q(unit__path__in=ancestors))


def get_in_scope(queryset, **lookup):
    """One object of an already scoped queryset; anything else, existing or not, is a 404."""
    try:
        return queryset.get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def visible_courses(user, queryset=None):
    """Courses organised in the user's area or attended by agent staff the user may see."""
    queryset = queryset if queryset is not None else TrainingCourse.objects.all()
    attended = TrainingCourse.objects.filter(records__staff__in=visible_staff(user)).values("pk")
    if user.is_authenticated and user.role == Role.AGENT_STAFF:
        return queryset.filter(pk__in=attended)
    organised = scope_queryset(user, TrainingCourse.objects.all(), "unit").values("pk")
    return queryset.filter(Q(pk__in=organised) | Q(pk__in=attended))
