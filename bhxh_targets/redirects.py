"""Where to go back to after a form: the page named in `next` when it is on this site, else a fallback."""

from django.utils.http import url_has_allowed_host_and_scheme


def safe_next_url(request, fallback, field="next"):
    """`next` from the form (or the query) if it points at this host, else `fallback`.

    Refuses other hosts in every spelling ("//evil.example", "https://evil.example", "/\\\\evil.example"),
    and plain http from an https page."""
    url = request.POST.get(field) or request.GET.get(field) or ""
    if url and url_has_allowed_host_and_scheme(url, allowed_hosts={request.get_host()},
                                               require_https=request.is_secure()):
        return url
    return fallback
