"""A session ends SESSION_COOKIE_AGE seconds after the user's last request, not after the login.

Writing the session on every request (SESSION_SAVE_EVERY_REQUEST) would cost a database write per page and
per progress poll. Instead the session store remembers when the stored session ends, and a request writes
it again (moving its end to SESSION_COOKIE_AGE from now) once SESSION_REFRESH_SECONDS have been used up.
A session that would outlive SESSION_COOKIE_AGE (made under a longer setting) is shortened the same way.

SESSION_ENGINE = "bhxh_targets.sessions": Django's database sessions with that memory.
"""

from django.conf import settings
from django.contrib.sessions.backends.db import SessionStore as DatabaseSessionStore
from django.utils import timezone


class SessionStore(DatabaseSessionStore):
    stored_expiry = None  # when the stored session ends, once it has been read

    def _get_session_from_db(self):
        session = super()._get_session_from_db()
        self.stored_expiry = session.expire_date if session is not None else None
        return session

    async def _aget_session_from_db(self):
        session = await super()._aget_session_from_db()
        self.stored_expiry = session.expire_date if session is not None else None
        return session


class SlidingSessionMiddleware:
    """After SessionMiddleware, which saves the session when this one marks it modified."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        response = self.get_response(request)
        session = getattr(request, "session", None)
        expiry = getattr(session, "stored_expiry", None)
        if expiry is not None and not session.modified:
            left = (expiry - timezone.now()).total_seconds()
            used = settings.SESSION_COOKIE_AGE - left
            if used >= settings.SESSION_REFRESH_SECONDS or used < 0:
                session.modified = True
        return response
