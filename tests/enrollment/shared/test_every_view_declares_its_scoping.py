from django.http import HttpResponse
from django.test import RequestFactory
from django.urls import URLPattern, URLResolver, get_resolver

from enrollment.shared.access import ScopeDeclaredMiddleware


def all_patterns(resolver=None, namespace=None):
    for pattern in (resolver or get_resolver()).url_patterns:
        if isinstance(pattern, URLResolver):
            yield from all_patterns(pattern, pattern.namespace or namespace)
        elif isinstance(pattern, URLPattern):
            yield namespace, pattern


def test_every_view_outside_the_admin_is_declared():
    undeclared = [
        str(p.pattern) for namespace, p in all_patterns()
        if namespace != "admin" and not getattr(p.callback, "scope_declared", False)
    ]
    assert undeclared == []


def test_an_undeclared_view_is_refused():
    import pytest
    from django.core.exceptions import PermissionDenied

    def leaky_view(request):
        return HttpResponse("data")

    middleware = ScopeDeclaredMiddleware(lambda request: HttpResponse())
    request = RequestFactory().get("/leaky/")
    request.resolver_match = None
    with pytest.raises(PermissionDenied):
        middleware.process_view(request, leaky_view, (), {})
