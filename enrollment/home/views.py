from django.shortcuts import redirect, render
from django.utils import timezone

from enrollment.home.panels import landing_for, panels_for
from enrollment.home.selectors import district_day, manager_day
from enrollment.shared.access import scoped_view
from enrollment.shared.models.users import MANAGER_ROLES, Role
from enrollment.shared.scoping import scope_path


@scoped_view
def home(request):
    """What needs the user today: managers their area against the plan and what waits for them, district
    staff their entry shortcuts, renewals and officers; agent staff land on their phone page."""
    user = request.user
    landing = landing_for(user)
    if landing:
        return redirect(landing)
    has_scope = scope_path(user) is not None
    today = timezone.localdate()
    context = {"has_scope": has_scope, "today": today, "role": user.role}
    if has_scope:
        if user.role in MANAGER_ROLES or user.role == Role.VIEWER:
            context.update(manager_day(user, today))
        elif user.role == Role.DISTRICT_STAFF:
            context.update(district_day(user, today))
        context["panels"] = panels_for(user, today)
    context["is_manager"] = user.role in MANAGER_ROLES
    return render(request, "enrollment/home.html", context)
