"""A session ends SESSION_COOKIE_AGE seconds after the user's last request, not after the login.

Writing the session on every request (SESSION_SAVE_EVERY_REQUEST) would cost a database write per page and
per progress poll; it is written again once SESSION_REFRESH_SECONDS have passed since the last time, which
moves the end of the session by the same amount."""

import time

from django.conf import settings

REFRESHED_AT = "_refreshed_at"


class SlidingSessionMiddleware:
    """After SessionMiddleware, which saves the session when this one has marked it."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        if session is None or not session.accessed or session.is_empty():
            return response
        now = int(time.time())
        if now - session.get(REFRESHED_AT, 0) >= settings.SESSION_REFRESH_SECONDS:
            session[REFRESHED_AT] = now
        return response
