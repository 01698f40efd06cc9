"""The menu each role sees."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from enrollment.shared.models.users import OFFICE_ROLES as OFFICE
from enrollment.shared.models.users import Role

RENEWAL_ROLES = (*OFFICE, Role.AGENT_STAFF)

# (url name, label, roles that see it)
MENU = [
    ("home", _("Overview"), None),
    ("dashboard_home", _("Dashboard"), (*OFFICE, Role.VIEWER)),
    ("unit_browser", _("Units"), None),
    ("staff_list", _("Officers"), OFFICE),
    ("labour_force_list", _("Labour force"), OFFICE),
    ("import_list", _("Imports"), OFFICE),
    ("participant_list", _("Participants"), None),
    ("renewal_list", _("Renewals"), RENEWAL_ROLES),
    ("household_list", _("Household HI"), (*OFFICE, Role.VIEWER)),
    ("plans_home", _("Plans"), None),
    ("officer_quotas", _("Officer quotas"), OFFICE),
    # agents
    ("agents:field", _("Today"), (Role.AGENT_STAFF,)),
    ("agents:organisation_list", _("Agents"), None),
    ("agents:campaign_list", _("Campaigns"), None),
    ("agents:leaderboard", _("Leaderboard"), None),
]


def menu_for(user):
    if not user.is_authenticated:
        return []
    items = [
        {"url": reverse(name), "label": label, "name": name}
        for name, label, roles in MENU
        if roles is None or user.role in roles
    ]
    if user.is_staff and (user.is_national or user.is_superuser):
        items.append({"url": reverse("admin:index"), "label": _("Administration"), "name": "admin"})
    return items


def navigation(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    match = getattr(request, "resolver_match", None)
    return {"menu": menu_for(user), "current_url_name": match.url_name if match else None}
