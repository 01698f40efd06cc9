"""Who may see which participants, and which personal data they may read."""

from django.db.models import Exists, OuterRef, Q
from django.http import Http404
from django.utils.translation import gettext as _

from enrollment.register.models.participants import Participant, Payment
from enrollment.register.models.participants import mask_name as mask_name  # the masks are read from here
from enrollment.shared.history import changes
from enrollment.shared.models.users import OFFICE_ROLES, Role
from enrollment.shared.scoping import scope_path, scope_queryset, visible_units
from enrollment.territory.models.officers import Staff
from enrollment.territory.models.units import Level

ENTRY_ROLES = (*OFFICE_ROLES, Role.AGENT_STAFF)
# Correcting what is saved is the offices' work; every correction is kept in the history.
EDIT_ROLES = OFFICE_ROLES


def participants_for(user, queryset=None):
    """The participants a user may see at all: their area's for office roles and viewers; for agent staff,
    the people their organisation enrolled, collected from or mobilised (whom it must renew), wherever
    they live, and nobody else's."""
    queryset = queryset if queryset is not None else Participant.objects.all()
    if user.is_authenticated and user.role == Role.AGENT_STAFF:
        organisation_id = agent_organisation_id(user)
        if organisation_id is None:
            return queryset.none()
        return queryset.filter(_of_organisation(organisation_id))
    if not scope_path(user):  # the whole country, or nothing
        return scope_queryset(user, queryset, unit_field="commune")
    return queryset.filter(commune_id__in=area_commune_ids(user))


def area_commune_ids(user):
    """The communes of a user's area, as a list of ids: PostgreSQL then estimates a district's few thousand
    people from the column's statistics and sorts them, where a join on the units' paths made it walk the
    whole register in name order (docs/BENCHMARKS.md, load)."""
    if not hasattr(user, "_area_commune_ids"):
        user._area_commune_ids = list(visible_units(user).filter(level=Level.COMMUNE).values_list("pk", flat=True))
    return user._area_commune_ids


def get_participant_for(user, pk, queryset=None):
    """One participant the user may see; anyone else, existing or not, is a 404."""
    try:
        return participants_for(user, queryset).get(pk=pk)
    except Participant.DoesNotExist:
        raise Http404 from None


def agent_organisation_id(user):
    """The organisation of an active agent staff account, or None (agent models named by string)."""
    if not hasattr(user, "_agent_organisation_id"):
        staff = agents_model("AgentStaff")
        user._agent_organisation_id = None if staff is None else (
            staff.objects.filter(user=user, is_active=True).values_list("point__organisation_id", flat=True).first())
    return user._agent_organisation_id


def _of_organisation(organisation_id):
    staff = agents_model("AgentStaff").objects.filter(point__organisation_id=organisation_id)
    worked = Payment.objects.filter(participant=OuterRef("pk")).filter(
        Q(collected_by_agent__in=staff.values("pk")) | Q(mobilised_by_agent__in=staff.values("pk")))
    return Q(created_by__in=staff.exclude(user=None).values("user_id")) | Q(Exists(worked))


def communes_for(user):
    return visible_units(user).filter(level=Level.COMMUNE).order_by("name")


def villages_for(user):
    return visible_units(user).filter(level=Level.VILLAGE).order_by("name")


def staff_for(user):
    return scope_queryset(user, Staff.objects.filter(is_active=True).select_related("unit")).order_by("full_name")


def agents_model(name):
    """An agents model when that app has it (enrollment never imports the agents package)."""
    from django.apps import apps

    try:
        return apps.get_model("agents", name)
    except LookupError:
        return None


# Roles whose work needs a participant's personal data in full: the offices, and agent staff for the
# people `participants_for` gives them (their own organisation's). Viewers read it masked.
FULL_DATA_ROLES = (*OFFICE_ROLES, Role.AGENT_STAFF)


class PersonalDataPolicy:
    """Whether personal data shows in full or masked; by role, since `participants_for` already keeps
    each role to the people it may see."""

    def __init__(self, user, participants=()):
        self.user = user
        self.full = user.role in FULL_DATA_ROLES

    def shows(self, participant_id):
        return self.full


def mask_id(value):
    return f"{'*' * (len(value) - 3)}{value[-3:]}" if value else ""


def mask_phone(value):
    return f"{value[:2]}*****{value[-3:]}" if value else ""


def mask_birth_date(value):
    return f"**/**/{value.year}" if value else ""


def participant_history(participant):
    """The changes to a person and to their payments, newest first (for roles that read them in full)."""
    def subject(record):
        if record.instance_type is Payment:
            return _("Payment %(start)s–%(end)s") % {"start": f"{record.period_start:%m/%Y}",
                                                       "end": f"{record.period_end:%m/%Y}"}
        return _("Participant")

    return changes(participant.history.all(), Payment.history.filter(participant_id=participant.pk), subject=subject)
