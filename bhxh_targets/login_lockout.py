"""The login page, with a plain message, for a login locked after too many wrong passwords (django-axes)."""

from django.conf import settings
from django.contrib.auth.forms import AuthenticationForm
from django.shortcuts import render
from django.utils.translation import gettext as _
from django.utils.translation import ngettext


def client_address(request):
    """The address a login attempt came from, behind TRUSTED_PROXY_COUNT proxies (SECURE_PROXY_SSL_HEADER).

    Each proxy appends the address it was reached from to X-Forwarded-For, so the client is the entry that
    many places from the right; what a client writes into the header itself stays on the left, ignored."""
    forwarded = [part.strip() for part in request.META.get("HTTP_X_FORWARDED_FOR", "").split(",") if part.strip()]
    if len(forwarded) >= settings.TRUSTED_PROXY_COUNT:
        return forwarded[-settings.TRUSTED_PROXY_COUNT]
    return request.META.get("REMOTE_ADDR")


def lockout_message():
    minutes = int(settings.AXES_COOLOFF_TIME.total_seconds() // 60)
    return ngettext(
        "Too many wrong passwords: this login is locked for %(minutes)d minute. Try again later, or ask an "
        "administrator to unlock it.",
        "Too many wrong passwords: this login is locked for %(minutes)d minutes. Try again later, or ask an "
        "administrator to unlock it.",
        minutes,
    ) % {"minutes": minutes}


def lockout_response(request, original_response=None, credentials=None):
    form = AuthenticationForm(request, initial={"username": (credentials or {}).get("username", "")})
    return render(request, "registration/login.html", {
        "form": form, "locked_out": lockout_message(), "next": request.POST.get("next", ""),
        "title": _("Log in"),
    }, status=429)
