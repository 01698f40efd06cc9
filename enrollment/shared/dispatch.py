"""The one way services queue background work: by task name, so services never import tasks."""

from celery import current_app


def task_dispatch(task_name, *args, countdown=None):
    """Queue `task_name` now (eager mode runs it here and now)."""
    return current_app.tasks[task_name].apply_async(args, countdown=countdown)
