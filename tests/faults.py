"""Fault injection on the real services: a Redis of the test's own (never the shared one) that the test
stops and starts, and a real Celery worker process on it and on the test database, that the test can
SIGKILL and start again as its supervisor would."""

import os
import signal
import socket
import subprocess
import sys
import time
from pathlib import Path

import redis
from django.db import connection

ROOT = Path(__file__).resolve().parent.parent
PORTS = range(6390, 6400)
# What the worker and the test agree on: quick heartbeats, quick staleness, no debounce wait.
FAST = {
    "JOB_HEARTBEAT_SECONDS": "1", "JOB_STALE_AFTER_SECONDS": "4", "JOB_OVERDUE_AFTER_SECONDS": "2",
    "PROGRESS_DEBOUNCE_SECONDS": "1", "CELERY_VISIBILITY_TIMEOUT": "8",
}


def _free_port():
    for port in PORTS:
        with socket.socket() as probe:
            if probe.connect_ex(("127.0.0.1", port)) != 0:
                return port
    raise RuntimeError("no free port for a test Redis in 6390-6399")


def wait_until(condition, seconds=30, every=0.2, tick=None):
    """Poll `condition` until it holds (its value is returned); `tick` runs each round (a beat)."""
    deadline = time.monotonic() + seconds
    while time.monotonic() < deadline:
        if tick:
            tick()
        value = condition()
        if value:
            return value
        time.sleep(every)
    raise AssertionError(f"still not so after {seconds}s: {condition.__doc__ or condition}")


class OwnRedis:
    def __init__(self):
        self.port = _free_port()
        self.url = f"redis://127.0.0.1:{self.port}/0"
        self.process = None

    def start(self):
        self.process = subprocess.Popen(
            ["redis-server", "--port", str(self.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
            stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
        wait_until(self.is_up, 10, 0.05)

    def is_up(self):
        try:
            return redis.Redis.from_url(self.url, socket_connect_timeout=0.2).ping()
        except redis.RedisError:
            return False

    def stop(self):
        """As a restart or a crash: everything queued in it is lost (no persistence)."""
        if self.process and self.process.poll() is None:
            self.process.kill()
            self.process.wait(10)


class WorkerProcess:
    """`celery -A bhxh_targets worker` in a session of its own, so that SIGKILL takes its children too."""

    def __init__(self, redis_url, concurrency=1, log_path=None):
        self.redis_url, self.concurrency = redis_url, concurrency
        self.log_path = log_path
        self.process = None

    def env(self):
        db = connection.settings_dict
        url = f"postgres://{db['USER']}@{db['HOST'] or '127.0.0.1'}:{db['PORT'] or 5432}/{db['NAME']}"
        env = {k: v for k, v in os.environ.items() if k not in ("CELERY_BROKER_URL", "CELERY_RESULT_BACKEND")}
        return {**env, "DATABASE_URL": url, "REDIS_URL": self.redis_url, "CACHE_KEY_PREFIX": f"faults-{os.getpid()}",
                **FAST}

    def start(self):
        log = open(self.log_path, "ab") if self.log_path else subprocess.DEVNULL  # noqa: SIM115
        self.process = subprocess.Popen(
            [sys.executable, "-m", "celery", "-A", "bhxh_targets", "worker", "-l", "info", "--pool", "prefork",
             "--concurrency", str(self.concurrency), "--without-gossip", "--without-mingle", "-n",
             f"faults-{os.getpid()}-{time.monotonic_ns()}@%h"],
            cwd=ROOT, env=self.env(), stdout=log, stderr=subprocess.STDOUT, start_new_session=True)

    def is_alive(self):
        return self.process is not None and self.process.poll() is None

    def kill(self):
        """kill -9 of the worker and its pool, as the OOM killer or a lost machine would."""
        if self.is_alive():
            os.killpg(self.process.pid, signal.SIGKILL)
            self.process.wait(10)

    def stop(self):
        if self.is_alive():
            os.killpg(self.process.pid, signal.SIGQUIT)  # cold shutdown: the test is over
            try:
                self.process.wait(5)
            except subprocess.TimeoutExpired:
                self.kill()


def point_at(settings, own_redis):
    """The test process (web side) on the test's Redis: broker, cache and /healthz."""
    from bhxh_targets.celery import app

    settings.REDIS_URL = own_redis.url
    settings.CACHES = {"default": {"BACKEND": "bhxh_targets.cache.TolerantRedisCache", "LOCATION": own_redis.url,
                                   "KEY_PREFIX": f"faults-{os.getpid()}",
                                   "OPTIONS": {"socket_connect_timeout": 1, "socket_timeout": 2}}}
    for name, value in FAST.items():
        setattr(settings, name, int(value))
    app.conf.broker_url = own_redis.url
    app.conf.result_backend = own_redis.url
    app.conf.task_always_eager = False
    _reconnect(app)


def _reconnect(app):
    app._pool = None
    app.amqp._producer_pool = None


def restore(app, settings_module):
    app.conf.broker_url = settings_module.CELERY_BROKER_URL
    app.conf.result_backend = settings_module.CELERY_RESULT_BACKEND
    app.conf.task_always_eager = settings_module.CELERY_TASK_ALWAYS_EAGER
    _reconnect(app)


class Beat:
    """What beat does every minute, every second here: send the sweeper (best effort: while Redis is down
    beat cannot send it either)."""

    def __init__(self, every=1.0):
        self.every, self.last = every, 0.0

    def __call__(self):
        from enrollment.shared.dispatch import task_dispatch

        if time.monotonic() - self.last >= self.every:
            self.last = time.monotonic()
            task_dispatch("enrollment.tasks.sweep_background_work")


class stall_writes:
    """Hold an EXCLUSIVE lock on a table from another connection: a run that writes to it waits there,
    mid-run, until the block ends — a slow run to kill or to pull Redis from under."""

    def __init__(self, model):
        import threading

        self.table = model._meta.db_table
        self.taken, self.release = threading.Event(), threading.Event()
        self.thread = threading.Thread(target=self._hold, daemon=True)

    def _hold(self):
        from django.db import connection as own
        from django.db import transaction

        try:
            with transaction.atomic():
                with own.cursor() as cursor:
                    cursor.execute(f"LOCK TABLE {self.table} IN EXCLUSIVE MODE")
                self.taken.set()
                self.release.wait(60)
        finally:
            own.close()

    def __enter__(self):
        self.thread.start()
        assert self.taken.wait(10)
        return self

    def __exit__(self, *exc):
        self.release.set()
        self.thread.join(10)
        return False
