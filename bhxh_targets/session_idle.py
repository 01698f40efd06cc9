"""Sessions end after SESSION_COOKIE_AGE seconds without a request, not that long after the login.

Saving the session on every request would cost a database write per page; renewing it once every
SESSION_RENEW_SECONDS keeps the same working-day rule within a few minutes at a fraction of the cost.
"""

import time

from django.conf import settings

RENEWED = "_renewed_at"


class IdleSessionMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is not None and session.session_key and not session.is_empty():
            now = int(time.time())
            if now - session.get(RENEWED, 0) >= settings.SESSION_RENEW_SECONDS:
                session[RENEWED] = now  # a modified session is saved, with a new expiry, by SessionMiddleware
        return response
