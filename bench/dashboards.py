"""Dashboard response times under concurrent requests, on PostgreSQL.

Serves the application with gunicorn and requests the national, a province, a district and a
commune dashboard (and a province's table page) from several client threads at once; reports
p50 / p95 per page and overall, and the first (cold-cache) request of each page.

It reads the snapshots already in the database (from `generate_national_dataset` and a recompute);
when there are none it writes synthetic snapshot rows for every unit of the 2025 set (loading the
units first if needed), as the dashboards read nothing else.

    DATABASE_URL=postgres://… python -m bench.dashboards [--requests 400] [--concurrency 4] [--workers 2]
"""

import argparse
import os
import random
import socket
import statistics
import subprocess
import sys
import time
import urllib.request
from concurrent.futures import ThreadPoolExecutor
from decimal import Decimal
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
BENCH_USERS = ("bench_national", "bench_province", "bench_district")


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bhxh_targets.settings")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("bench.dashboards needs PostgreSQL: set DATABASE_URL")


def _month_ends(year, until):
    from enrollment.progress.selectors.dashboards import month_ends

    return month_ends(year, until)


def synthetic_snapshots(day):
    """Snapshot rows for every province, district and commune: the shape the engine writes."""
    from django.utils import timezone

    from enrollment.models import (
        BreakdownDimension,
        CodeSet,
        Level,
        ProgressBreakdown,
        ProgressMetric,
        ProgressSnapshot,
        ProgressStatus,
        Unit,
    )
    from enrollment.territory.services.loading import units_load

    if not Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.PROVINCE).exists():
        units_load(code_set=CodeSet.CURRENT)
    rng = random.Random(6)
    now = timezone.now()
    units = list(Unit.objects.filter(code_set=CodeSet.CURRENT, level__lte=Level.COMMUNE).values_list("pk", "level"))
    scale = {Level.PROVINCE: 60_000, Level.DISTRICT: 6_000, Level.COMMUNE: 700}
    snapshots, breakdowns = [], []
    for unit_id, level in [*units, (None, 0)]:
        plan = Decimal(scale.get(level, 2_500_000) * rng.uniform(0.8, 1.2)).quantize(Decimal(1))
        rate = Decimal(rng.uniform(0.6, 1.2))
        for d in _month_ends(day.year, day):
            share = Decimal(d.timetuple().tm_yday) / 365
            actual = (plan * share * rate).quantize(Decimal(1))
            phased = (plan * share).quantize(Decimal(1))
            metrics = [ProgressMetric.SI_PARTICIPANTS] if d != day else list(ProgressMetric.values)
            for metric in metrics:
                snapshots.append(ProgressSnapshot(
                    unit_id=unit_id, date=d, metric=metric, actual=actual, plan_initial=plan, plan_in_force=plan,
                    phased_to_date=phased, achievement_initial=(actual * 100 / plan).quantize(Decimal("0.01")),
                    achievement_in_force=(actual * 100 / plan).quantize(Decimal("0.01")),
                    achievement_phased=(actual * 100 / phased).quantize(Decimal("0.01")), gap=phased - actual,
                    forecast=(plan * rate).quantize(Decimal(1)),
                    status=ProgressStatus.ON_TRACK if actual >= phased else ProgressStatus.AT_RISK, computed_at=now,
                ))
        for dimension in BreakdownDimension.values:
            keys = [f"{day.year}-{m:02}" for m in range(1, day.month + 1)] if dimension == "month" else \
                [f"{dimension}-{n}" for n in range(6)]
            for key in keys:
                breakdowns.append(ProgressBreakdown(
                    unit_id=unit_id, date=day, dimension=dimension, key=key, label=key,
                    new_participants=rng.randint(0, 500), active_participants=rng.randint(0, 5000)))
    ProgressSnapshot.objects.bulk_create(snapshots, batch_size=5000, ignore_conflicts=True)
    ProgressBreakdown.objects.bulk_create(breakdowns, batch_size=5000, ignore_conflicts=True)
    return len(snapshots), len(breakdowns)


def bench_users(province=None, district=None):
    """A national administrator, the manager of a province and the staff of one of its districts
    (by default the largest province and its largest district)."""
    from django.db.models import Count

    from enrollment.models import CodeSet, Level, Role, Unit, User

    if province is None:
        province = Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.PROVINCE).annotate(
            n=Count("children__children")).order_by("-n").first()
    if district is None:
        district = province.children.annotate(n=Count("children")).order_by("-n").first()
    commune = district.children.order_by("code").first()
    users = {}
    for username, role, scope in zip(BENCH_USERS, (Role.NATIONAL_ADMIN, Role.PROVINCIAL_MANAGER, Role.DISTRICT_STAFF),
                                      (None, province, district)):
        users[username], _created = User.objects.update_or_create(
            username=username, defaults={"role": role, "scope_unit": scope, "is_active": True})
    return users, province, district, commune


def session_cookie(user):
    from django.test import Client

    client = Client()
    client.force_login(user)
    return f"sessionid={client.cookies['sessionid'].value}"


def free_port():
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def start_server(workers, wait_seconds=30, production=False):
    """gunicorn with `workers` plain processes, or with `production`, as deploy/gunicorn.conf.py runs it
    (threaded workers, which serve a page's static files side by side)."""
    port = free_port()
    # A cache of its own, so that the first request of each page is really cold.
    env = {**os.environ, "DEBUG": "False", "ALLOWED_HOSTS": "127.0.0.1,localhost",
           "CACHE_KEY_PREFIX": f"bench-{time.time_ns()}", "GUNICORN_BIND": f"127.0.0.1:{port}",
           "GUNICORN_ACCESS_LOG": ""}
    options = ["-c", str(ROOT / "deploy" / "gunicorn.conf.py")] if production else [
        "-w", str(workers), "-b", f"127.0.0.1:{port}"]
    server = subprocess.Popen([str(Path(sys.executable).parent / "gunicorn"), "bhxh_targets.wsgi", *options,
                               "--log-level", "warning"], cwd=ROOT, env=env)
    deadline = time.monotonic() + wait_seconds
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return server, port
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not start")


def fetch(port, path, cookie):
    request = urllib.request.Request(f"http://127.0.0.1:{port}{path}", headers={"Cookie": cookie})
    started = time.perf_counter()
    with urllib.request.urlopen(request, timeout=30) as response:
        response.read()
        status = response.status
    elapsed = (time.perf_counter() - started) * 1000
    if status != 200:
        raise RuntimeError(f"{path}: HTTP {status}")
    return elapsed


def percentile(values, p):
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(round(p / 100 * (len(ordered) - 1))))]


def run(requests=400, concurrency=4, workers=2):
    setup_django()
    from django.utils import timezone

    from enrollment.models import ProgressSnapshot

    day = ProgressSnapshot.objects.filter(unit__isnull=True).order_by("-date").values_list("date", flat=True).first()
    written = (0, 0)
    if day is None:
        day = timezone.localdate()
        written = synthetic_snapshots(day)
    users, province, district, commune = bench_users()
    cookies = {name: session_cookie(user) for name, user in users.items()}
    pages = [
        ("national", "/dashboards/country/", cookies["bench_national"]),
        ("province", f"/dashboards/{province.pk}/", cookies["bench_province"]),
        ("district", f"/dashboards/{district.pk}/", cookies["bench_district"]),
        ("commune", f"/dashboards/{commune.pk}/", cookies["bench_district"]),
        ("province table", f"/dashboards/{province.pk}/tables/", cookies["bench_province"]),
    ]
    server, port = start_server(workers)
    try:
        cold = {name: fetch(port, f"{path}?date={day.isoformat()}&metric=si_new", cookie)
                for name, path, cookie in pages}
        alone = [(page[0], fetch(port, page[1], page[2])) for page in pages * 10]  # one client: the service time
        jobs = [pages[n % len(pages)] for n in range(requests)]
        with ThreadPoolExecutor(concurrency) as pool:
            timings = list(pool.map(lambda page: (page[0], fetch(port, page[1], page[2])), jobs))
    finally:
        server.terminate()
        server.wait(10)
    report = {"date": day.isoformat(), "requests": requests, "concurrency": concurrency, "workers": workers,
              "synthetic_rows": written, "pages": {}}
    for name, _path, _cookie in pages:
        values = [t for page, t in timings if page == name]
        report["pages"][name] = {"p50": statistics.median(values), "p95": percentile(values, 95), "cold": cold[name],
                                 "alone": statistics.median([t for page, t in alone if page == name])}
    dashboards = [t for page, t in timings if page != "province table"]
    report["all"] = {"p50": statistics.median(dashboards), "p95": percentile(dashboards, 95),
                     "load": os.getloadavg()[0]}
    return report


def format_report(report):
    lines = [f"Dashboards: {report['requests']} requests, {report['concurrency']} concurrent clients, "
             f"gunicorn {report['workers']} workers, snapshots of {report['date']}", "",
             "| page | p50 ms | p95 ms | one client alone, p50 ms | first request (cold cache) ms |",
             "|---|---:|---:|---:|---:|"]
    for name, figures in report["pages"].items():
        lines.append(f"| {name} | {figures['p50']:.0f} | {figures['p95']:.0f} | {figures['alone']:.0f} "
                     f"| {figures['cold']:.0f} |")
    lines.append(f"| **the four dashboards** | **{report['all']['p50']:.0f}** | **{report['all']['p95']:.0f}** | | |")
    lines.append(f"(machine load average at the end: {report['all']['load']:.1f} on {os.cpu_count()} cores)")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--requests", type=int, default=400)
    parser.add_argument("--concurrency", type=int, default=4)
    parser.add_argument("--workers", type=int, default=2)
    args = parser.parse_args(argv)
    report = run(args.requests, args.concurrency, args.workers)
    print(format_report(report))
    return report


if __name__ == "__main__":
    main()
