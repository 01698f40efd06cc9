"""What agent data a user may see, built on the project's one scoping selector.

- Office roles and viewers: by geography, through `enrollment.shared.scoping.scope_queryset`:
  points, staff and results by the commune they sit in; organisations by their contracting unit or
  by any of their points; campaigns whose scope unit is in the user's area or contains it
  (a district sees the province's mobilisation day, with its own communes' results only).
- Agent staff: only their own organisation's data; an agent account without an agent staff
  profile sees nothing.

Writes (the `managed_*` selectors) belong to office roles only, and to what lies in their area:
an organisation contracted there, a point or staff member in one of its communes, a course
organised there. A point may belong to an organisation contracted higher up (the provincial post
office opens a point in a district), and staff may attend a course organised higher up.
"""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404

from agents.campaigns.models.campaigns import Campaign, CampaignResult
from agents.organisations.models import AgentNetwork, AgentOrganisation, CollectionPoint
from agents.performance.models import ContractReview
from agents.staff.models import AgentStaff, TrainingCourse
from enrollment.shared.models.users import OFFICE_ROLES, Role
from enrollment.shared.scoping import scope_path, scope_queryset
from enrollment.territory.models.units import CodeSet, Level, Unit


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


def visible_networks(user, queryset=None):
    """National networks of which the user sees a branch: every one for national users; for a provincial office
    the networks with a branch in its province (whose pages then show that branch only), for agent staff their
    organisation's network."""
    queryset = queryset if queryset is not None else AgentNetwork.objects.all()
    if scope_path(user) == "" and user.role != Role.AGENT_STAFF:
        return queryset
    return queryset.filter(pk__in=visible_organisations(user).exclude(network=None).values("network_id"))


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
        # Taking part, or having logged results in it: the phone page offers every campaign running in
        # the agent's communes.
        taking_part = Campaign.objects.filter(agents__point__organisation_id=organisation_id).values("pk")
        logged = CampaignResult.objects.filter(agent__point__organisation_id=organisation_id).values("campaign_id")
        return queryset.filter(Q(pk__in=taking_part) | Q(pk__in=logged))
    prefix = scope_path(user)
    if prefix is None:
        return queryset.none()
    if prefix == "":
        return queryset
    return queryset.filter(Q(unit__path__startswith=prefix) | Q(unit__path__in=_ancestor_paths(prefix)))


def _ancestor_paths(path):
    return [path[: i + 1] for i, char in enumerate(path) if char == "/"]


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


def _office(user):
    return user.is_authenticated and user.role in OFFICE_ROLES


def _in_area_or_above(user, queryset, unit_field="unit"):
    """Rows whose unit is in the user's area or is one of the units above it."""
    prefix = scope_path(user)
    if prefix is None:
        return queryset.none()
    if prefix == "":
        return queryset
    return queryset.filter(Q(**{f"{unit_field}__path__startswith": prefix})
                           | Q(**{f"{unit_field}__path__in": _ancestor_paths(prefix)}))


def managed_organisations(user, queryset=None):
    """Organisations the user may edit, with their contracts: those contracted in the user's area."""
    queryset = queryset if queryset is not None else AgentOrganisation.objects.all()
    return scope_queryset(user, queryset, "unit") if _office(user) else queryset.none()


def organisations_for_points(user):
    """Organisations a point in the user's area may belong to: contracted in the area or above it, or
    already with a point there."""
    queryset = AgentOrganisation.objects.all()
    if not _office(user):
        return queryset.none()
    return visible_organisations(user, queryset) | _in_area_or_above(user, queryset)


def managed_points(user, queryset=None):
    queryset = queryset if queryset is not None else CollectionPoint.objects.all()
    return visible_points(user, queryset) if _office(user) else queryset.none()


def managed_staff(user, queryset=None):
    queryset = queryset if queryset is not None else AgentStaff.objects.all()
    return visible_staff(user, queryset) if _office(user) else queryset.none()


def managed_campaigns(user, queryset=None):
    """Campaigns the user may edit: those whose scope unit is in the user's area (a district sees the
    province's mobilisation day but does not edit it)."""
    queryset = queryset if queryset is not None else Campaign.objects.all()
    return scope_queryset(user, queryset, "unit") if _office(user) else queryset.none()


def managed_courses(user, queryset=None):
    queryset = queryset if queryset is not None else TrainingCourse.objects.all()
    return scope_queryset(user, queryset, "unit") if _office(user) else queryset.none()


def courses_for_records(user):
    """Courses the user's agent staff may be recorded in: organised in the user's area or above it."""
    queryset = TrainingCourse.objects.all()
    return _in_area_or_above(user, queryset) if _office(user) else queryset.none()


def managed_communes(user):
    """Communes (2025 set) where the user may place points and which those points may serve."""
    if not _office(user):
        return Unit.objects.none()
    return scope_queryset(user, Unit.objects.filter(level=Level.COMMUNE, code_set=CodeSet.CURRENT), unit_field=None)


def shows_phone(user, member):
    """Offices call agent staff; viewers need no phone, and agent staff only their own."""
    if user.role == Role.AGENT_STAFF:
        profile = agent_profile(user)
        return profile is not None and profile.pk == member.pk
    return user.role in OFFICE_ROLES


def writes_agents(user):
    """Office roles write the points, staff, training and cards they see (docs/AGENTS.md)."""
    return user.role in OFFICE_ROLES


def columns_without_edit(user, *columns):
    return columns if writes_agents(user) else columns + ("edit",)
