"""The one way services queue background work: by task name, so services never import tasks.

Queueing is best effort. Work that must not be lost is first written to the database (a waiting
recompute, a pending import): when the broker is down the failure is logged, the caller's answer
is unchanged, and the sweeper queues the work again once the broker is back.
"""

import logging

from celery import current_app

log = logging.getLogger(__name__)


def task_dispatch(task_name, *args, countdown=None):
    """Queue `task_name` now (eager mode runs it here and now); None when the broker cannot take it."""
    task = current_app.tasks[task_name]
    if current_app.conf.task_always_eager:
        return task.apply_async(args, countdown=countdown)
    try:
        return task.apply_async(args, countdown=countdown)
    except Exception:  # noqa: BLE001 - kombu and redis raise many kinds; the database keeps the work
        log.warning("could not queue %s%r; the sweeper will queue it again", task_name, args, exc_info=True)
        return None
