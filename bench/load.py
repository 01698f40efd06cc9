"""50 office users at once on this machine: response times and server CPU per request, by page type.

Serves the application with gunicorn as production runs it (deploy/gunicorn.conf.py) on the data
already in the database (`generate_national_dataset` for national size; the demo or anything else
works too), and drives it with locust from bench/locustfile.py: 30 managers on dashboards and tables,
15 district staff listing and searching participants, 5 entering people and payments, 0.5–1.5 s think
time, loopback only, for a bounded time. Reports p50/p95/p99 per page type, the server CPU of each
request (the `Server-Timing` header every response carries), the CPU of gunicorn, of this database's
PostgreSQL backends and of the load generator over the run, and how busy the whole machine was.

What the entry users write (people, payments and what follows them) is deleted again afterwards and
the people paid for get their dates back, so the benchmark can run on a shared database.

    DATABASE_URL=postgres://… REDIS_URL=redis://… python -m bench.load [--users 50] [--seconds 300]
        [--workers N] [--threads N]
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
SECONDS = int(os.getenv("BENCH_LOAD_SECONDS", "300"))


def cpu_of(pid):
    """User + system CPU seconds of one process so far (None once it is gone)."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (FileNotFoundError, ProcessLookupError):
        return None
    return sum(int(f) for f in fields[11:13]) / TICKS  # utime stime


def machine_busy():
    """(busy, total) CPU ticks of the whole machine so far."""
    fields = [int(f) for f in Path("/proc/stat").read_text().split("\n", 1)[0].split()[1:]]
    idle = fields[3] + fields[4]  # idle, iowait
    return sum(fields) - idle, sum(fields)


def processes_with(*words):
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                command = (entry / "cmdline").read_bytes().replace(b"\0", b" ").decode(errors="replace")
            except (FileNotFoundError, PermissionError, ProcessLookupError):
                continue
            if all(word in command for word in words):
                found.append(int(entry.name))
    return found


class CpuMeter:
    """CPU of groups of processes over a run, sampled every second: a process that ends (a gunicorn worker
    replaced, a database connection closed) keeps what it used until its last sample."""

    def __init__(self, groups):
        self.groups = groups  # name -> function returning the pids of the group now
        self.first, self.last = {}, {}

    def sample(self):
        for name, pids in self.groups.items():
            for pid in pids():
                used = cpu_of(pid)
                if used is not None:
                    self.first.setdefault((name, pid), used)
                    self.last[(name, pid)] = used

    def seconds(self, name):
        return sum(self.last[key] - self.first[key] for key in self.last if key[0] == name)


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
        "communes": communes, "participants": participants, "users": [user.pk for user in users.values()],
        "today": timezone.localdate().strftime("%d/%m/%Y"),
    }


def session(user, units):
    return {"id": session_cookie(user).split("=", 1)[1], "units": units}


def remember_paid(config):
    """The dates of the people the entry users may pay for, to give them back afterwards."""
    from enrollment.models import Participant

    return list(Participant.objects.filter(pk__in=config["participants"]).values("pk", "first_paid_on",
                                                                                    "paid_through"))


def undo_writes(config, started, paid):
    """Delete what the run's entry users wrote and give the people paid for their dates back. Left as
    written: renewal outcomes a payment closed and agents' claims matched to new people, if any."""
    from django.db import transaction

    from enrollment.models import Participant, Payment, ProgressChange, RecomputeRun, Submission
    from enrollment.progress.models import PendingParticipant, RecomputeStatus

    users = config["users"]
    with transaction.atomic():
        created = list(Participant.objects.filter(created_by__in=users, created_at__gte=started)
                       .values_list("pk", flat=True))
        payments = Payment.objects.filter(created_by__in=users, created_at__gte=started)
        counts = {"payments": payments.count(), "people": len(created)}
        for model in (Payment, Participant):
            model.history.filter(history_user__in=users, history_date__gte=started).delete()
        payments.delete()
        Participant.objects.filter(pk__in=created).delete()
        for row in paid:
            Participant.objects.filter(pk=row["pk"]).update(first_paid_on=row["first_paid_on"],
                                                            paid_through=row["paid_through"])
        PendingParticipant.objects.filter(participant_id__in=created).delete()
        # The changes the entries noted (new people: no units; payments: the district's communes), not
        # anyone else's, and the run waiting for them if nothing else waits.
        ours = set(config["communes"])
        ProgressChange.objects.filter(pk__in=[
            change.pk for change in ProgressChange.objects.filter(created_at__gte=started)
            if set(change.unit_ids) <= ours]).delete()
        if not ProgressChange.objects.exists():
            RecomputeRun.objects.filter(created_at__gte=started, status=RecomputeStatus.PENDING,
                                        triggered_by="changes").delete()
        Submission.objects.filter(user__in=users).delete()
    return counts


def start_gunicorn(port, workers, threads, database):
    # Cached pages of another database on the same Redis are never served (unit ids repeat between them).
    # The five entry users share one account and enter ~50 people a minute between them, more than the
    # 30 ID lookups a minute one person may make: the limit is raised for the run alone.
    env = {**os.environ, "DEBUG": "False", "ALLOWED_HOSTS": "127.0.0.1,localhost", "SERVER_TIMING": "True",
           "GUNICORN_BIND": f"127.0.0.1:{port}", "GUNICORN_ACCESS_LOG": "", "PARTICIPANT_LOOKUP_RATE": "1000/m",
           "CACHE_KEY_PREFIX": f"{os.getenv('CACHE_KEY_PREFIX', '')}bench-load-{database}"}
    command = [str(Path(sys.executable).parent / "gunicorn"), "-c", str(ROOT / "deploy" / "gunicorn.conf.py"),
               "bhxh_targets.wsgi", "--log-level", "warning"]
    if workers:
        command += ["--workers", str(workers)]
    if threads:
        command += ["--threads", str(threads)]
    server = subprocess.Popen(command, cwd=ROOT, env=env)
    import urllib.error
    import urllib.request

    deadline = time.monotonic() + 60
    while time.monotonic() < deadline:
        try:
            urllib.request.urlopen(f"http://127.0.0.1:{port}/healthz", timeout=5)
            return server
        except urllib.error.HTTPError:  # it answers (503 says the figures wait for a recompute)
            return server
        except OSError:  # not up yet
            if server.poll() is not None:
                sys.exit("gunicorn did not start")
            time.sleep(0.3)
    server.terminate()
    sys.exit("gunicorn did not start")


def children_of(pid):
    try:
        return [int(child) for child in Path(f"/proc/{pid}/task/{pid}/children").read_text().split()]
    except FileNotFoundError:
        return []


def gunicorn_config():
    """Workers and threads deploy/gunicorn.conf.py gives on this machine."""
    namespace = {}
    exec((ROOT / "deploy" / "gunicorn.conf.py").read_text(), namespace)  # noqa: S102 - our own config file
    return namespace["workers"], namespace["threads"]


def run(users=50, seconds=SECONDS, workers=None, threads=None):
    setup_django()
    from django.conf import settings
    from django.utils import timezone

    config = load_config()
    database = settings.DATABASES["default"]["NAME"]
    paid = remember_paid(config)
    started_at = timezone.now()
    port = free_port()
    load_before = os.getloadavg()[0]
    server = start_gunicorn(port, workers, threads, database)
    configured = gunicorn_config()
    workers, threads = workers or configured[0], threads or configured[1]
    with tempfile.TemporaryDirectory() as tmp:
        env = {**os.environ, "BENCH_LOAD_CONFIG": json.dumps(config), "BENCH_LOAD_CPU_FILE": f"{tmp}/cpu.json"}
        command = [str(Path(sys.executable).parent / "locust"), "-f", str(ROOT / "bench" / "locustfile.py"),
                   "--headless", "-u", str(users), "-r", str(max(1, users // 5)), "-t", f"{seconds}s",
                   "--host", f"http://127.0.0.1:{port}", "--csv", f"{tmp}/load", "--only-summary",
                   "--loglevel", "WARNING", "--stop-timeout", "5"]
        try:
            generator = subprocess.Popen(command, cwd=ROOT, env=env, stdout=subprocess.DEVNULL)
            meter = CpuMeter({
                "gunicorn": lambda: [server.pid, *children_of(server.pid)],
                "postgres": lambda: processes_with("postgres:", f" {database} "),
                "load generator": lambda: [generator.pid],
            })
            machine_before, started = machine_busy(), time.monotonic()
            while generator.poll() is None:
                meter.sample()
                time.sleep(1)
            wall = time.monotonic() - started
            machine_after = machine_busy()
        finally:
            server.terminate()
            server.wait(30)
        stats = list(csv.DictReader(open(f"{tmp}/load_stats.csv")))
        cpu = json.load(open(f"{tmp}/cpu.json")) if Path(f"{tmp}/cpu.json").exists() else {}
    undone = undo_writes(config, started_at, paid)
    pages = {}
    for row in stats:
        name = row["Name"]
        pages[name] = {"requests": int(row["Request Count"]), "failures": int(row["Failure Count"]),
                       "p50": float(row["50%"]), "p95": float(row["95%"]), "p99": float(row["99%"]),
                       "cpu_ms": (cpu[name]["ms"] / cpu[name]["requests"]) if cpu.get(name, {}).get("requests")
                       else None}
    total = pages.get("Aggregated", {}).get("requests", 0)
    cores = os.cpu_count()
    shares = {name: meter.seconds(name) / (wall * cores) for name in meter.groups}
    busy = (machine_after[0] - machine_before[0]) / max(1, machine_after[1] - machine_before[1])
    return {"users": users, "seconds": seconds, "workers": workers, "threads": threads, "wall": wall,
            "database": database, "participants": participants_count(), "pages": pages, "cpu_share": shares,
            "per_request_ms": {name: meter.seconds(name) * 1000 / total for name in ("gunicorn", "postgres")}
            if total else {}, "rate": total / wall, "machine_busy": busy, "load": (load_before, os.getloadavg()[0]),
            "undone": undone}


def participants_count():
    from django.db import connection

    with connection.cursor() as cursor:  # the planner's estimate: a count(*) of millions takes seconds
        cursor.execute("SELECT reltuples::bigint FROM pg_class WHERE relname = 'enrollment_participant'")
        estimate = cursor.fetchone()[0]
        if estimate < 1_000_000:  # small, or never analysed
            cursor.execute("SELECT count(*) FROM enrollment_participant")
            return cursor.fetchone()[0]
        return estimate


def format_report(report):
    lines = [f"{report['users']} users for {report['seconds']} s against gunicorn ({report['workers']} workers × "
             f"{report['threads']} threads, deploy/gunicorn.conf.py) on database `{report['database']}` "
             f"(~{report['participants']:,} participants), load generator beside it on the same machine: "
             f"{report['rate']:.1f} requests/s.", "",
             "| page type | requests | failures | p50 ms | p95 ms | p99 ms | server CPU ms / request |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    for name, page in report["pages"].items():
        cpu = f"{page['cpu_ms']:.1f}" if page["cpu_ms"] is not None else "—"
        lines.append(f"| {name} | {page['requests']} | {page['failures']} | {page['p50']:.0f} | {page['p95']:.0f} "
                     f"| {page['p99']:.0f} | {cpu} |")
    shares = ", ".join(f"{name} {share:.0%}" for name, share in report["cpu_share"].items())
    per_request = report["per_request_ms"]
    lines += ["", f"Over the run, per request: gunicorn {per_request.get('gunicorn', 0):.1f} ms of CPU (the "
              f"Server-Timing figures above, plus the server's own work), PostgreSQL "
              f"{per_request.get('postgres', 0):.1f} ms. Shares of the machine's {os.cpu_count()} cores: {shares}; "
              f"the whole machine was {report['machine_busy']:.0%} busy (load average {report['load'][0]:.1f} "
              f"before, {report['load'][1]:.1f} after). Written by the entry users and deleted afterwards: "
              f"{report['undone']['people']} people, {report['undone']['payments']} payments."]
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=50)
    parser.add_argument("--seconds", type=int, default=SECONDS)
    parser.add_argument("--workers", type=int, help="default: deploy/gunicorn.conf.py")
    parser.add_argument("--threads", type=int, help="default: deploy/gunicorn.conf.py")
    args = parser.parse_args(argv)
    report = run(args.users, args.seconds, args.workers, args.threads)
    print(format_report(report))


if __name__ == "__main__":
    main()
