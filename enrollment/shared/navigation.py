"""The menu each role sees, grouped by task: a few menus rather than a line of fifteen links."""

from django.urls import reverse
from django.utils.translation import gettext_lazy as _

from enrollment.shared.models.users import MANAGER_ROLES as MANAGER
from enrollment.shared.models.users import OFFICE_ROLES as OFFICE
from enrollment.shared.models.users import Role

RENEWAL_ROLES = (*OFFICE, Role.AGENT_STAFF)
ADMIN = "admin"

# (group label or None for a link of its own, [(url name, label, roles that see it)])
MENU = [
    (None, [("home", _("Today"), None)]),
    (_("Follow"), [
        ("dashboard_home", _("Dashboard"), (*OFFICE, Role.VIEWER)),
        ("agents:leaderboard", _("Leaderboard"), None),
        ("renewal_figures", _("Renewal and lapse figures"), (*OFFICE, Role.VIEWER)),
    ]),
    (_("Targets"), [
        ("plans_home", _("Plans"), None),
        ("approval_queue", _("Waiting for your approval"), MANAGER),
        ("officer_quotas", _("Officer quotas"), OFFICE),
    ]),
    (_("Register"), [
        ("agents:field", _("My day"), (Role.AGENT_STAFF,)),
        ("participant_list", _("Participants"), None),
        ("renewal_list", _("Renewals"), RENEWAL_ROLES),
        ("household_list", _("Household HI"), (*OFFICE, Role.VIEWER)),
        ("import_list", _("Imports"), OFFICE),
    ]),
    (_("Agents"), [
        ("agents:organisation_list", _("Agents"), None),
        ("agents:campaign_list", _("Campaigns"), None),
    ]),
    (_("Reference"), [
        ("unit_browser", _("Units"), None),
        ("staff_list", _("Officers"), OFFICE),
        ("labour_force_list", _("Labour force"), OFFICE),
        (ADMIN, _("Administration"), ()),
    ]),
]


def _sees(user, name, roles):
    if name == ADMIN:
        return user.is_staff and (user.is_national or user.is_superuser)
    return roles is None or user.role in roles


def menu_for(user):
    """[{"label", "items": [{"url", "label", "name"}]}]: the groups the user has something in."""
    if not user.is_authenticated:
        return []
    groups = []
    for label, entries in MENU:
        items = [{"url": reverse("admin:index" if name == ADMIN else name), "label": item_label, "name": name}
                 for name, item_label, roles in entries if _sees(user, name, roles)]
        if items:
            groups.append({"label": label, "items": items})
    return groups


def navigation(request):
    user = getattr(request, "user", None)
    if user is None:
        return {}
    match = getattr(request, "resolver_match", None)
    current = match.view_name if match else None
    groups = menu_for(user)
    for group in groups:
        group["active"] = any(item["name"] == current for item in group["items"])
    return {"menu_groups": groups, "menu": [item for group in groups for item in group["items"]],
            "current_url_name": match.url_name if match else None, "current_view_name": current}
