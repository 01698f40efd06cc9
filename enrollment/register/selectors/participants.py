"""Who may see which participants, and which personal data they may read."""

from django.db.models import Q

from enrollment.register.models.participants import Participant
from enrollment.shared.models.users import OFFICE_ROLES, Role
from enrollment.shared.scoping import scope_queryset, visible_units
from enrollment.territory.models.officers import Staff
from enrollment.territory.models.units import Level

ENTRY_ROLES = (*OFFICE_ROLES, Role.AGENT_STAFF)


def participants_for(user, queryset=None):
    queryset = queryset if queryset is not None else Participant.objects.all()
    return scope_queryset(user, queryset, unit_field="commune")


def communes_for(user):
    return visible_units(user).filter(level=Level.COMMUNE).order_by("name")


def villages_for(user):
    return visible_units(user).filter(level=Level.VILLAGE).order_by("name")


def staff_for(user):
    return scope_queryset(user, Staff.objects.filter(is_active=True).select_related("unit")).order_by("full_name")


def own_participant_ids(user, participants):
    """The participants (ids or a queryset) an agent staff member enrolled or collected from: theirs to read in full."""
    own = Q(created_by=user)
    if agents_model("CollectionPoint") is not None:
        own |= Q(commune__serving_points__staff__user=user)
    if _agents_linked():
        own |= Q(payments__collected_by_agent__user=user) | Q(payments__mobilised_by_agent__user=user)
    if hasattr(participants, "values"):
        participants = participants.order_by().values("pk")
    return set(Participant.objects.filter(own, pk__in=participants).values_list("pk", flat=True).distinct())


def agents_model(name):
    """An agents model when that app has it (enrollment never imports the agents package)."""
    from django.apps import apps

    try:
        return apps.get_model("agents", name)
    except LookupError:
        return None


def _agents_linked():
    from enrollment.register.models.participants import Payment

    return any(f.name == "collected_by_agent" for f in Payment._meta.get_fields())


class PersonalDataPolicy:
    """Decides row by row whether personal data shows in full or masked, in one query per page."""

    def __init__(self, user, participants=()):
        self.user = user
        self.full = user.role in OFFICE_ROLES
        self.own = set() if self.full or user.role != Role.AGENT_STAFF else own_participant_ids(user, participants)

    def shows(self, participant_id):
        return self.full or participant_id in self.own


def mask_id(value):
    return f"{'*' * (len(value) - 3)}{value[-3:]}" if value else ""


def mask_phone(value):
    return f"{value[:2]}*****{value[-3:]}" if value else ""


def mask_name(value):
    """"Nguyễn Văn An" → "Nguyễn V. A.": enough to talk about someone, not to identify them."""
    words = value.split()
    if len(words) < 2:
        return value[:1] + "."
    return " ".join([words[0], *[w[:1] + "." for w in words[1:]]])


def mask_birth_date(value):
    return f"**/**/{value.year}" if value else ""
