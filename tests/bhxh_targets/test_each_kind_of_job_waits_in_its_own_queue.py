"""Recomputes, imports and mail wait in queues of their own, so that each kind can have its own workers
(docs/DEPLOYMENT.md); a worker started without -Q takes every queue, as on one machine."""

import pytest
from django.conf import settings
from redis import Redis

from bhxh_targets.celery import app
from enrollment.shared.dispatch import task_dispatch

QUEUES = ("celery", "recompute", "imports", "mail")
pytestmark = pytest.mark.skipif(not settings.REDIS_URL, reason="the queues are Redis lists")


@pytest.fixture
def broker():
    redis = Redis.from_url(settings.CELERY_BROKER_URL)
    redis.delete(*QUEUES)
    app.conf.task_always_eager = False
    try:
        yield redis
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER
        redis.delete(*QUEUES)


@pytest.mark.parametrize(("task", "args", "queue"), [
    ("enrollment.tasks.recompute_progress_run", (1,), "recompute"),
    ("enrollment.tasks.recompute_progress_nightly", (), "recompute"),
    ("enrollment.tasks.run_import_job", (1,), "imports"),
    ("enrollment.tasks.send_daily_digest", (), "mail"),
    ("enrollment.tasks.sweep_background_work", (), "celery"),
    ("agents.tasks.flag_agents_for_review", (), "celery"),
])
def test_a_job_waits_in_the_queue_of_its_kind(broker, task, args, queue):
    assert task_dispatch(task, *args) is not None

    assert {name: broker.llen(name) for name in QUEUES} == {name: int(name == queue) for name in QUEUES}


def test_a_worker_started_without_a_queue_takes_every_kind():
    assert set(app.amqp.queues) == set(QUEUES)
