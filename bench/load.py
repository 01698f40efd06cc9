"""50 office users at once on this machine: response times and server CPU per request, by page type.

Serves the application with gunicorn (as production runs it) on the data already in the database
(`generate_national_dataset` for national size; the demo or anything else works too), and drives it
with locust from bench/locustfile.py: 30 managers on dashboards and tables, 15 district staff listing
and searching participants, 5 entering people and payments, 0.5–1.5 s think time, loopback only, for
a bounded time. Reports p50/p95/p99 per page type, server CPU milliseconds per request (from the
Server-Timing header each response carries), and the CPU shares of gunicorn, PostgreSQL and the
load generator over the run.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python -m bench.load [--users 50] [--seconds 300]
"""

import argparse
import csv
import json
import os
import subprocess
import sys
import tempfile
import time
from pathlib import Path

from bench.dashboards import bench_users, free_port, session_cookie, setup_django

ROOT = Path(__file__).resolve().parent.parent
TICKS = os.sysconf("SC_CLK_TCK")


def cpu_seconds(pids):
    """User + system CPU of these processes and their children so far."""
    total = 0
    for pid in pids:
        try:
            fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
        except FileNotFoundError:
            continue
        total += sum(int(f) for f in fields[11:15])  # utime stime cutime cstime
    return total / TICKS


def processes_named(word):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                if word in (entry / "cmdline").read_bytes().decode(errors="replace"):
                    found.append(int(entry.name))
            except (FileNotFoundError, PermissionError):
                continue
    return found


def load_config():
    from django.db.models import Count
    from django.utils import timezone

    from enrollment.models import Participant, Unit

    # The district with the most people in the register, so that lists and entries have work to do.
    busiest = (Participant.objects.values("commune__parent").annotate(n=Count("pk")).order_by("-n")
               .values_list("commune__parent", flat=True).first())
    if busiest is None:
        sys.exit("bench.load needs participants: seed the demo or generate the national dataset")
    district = Unit.objects.get(pk=busiest)
    users, province, district, commune = bench_users(district.parent, district)
    communes = list(district.children.values_list("pk", flat=True)[:20])
    participants = list(Participant.objects.filter(commune_id__in=communes).values_list("pk", flat=True)[:200])
    return {
        # Each simulated user has a session and the dashboards its role may open.
        "sessions": {"manager": [session(users["bench_national"], [None, province.pk, district.pk, commune.pk]),
                                 session(users["bench_province"], [province.pk, district.pk, commune.pk])],
                     "district": [session(users["bench_district"], [district.pk, commune.pk])]},
        "communes": communes, "participants": participants,
        "today": timezone.localdate().strftime("%d/%m/%Y"),
    }


def session(user, units):
    return {"id": session_cookie(user).split("=", 1)[1], "units": units}


def start_gunicorn(port, workers, threads):
    env = {**os.environ, "DEBUG": "False", "ALLOWED_HOSTS": "127.0.0.1,localhost", "SERVER_TIMING": "True"}
    server = subprocess.Popen(
        [str(Path(sys.executable).parent / "gunicorn"), "bhxh_targets.wsgi", "-w", str(workers), "--threads",
         str(threads), "-b", f"127.0.0.1:{port}", "--log-level", "warning"], cwd=ROOT, env=env)
    import urllib.request

    deadline = time.monotonic() + 30
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=2)
            return server
        except Exception:  # noqa: BLE001 - not up yet
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not start")


def gunicorn_pids(server):
    children = Path(f"/proc/{server.pid}/task/{server.pid}/children").read_text().split()
    return [server.pid, *map(int, children)]


def run(users=50, seconds=300, workers=3, threads=1):
    setup_django()
    config = load_config()
    port = free_port()
    server = start_gunicorn(port, workers, threads)
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BENCH_LOAD_CONFIG": json.dumps(config), "BENCH_LOAD_CPU_FILE": f"{tmp}/cpu.json"}
        command = [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"),
                   "--headless", "-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{seconds}s",
                   "--host", f"http://127.0.0.1:{port}", "--csv", f"{tmp}/load", "--only-summary",
                   "--loglevel", "WARNING", "--stop-timeout", "5"]
        try:
            pids = gunicorn_pids(server)
            postgres = processes_named("postgres:")
            started = time.monotonic()
            before = {"gunicorn": cpu_seconds(pids), "postgres": cpu_seconds(postgres)}
            generator = subprocess.Popen(command, cwd=ROOT, env=env)
            generator_cpu = 0.0
            while generator.poll() is None:
                generator_cpu = max(generator_cpu, cpu_seconds([generator.pid]))
                time.sleep(1)
            wall = time.monotonic() - started
            after = {"gunicorn": cpu_seconds(gunicorn_pids(server)), "postgres": cpu_seconds(processes_named("postgres:"))}
        finally:
            server.terminate()
            server.wait(10)
        stats = list(csv.DictReader(open(f"{tmp}/load_stats.csv")))
        cpu = json.load(open(f"{tmp}/cpu.json")) if Path(f"{tmp}/cpu.json").exists() else {}
    pages = {}
    for row in stats:
        name = row["Name"]
        count = int(row["Request Count"])
        pages[name] = {"requests": count, "failures": int(row["Failure Count"]), "p50": float(row["50%"]),
                       "p95": float(row["95%"]), "p99": float(row["99%"]),
                       "cpu_ms": (cpu[name]["ms"] / cpu[name]["requests"]) if cpu.get(name, {}).get("requests") else None}
    cores = os.cpu_count()
    shares = {name: (after[name] - before[name]) / (wall * cores) for name in before}
    shares["load generator"] = generator_cpu / (wall * cores)
    return {"users": users, "seconds": seconds, "workers": workers, "threads": threads, "wall": wall,
            "pages": pages, "cpu_share": shares, "load": os.getloadavg()[0]}


def format_report(report):
    lines = [f"{report['users']} users for {report['seconds']} s against gunicorn ({report['workers']} workers × "
             f"{report['threads']} threads) on this machine, load generator beside it", "",
             "| page type | requests | failures | p50 ms | p95 ms | p99 ms | server CPU ms / request |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, page in report["pages"].items():
        cpu = f"{page['cpu_ms']:.1f}" if page["cpu_ms"] is not None else "—"
        lines.append(f"| {name} | {page['requests']} | {page['failures']} | {page['p50']:.0f} | {page['p95']:.0f} "
                     f"| {page['p99']:.0f} | {cpu} |")
    shares = ", ".join(f"{name} {share:.0%}" for name, share in report["cpu_share"].items())
    lines.append(f"\nCPU of the machine's {os.cpu_count()} cores over the run: {shares}; "
                 f"load average at the end {report['load']:.1f}.")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=300)
    parser.add_argument("--workers", type=int, default=3)
    parser.add_argument("--threads", type=int, default=1)
    args = parser.parse_args(argv)
    report = run(args.users, args.seconds, args.workers, args.threads)
    print(format_report(report))


if __name__ == "__main__":
    main()
