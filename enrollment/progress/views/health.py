from django.conf import settings
from django.db import connection
from django.http import JsonResponse

from bhxh_targets.celery import app as celery_app
from enrollment.progress.selectors.dashboards import figures_state
from enrollment.progress.selectors.freshness import stuck_jobs
from enrollment.shared.access import public_view

OK, DOWN, NOT_CONFIGURED = "ok", "down", "not configured"


def _database():
    try:
        with connection.cursor() as cursor:
            cursor.execute("SELECT 1")
        return OK
    except Exception:
        return DOWN


def _redis():
    if not settings.REDIS_URL:
        return NOT_CONFIGURED
    import redis

    try:
        redis.Redis.from_url(settings.REDIS_URL, socket_timeout=1, socket_connect_timeout=1).ping()
        return OK
    except redis.RedisError:
        return DOWN


def _workers(redis_state):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        return NOT_CONFIGURED, 0
    if redis_state == DOWN:
        return DOWN, 0
    try:
        replies = celery_app.control.ping(timeout=1.0)
    except Exception:
        return DOWN, 0
    return (OK if replies else DOWN), len(replies)


def _minutes(delta):
    return None if delta is None else round(delta.total_seconds() / 60, 1)


def _figures():
    """The figures' age, the work waiting for them and the stuck jobs; `healthy` False should page someone."""
    _version, freshness = figures_state()
    stuck = stuck_jobs()
    return {
        "as_of": freshness.as_of.isoformat() if freshness.as_of else None,
        "age_minutes": _minutes(freshness.age()),
        "waiting_changes": freshness.waiting,
        "oldest_waiting_minutes": _minutes(freshness.waited()),
        **stuck,
        "stale": freshness.is_stale,
        "healthy": not freshness.is_stale and not stuck["recomputes_stuck"] and not stuck["imports_stuck"],
    }


@public_view
def healthz(request):
    """200 while the database is up and the figures keep up; 503 otherwise, for a monitor to page someone.
    Redis and the workers are reported, not required: the database keeps the work until they are back."""
    database = _database()
    redis_state = _redis()
    workers, worker_count = _workers(redis_state)
    body = {"database": database, "redis": redis_state, "celery": workers, "celery_workers": worker_count}
    if database == OK:
        body["figures"] = _figures()
    healthy = database == OK and body["figures"]["healthy"]
    return JsonResponse(body, status=200 if healthy else 503)
