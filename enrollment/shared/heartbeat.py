"""Signs of life of a long background job, so that a job whose worker died is noticed and ended.

A job's real work sits in one transaction that nobody else can see until it commits, so its
heartbeat (and its progress for the progress bar) is written from a thread on a connection of its
own. Best effort: a failed write is logged and never stops the job.
"""

import logging
import threading
from datetime import timedelta

from django.conf import settings
from django.db import connection
from django.utils import timezone

log = logging.getLogger(__name__)


def heartbeat_seconds():
    return settings.JOB_HEARTBEAT_SECONDS


def stale_before(now=None):
    """A running job whose last heartbeat is older than this has lost its worker."""
    return (now or timezone.now()) - timedelta(seconds=settings.JOB_STALE_AFTER_SECONDS)


def overdue_before(now=None):
    """A waiting job due before this should have been started by now: its task was lost."""
    return (now or timezone.now()) - timedelta(seconds=settings.JOB_OVERDUE_AFTER_SECONDS)


def retry_delay(attempts):
    """Back off: 1, 2, 4 … minutes after each failed attempt, at most an hour."""
    return timedelta(minutes=min(2 ** max(attempts - 1, 0), 60))


class Heartbeat:
    """`with Heartbeat(Model, pk) as beat:` … `beat.update(done_steps=3)` — writes `heartbeat_at`
    (and the fields given) every few seconds and at each update, until the block ends."""

    def __init__(self, model, pk):
        self.model, self.pk = model, pk
        self.fields = {}
        self._wake, self._stop = threading.Event(), threading.Event()
        self._thread = None

    def __enter__(self):
        # SQLite allows one writer at a time, and the job holds it: there the job's own rows say enough.
        if connection.vendor == "postgresql":
            self._thread = threading.Thread(target=self._loop, name=f"heartbeat-{self.pk}", daemon=True)
            self._thread.start()
        return self

    def update(self, **fields):
        self.fields.update(fields)
        self._wake.set()

    def __exit__(self, *exc):
        self._stop.set()
        self._wake.set()
        if self._thread is not None:
            self._thread.join(timeout=10)
        return False

    def _loop(self):
        try:
            while not self._stop.is_set():
                self._wake.wait(heartbeat_seconds())
                self._wake.clear()
                if not self._stop.is_set():
                    self._beat()
        finally:
            connection.close()

    def _beat(self):
        try:
            self.model.objects.filter(pk=self.pk).update(heartbeat_at=timezone.now(), **self.fields)
        except Exception:  # noqa: BLE001 - a lost heartbeat must never stop the job
            log.warning("heartbeat of %s %s not written", self.model.__name__, self.pk, exc_info=True)
            connection.close()
