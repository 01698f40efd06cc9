"""A manager asks for the figures of a day that has no snapshots yet: one recompute of that day, queued."""

from django.db import transaction

from enrollment.progress.models import RecomputeKind, RecomputeRun, RecomputeStatus
from enrollment.progress.services.dates import days_for_a_past_day
from enrollment.shared.dispatch import task_dispatch


def requested_by(user):
    return f"dashboard:{user.pk}"


def dashboard_recompute_request(*, user, day):
    """Queue a full recompute of `day`, or return the one already waiting or running for it.

    The run computes beside it the month ends of its year before it (the new participants of each
    month) and the same day a year before (growth on last year)."""
    dates = [d.isoformat() for d in days_for_a_past_day(day)]
    waiting = RecomputeRun.objects.filter(
        kind=RecomputeKind.FULL, status__in=(RecomputeStatus.PENDING, RecomputeStatus.RUNNING), dates=dates,
    ).order_by("pk").first()
    if waiting is not None:
        return waiting
    run = RecomputeRun.objects.create(kind=RecomputeKind.FULL, triggered_by=requested_by(user), dates=dates)
    transaction.on_commit(lambda: task_dispatch("enrollment.tasks.recompute_progress_run", run.pk))
    return run
