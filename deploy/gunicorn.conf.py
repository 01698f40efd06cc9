"""gunicorn on a web node: `gunicorn -c deploy/gunicorn.conf.py bhxh_targets.wsgi` (systemd, bench/load.py).

A request is mostly Python on the CPU, with a few waits on PostgreSQL and Redis in between: one
process per core keeps the cores busy while the other threads of a process wait, and two threads per
process overlap those waits without the GIL contention of many. Keep-alive lets the load balancer
reuse its connections. Sizing from the CPU each request costs: docs/DEPLOYMENT.md.
"""

import multiprocessing
import os

bind = os.getenv("GUNICORN_BIND", "127.0.0.1:8000")
workers = int(os.getenv("WEB_CONCURRENCY", multiprocessing.cpu_count() + 1))
worker_class = "gthread"
threads = int(os.getenv("GUNICORN_THREADS", "2"))
keepalive = 5
timeout = 120
graceful_timeout = 30
# A worker is replaced after this many requests (with jitter, not all at once): memory stays flat.
max_requests = 5000
max_requests_jitter = 500
accesslog = os.getenv("GUNICORN_ACCESS_LOG", "-") or None  # empty: no access log (the load benchmark)
errorlog = "-"
