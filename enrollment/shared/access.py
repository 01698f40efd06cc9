"""Deny by default: a view serves data only once it has declared how it is scoped."""

from functools import wraps

from django.contrib.auth.decorators import login_required
from django.core.exceptions import PermissionDenied

PUBLIC_NAMESPACES = {"admin"}


def public_view(view):
    """Serves no scoped data (login, health, language switch)."""
    view.scope_declared = True
    return view


def scoped_view(view=None, *, roles=None):
    """A login-required view whose data goes through the scoping selector.

    `roles` limits the view to some roles; others get 403.
    """

    def decorate(func):
        @login_required
        @wraps(func)
        def wrapper(request, *args, **kwargs):
            if roles is not None and request.user.role not in roles:
                raise PermissionDenied
            return func(request, *args, **kwargs)

        wrapper.scope_declared = True
        return wrapper

    return decorate(view) if view is not None else decorate


class ScopeDeclaredMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        if getattr(view_func, "scope_declared", False):
            return None
        if request.resolver_match and request.resolver_match.namespace in PUBLIC_NAMESPACES:
            return None
        view_class = getattr(view_func, "view_class", None)
        if view_class is not None and getattr(view_class, "scope_declared", False):
            return None
        raise PermissionDenied("This view has not declared how it is scoped.")
