"""Page reads go to a PostgreSQL read replica when one is configured (DATABASE_REPLICA_URL).

Only GET and HEAD requests read from the replica, and only when the same browser has not written
in the last REPLICA_PIN_SECONDS: a person never reads their own change back from a replica that has
not caught up. Everything else — writes, the requests right after them, Celery tasks, management
commands — reads and writes the primary.
"""

import time
from contextvars import ContextVar

from django.conf import settings

REPLICA = "replica"
PIN_COOKIE = "primary_until"
_reads_from_replica = ContextVar("reads_from_replica", default=False)


class ReplicaRouter:
    def db_for_read(self, model, **hints):
        return REPLICA if _reads_from_replica.get() else "default"

    def db_for_write(self, model, **hints):
        return "default"

    def allow_relation(self, obj1, obj2, **hints):
        return True

    def allow_migrate(self, db, app_label, **hints):
        return db == "default"


def _pinned_to_primary(request):
    try:
        return float(request.COOKIES.get(PIN_COOKIE, "0")) > time.time()
    except ValueError:
        return False


class ReplicaReadsMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = REPLICA in settings.DATABASES

    def __call__(self, request):
        if not self.enabled:
            return self.get_response(request)
        reads = request.method in ("GET", "HEAD") and not _pinned_to_primary(request)
        token = _reads_from_replica.set(reads)
        try:
            response = self.get_response(request)
        finally:
            _reads_from_replica.reset(token)
        if request.method not in ("GET", "HEAD", "OPTIONS"):
            seconds = settings.REPLICA_PIN_SECONDS
            response.set_cookie(PIN_COOKIE, str(time.time() + seconds), max_age=seconds, httponly=True,
                                samesite="Lax", secure=settings.SESSION_COOKIE_SECURE)
        return response
