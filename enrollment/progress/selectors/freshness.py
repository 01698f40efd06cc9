"""How fresh the figures are: when the last recompute that finished read the register, how many saved
changes wait for the next one, and (for /healthz) the jobs that are stuck or failing."""

from dataclasses import dataclass
from datetime import datetime, timedelta

from django.conf import settings
from django.db.models import Q
from django.utils import timezone
from django.utils.dateparse import parse_datetime

from enrollment.imports.models import ImportJob, ImportStatus
from enrollment.progress.models import RecomputeRun, RecomputeStatus
from enrollment.shared.heartbeat import overdue_before, stale_before


def moment_of(value):
    if isinstance(value, str):  # SQLite
        value = parse_datetime(value)
    if isinstance(value, datetime) and timezone.is_naive(value):
        value = timezone.make_aware(value, timezone.UTC)
    return value


@dataclass
class Freshness:
    as_of: datetime | None  # the register as it stood when the last finished recompute started
    waiting: int  # saved changes not yet in the figures
    oldest_waiting: datetime | None

    def age(self, now=None):
        return (now or timezone.now()) - self.as_of if self.as_of else None

    def waited(self, now=None):
        return (now or timezone.now()) - self.oldest_waiting if self.oldest_waiting else None

    @property
    def figures_too_old(self):
        age = self.age()
        return age is not None and age > timedelta(hours=settings.PROGRESS_STALE_AFTER_HOURS)

    @property
    def waited_too_long(self):
        waited = self.waited()
        return waited is not None and waited > timedelta(minutes=settings.PROGRESS_WAITING_ALERT_MINUTES)

    @property
    def is_stale(self):
        return self.figures_too_old or self.waited_too_long


def stuck_jobs(now=None):
    """Jobs a monitor should hear about: running with no sign of life, or waiting past their due time."""
    now = now or timezone.now()
    lost = Q(status=RecomputeStatus.RUNNING) & (Q(heartbeat_at__lt=stale_before(now)) |
                                                Q(heartbeat_at__isnull=True, started_at__lt=stale_before(now)))
    overdue = Q(status=RecomputeStatus.PENDING, due_at__lt=overdue_before(now))
    return {
        "recomputes_stuck": RecomputeRun.objects.filter(lost | overdue).count(),
        "recomputes_failing": RecomputeRun.objects.filter(status=RecomputeStatus.FAILED, due_at__isnull=False).count(),
        "imports_stuck": ImportJob.objects.filter(
            Q(status=ImportStatus.RUNNING, heartbeat_at__lt=stale_before(now))
            | Q(status=ImportStatus.PENDING, due_at__lt=overdue_before(now))).count(),
    }
