from django.conf import settings
from django.db import connection
from django.http import JsonResponse

from bhxh_targets.celery import app as celery_app
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


@public_view
def healthz(request):
    database = _database()
    redis_state = _redis()
    workers, worker_count = _workers(redis_state)
    body = {"database": database, "redis": redis_state, "celery": workers, "celery_workers": worker_count}
    return JsonResponse(body, status=200 if database == OK else 503)
