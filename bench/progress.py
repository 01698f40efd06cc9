"""Progress engine on PostgreSQL: full recompute, incremental recomputes after 1,000 new enrollments and
after 1,000 repeat payments, and the floor — the same figures written as one hand-written SQL query over
the raw tables.

    DATABASE_URL=postgres://… python -m bench.progress [--participants 100000] [--provinces 34]
        [--parts floor,full,incremental]

Generates the national dataset first when the database has no participants (`--participants`
sets its size). The changes an incremental measure makes (people, payments, the figures the run
writes) are rolled back after it, so the database is left as it was. Results go to
bench/results/progress.json and are printed.
"""

import argparse
import datetime
import json
import os
import random
import sys
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
RESULTS = ROOT / "bench" / "results"


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bhxh_targets.settings")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("bench.progress needs PostgreSQL: set DATABASE_URL")


def _tables():
    from enrollment.models import (
        Household,
        HouseholdMember,
        Participant,
        Payment,
        RenewalOutcome,
        Unit,
    )

    return {"pay": Payment._meta.db_table, "par": Participant._meta.db_table, "hh": Household._meta.db_table,
            "hm": HouseholdMember._meta.db_table, "ro": RenewalOutcome._meta.db_table, "unit": Unit._meta.db_table}


def _renewals_cte(t):
    return f"""renewals AS (
        SELECT pay.commune_id, CASE WHEN par.commune_id = pay.commune_id THEN par.village_id END AS village_id,
               dt.d, pay.participant_id,
               EXISTS (SELECT 1 FROM {t['pay']} p2 WHERE p2.participant_id = pay.participant_id
                       AND p2.period_start = dt.m) AS paid,
               dt.ended = 1 OR EXISTS (SELECT 1 FROM {t['ro']} o WHERE o.participant_id = pay.participant_id
                       AND o.due_month = dt.m AND o.outcome IN ('declined', 'moved', 'died')) AS gone,
               dt.ended = 0 AND EXISTS (SELECT 1 FROM {t['ro']} o WHERE o.participant_id = pay.participant_id
                       AND o.due_month = dt.m AND o.outcome = 'promised') AS promised
        FROM dt JOIN {t['pay']} pay ON pay.period_end = dt.prev_m JOIN {t['par']} par ON par.id = pay.participant_id
    )"""


def _active_on(t):
    """Covered in the month, or due in it with the month still to pay (not declined, moved or died)."""
    return f"""(pay.period_start <= dt.m AND pay.period_end >= dt.m)
            OR (dt.ended = 0 AND pay.period_end = dt.prev_m AND NOT EXISTS (SELECT 1 FROM {t['ro']} o
                WHERE o.participant_id = pay.participant_id AND o.due_month = dt.m
                AND o.outcome IN ('declined', 'moved', 'died')))"""


def totals_floor_sql(days):
    """The count metrics only (no villages, no breakdowns) at commune, district, province and country level."""
    from enrollment.progress.services.leaves import _days_cte

    cte, params = _days_cte(days)
    t = _tables()
    sql = f"""{cte}, {_renewals_cte(t)},
    leaf AS (
        SELECT pay.commune_id, dt.d, 'si_participants' AS metric, COUNT(DISTINCT pay.participant_id) AS n
            FROM dt JOIN {t['pay']} pay ON {_active_on(t)} GROUP BY 1, 2
        UNION ALL SELECT par.commune_id, dt.d, 'si_new', COUNT(*)
            FROM dt JOIN {t['par']} par ON par.first_paid_on >= dt.ystart AND par.first_paid_on <= dt.d GROUP BY 1, 2
        UNION ALL SELECT h.commune_id, dt.d, 'hi_household', COUNT(*)
            FROM dt JOIN {t['hm']} m ON m.valid_from <= dt.d AND m.valid_to >= dt.d
            JOIN {t['hh']} h ON h.id = m.household_id GROUP BY 1, 2
        UNION ALL SELECT commune_id, d, 'renewals_due', COUNT(DISTINCT participant_id) FROM renewals GROUP BY 1, 2
        UNION ALL SELECT commune_id, d, 'renewals_paid', COUNT(DISTINCT participant_id) FILTER (WHERE paid)
            FROM renewals GROUP BY 1, 2
        UNION ALL SELECT commune_id, d, 'renewals_lapsed', COUNT(DISTINCT participant_id)
            FILTER (WHERE NOT paid AND gone) FROM renewals GROUP BY 1, 2
        UNION ALL SELECT commune_id, d, 'renewals_promised', COUNT(DISTINCT participant_id)
            FILTER (WHERE NOT paid AND NOT gone AND promised) FROM renewals GROUP BY 1, 2
    )
    SELECT c.id, c.parent_id, district.parent_id, leaf.d, leaf.metric, SUM(leaf.n)
    FROM leaf JOIN {t['unit']} c ON c.id = leaf.commune_id LEFT JOIN {t['unit']} district ON district.id = c.parent_id
    GROUP BY GROUPING SETS ((c.id, leaf.d, leaf.metric), (c.parent_id, leaf.d, leaf.metric),
                            (district.parent_id, leaf.d, leaf.metric), (leaf.d, leaf.metric))"""
    return sql, params


# The breakdowns the engine keeps: (name, expression over the joined payment, participant and agent rows).
DIMENSIONS = [("target_group", "par.target_group"), ("officer", "pay.mobilised_by_staff_id"),
              ("agent_staff", "pay.mobilised_by_agent_id"), ("agent_type", "ago.organisation_type"),
              ("campaign", "pay.campaign_id")]
AGENT_JOINS = """LEFT JOIN agents_agentstaff ags ON ags.id = pay.mobilised_by_agent_id
        LEFT JOIN agents_collectionpoint agp ON agp.id = ags.point_id
        LEFT JOIN agents_agentorganisation ago ON ago.id = agp.organisation_id"""


def floor_sql(days, breakdown_days):
    """The same figures the engine counts, in one statement: the count metrics of every commune and
    village (new participants of the year and of the day's month), and the breakdowns (active, new and
    new-in-the-month participants by target group, officer, agent staff, agent type and campaign) on the
    breakdown days, rolled up to districts, provinces and the country. Each row carries a count and, for
    new participants, the month's count beside it, as the engine computes them in one aggregate."""
    from enrollment.progress.services.leaves import _days_cte

    cte, params = _days_cte(days, breakdown_days)
    t = _tables()
    dims = ", ".join(f"{expr}::text AS {name}" for name, expr in DIMENSIONS)
    by_dimension = []
    for name, _expr in DIMENSIONS:
        new_source = "newp" if name == "target_group" else "firstpay"
        by_dimension += [
            f"SELECT commune_id, NULL::bigint, d, 'active:{name}', {name}, COUNT(DISTINCT participant_id), NULL "
            f"FROM active WHERE bd = 1 AND {name} IS NOT NULL GROUP BY 1, 3, 5",
            f"SELECT commune_id, NULL::bigint, d, 'new:{name}', {name}, COUNT(DISTINCT participant_id), "
            f"COUNT(DISTINCT participant_id) FILTER (WHERE in_month) "
            f"FROM {new_source} WHERE bd = 1 AND {name} IS NOT NULL GROUP BY 1, 3, 5",
        ]
    by_dimension = "\n        UNION ALL ".join(by_dimension)
    sql = f"""{cte},
    active AS (
        SELECT pay.commune_id, CASE WHEN par.commune_id = pay.commune_id THEN par.village_id END AS village_id,
               dt.d, dt.bd, pay.participant_id, {dims}
        FROM dt JOIN {t['pay']} pay ON {_active_on(t)}
        JOIN {t['par']} par ON par.id = pay.participant_id {AGENT_JOINS}
    ),
    newp AS (
        SELECT par.commune_id, par.village_id, dt.d, dt.bd, par.id AS participant_id, par.target_group,
               par.first_paid_on >= dt.m AS in_month
        FROM dt JOIN {t['par']} par ON par.first_paid_on >= dt.ystart AND par.first_paid_on <= dt.d
    ),
    firstpay AS (
        SELECT pay.commune_id, dt.d, dt.bd, pay.participant_id, pay.paid_on >= dt.m AS in_month, {dims}
        FROM dt JOIN {t['pay']} pay ON pay.is_first AND pay.paid_on >= dt.ystart AND pay.paid_on <= dt.d
        JOIN {t['par']} par ON par.id = pay.participant_id {AGENT_JOINS} WHERE dt.bd = 1
    ),
    {_renewals_cte(t)},
    households AS (
        SELECT h.commune_id, h.village_id, dt.d FROM dt JOIN {t['hm']} m ON m.valid_from <= dt.d AND m.valid_to >= dt.d
        JOIN {t['hh']} h ON h.id = m.household_id
    ),
    leaf(commune_id, village_id, d, figure, key, n, n_month) AS (
        SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'si_participants', '', COUNT(DISTINCT participant_id), NULL
            FROM active GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'si_new', '', COUNT(*), COUNT(*) FILTER (WHERE in_month)
            FROM newp GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'hi_household', '', COUNT(*), NULL
            FROM households GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'renewals_due', '', COUNT(DISTINCT participant_id), NULL
            FROM renewals GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'renewals_paid', '', COUNT(DISTINCT participant_id) FILTER (WHERE paid), NULL
            FROM renewals GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'renewals_lapsed', '',
            COUNT(DISTINCT participant_id) FILTER (WHERE NOT paid AND gone), NULL
            FROM renewals GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'renewals_promised', '',
            COUNT(DISTINCT participant_id) FILTER (WHERE NOT paid AND NOT gone AND promised), NULL
            FROM renewals GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL {by_dimension}
    )
    SELECT leaf.village_id, NULL, NULL, NULL, leaf.d, leaf.figure, leaf.key, leaf.n, leaf.n_month FROM leaf
        WHERE leaf.village_id > 0
    UNION ALL
    SELECT NULL, c.id, c.parent_id, district.parent_id, leaf.d, leaf.figure, leaf.key, SUM(leaf.n), SUM(leaf.n_month)
    FROM leaf JOIN {t['unit']} c ON c.id = leaf.commune_id LEFT JOIN {t['unit']} district ON district.id = c.parent_id
    WHERE leaf.village_id IS NULL
    GROUP BY GROUPING SETS ((c.id, leaf.d, leaf.figure, leaf.key), (c.parent_id, leaf.d, leaf.figure, leaf.key),
                            (district.parent_id, leaf.d, leaf.figure, leaf.key), (leaf.d, leaf.figure, leaf.key))"""
    return sql, params


class CpuMeter:
    """CPU seconds spent meanwhile by this process and by its PostgreSQL backend (same machine): the
    figure that survives a busy machine, beside the wall clock. The backend's parallel workers, which
    large queries may start, are not counted."""

    def __enter__(self):
        from django.db import connection

        connection.ensure_connection()
        with connection.cursor() as cursor:
            cursor.execute("SELECT pg_backend_pid()")
            self.backend = cursor.fetchone()[0]
        self.wall, self.python, self.postgres = time.monotonic(), time.process_time(), self._backend_cpu()
        return self

    def _backend_cpu(self):
        try:
            fields = Path(f"/proc/{self.backend}/stat").read_text().rsplit(")", 1)[1].split()
        except OSError:
            return None  # the server runs elsewhere
        return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")

    def __exit__(self, *exc):
        self.wall = time.monotonic() - self.wall
        self.python = time.process_time() - self.python
        backend = self._backend_cpu()
        self.postgres = None if backend is None or self.postgres is None else backend - self.postgres
        self.load = os.getloadavg()[0]
        return False

    def figures(self):
        return {"wall": round(self.wall, 2), "cpu_python": round(self.python, 2),
                "cpu_postgres": None if self.postgres is None else round(self.postgres, 2),
                "load": round(self.load, 1)}


def time_query(sql, params):
    """Seconds and rows of one query, with the session settings the engine's runs use."""
    from django.db import connection, transaction

    from enrollment.progress.services.engine import progress_session_tune

    with CpuMeter() as meter, transaction.atomic(), connection.cursor() as cursor:
        progress_session_tune()
        cursor.execute(sql, params)
        rows = len(cursor.fetchall())
    return meter, rows


def time_full():
    from enrollment.progress.services.engine import progress_recompute

    with CpuMeter() as meter:
        run = progress_recompute(full=True, triggered_by="bench")
    assert run.status == "done", run.error
    return meter, run


def bench_user():
    from enrollment.models import Role, User

    user, _ = User.objects.get_or_create(username="bench_engine", defaults={"role": Role.NATIONAL_ADMIN})
    return user


def import_enrollments(count, today, province=None):
    """Import `count` new participants through the register's payment import, as an office would:
    spread over the communes of the whole country, or of one province."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from enrollment.imports.services import import_job_create, import_job_run
    from enrollment.models import CodeSet, Level, Unit

    rng = random.Random()
    communes = Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.COMMUNE)
    if province is not None:
        communes = communes.filter(path__startswith=province.path)
    codes = list(communes.values_list("code", flat=True))
    block = rng.randrange(0, 999) * 1000
    lines = ["personal_id,full_name,birth_date,sex,commune_code,paid_on,method,monthly_income"]
    for n in range(count):
        lines.append(f"082085{block + n:06d},Người mới {n},15/04/1985,Nam,{rng.choice(codes)},"
                     f"{today:%d/%m/%Y},monthly,2.000.000")
    upload = SimpleUploadedFile("moi.csv", "\n".join(lines).encode())
    job = import_job_create(user=bench_user(), kind="participants", uploaded_file=upload)
    job = import_job_run(job_id=job.pk)
    assert job.status == "done", job.errors[:5]


def record_payments_of_registered(count, today):
    """Record, in one transaction, a payment for each of `count` people due to pay again, picked at
    random over the country, through the register's `payment_record`."""
    from decimal import Decimal

    from django.db import transaction

    from enrollment.models import Participant
    from enrollment.register.services.participants import payment_record
    from enrollment.shared.months import add_months, first_of_month

    # People due to pay again this month, so that the payments move only this month's figures.
    due = add_months(first_of_month(today), -1)
    people = list(Participant.objects.filter(paid_through=due).order_by("?")[:count])
    with transaction.atomic():
        for person in people:
            payment_record(participant=person, paid_on=today, method="monthly", monthly_income=Decimal(2_000_000),
                           user=bench_user())


def largest_province():
    from django.db.models import Count

    from enrollment.models import CodeSet, Level, Unit

    return (Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.PROVINCE)
            .annotate(n=Count("children__children")).order_by("-n").first())


def time_incremental(today, province=None, registered=False):
    """Import 1,000 enrollments of new people (or, with `registered`, record 1,000 payments of
    people due to pay again), then run the recompute they queued; all of it rolled back after."""
    from django.db import transaction

    from enrollment.models import ProgressChange, RecomputeRun
    from enrollment.progress.services.engine import CHANGES, progress_run_execute

    with transaction.atomic():
        started = time.monotonic()
        if registered:
            record_payments_of_registered(1000, today)
        else:
            import_enrollments(1000, today, province)
        import_seconds = time.monotonic() - started
        assert ProgressChange.objects.exists(), "the changes queued no recompute"
        # Inside this transaction the commit that queues the run never comes: the run is made here.
        run = RecomputeRun.objects.create(kind="incremental", triggered_by=CHANGES)
        with CpuMeter() as meter:
            run = progress_run_execute(run_id=run.pk)
        assert run.status == "done", run.error
        transaction.set_rollback(True)
    return meter, run, import_seconds


INCREMENTAL_RUNS = 3


def median_of_runs(measure, runs=INCREMENTAL_RUNS):
    """`measure()` (a `time_incremental`) `runs` times, each on its own fresh 1,000 changes: the run of
    median wall clock (its figures, with the fastest and slowest walls), its RecomputeRun and the
    seconds its changes took to make. One run on a shared machine swings by a fifth either way."""
    results = sorted((measure() for _ in range(runs)), key=lambda result: result[0].wall)
    meter, run, seconds = results[len(results) // 2]
    walls = [result[0].wall for result in results]
    return {**meter.figures(), "runs": runs, "fastest": round(walls[0], 2), "slowest": round(walls[-1], 2)}, run, \
        seconds


def run():
    """For `make bench`: the size comes from BENCH_PARTICIPANTS (default 100,000)."""
    return main(["--participants", os.getenv("BENCH_PARTICIPANTS", "100000")])


def _seconds(figures, digits=1):
    """"12.3 (CPU 9.8 + 2.1 PostgreSQL; load 1.2)" from a CpuMeter's figures; with the median of several
    runs, "0.95 (…; median of 3 runs: 0.91–1.15)"."""
    cpu = f"CPU {figures['cpu_python']:.{digits}f}"
    if figures.get("cpu_postgres") is not None:
        cpu += f" + {figures['cpu_postgres']:.{digits}f} PostgreSQL"
    spread = ""
    if figures.get("runs", 1) > 1:
        spread = f"; median of {figures['runs']} runs: {figures['fastest']:.{digits}f}–{figures['slowest']:.{digits}f}"
    return f"{figures['wall']:.{digits}f} ({cpu}; load {figures['load']:.1f}{spread})"


def format_report(report):
    size = report["dataset"]
    lines = [
        f"Dataset: {size['participants']:,} participants, {size['payments']:,} payments, "
        f"{size['household_members']:,} household members, {size['units']:,} units, "
        f"{size['snapshot_days']} snapshot days (breakdowns on every one).",
        "",
        "Seconds of wall clock, then CPU seconds of the Python process and of its PostgreSQL backend (without the "
        "parallel workers large queries may start), and the machine's load average (2 cores) when the measure "
        "ended.",
        "",
        "| measure | seconds (CPU; load) | target |",
        "|---|---|---|",
    ]
    if "floor" in report:
        lines += [
            f"| hand-written query over the raw tables: the same figures as the engine — counts of every village, "
            f"commune, district, province and the country, new participants of the year and of the month, and the "
            f"breakdowns on every day (the floor) | {_seconds(report['floor'])} | |",
            f"| hand-written query: the count metrics only, no villages, no breakdowns | "
            f"{_seconds(report['totals_only'])} | |",
        ]
    if "full" in report:
        ratio = f"{report['full_over_floor']:.2f}×" if "full_over_floor" in report else "floor not measured"
        lines.append(
            f"| full recompute ({report['full_snapshot_rows']:,} snapshot rows, {report['full_breakdown_rows']:,} "
            f"breakdown rows) | {_seconds(report['full'])} | ≤ 1.2× the floor: {ratio} |")
    if "incremental" in report:
        lines += [
            f"| incremental recompute after importing 1,000 new participants into random communes of the whole "
            f"country (added to the stored figures; {report['incremental_snapshot_rows']:,} rows) | "
            f"{_seconds(report['incremental'], 2)} | ≤ 1 s |",
            f"| incremental recompute after importing 1,000 new participants into communes of {report['province']} "
            f"({report['province_incremental_snapshot_rows']:,} rows) | "
            f"{_seconds(report['province_incremental'], 2)} | |",
            f"| incremental recompute after 1,000 payments of people due to pay again, in random communes "
            f"(differences applied; {report['repeat_communes_recounted']:,} communes recounted, "
            f"{report['repeat_snapshot_rows']:,} rows) | {_seconds(report['repeat'], 2)} | ≤ 2 s |",
            f"| the import of the 1,000 enrollments itself | {report['import_1000_seconds']:.1f} | |",
            f"| recording the 1,000 repeat payments itself (`payment_record`, one transaction) | "
            f"{report['record_1000_seconds']:.1f} | |",
        ]
    if "floor" in report and "full" in report and report["full"].get("cpu_postgres") is not None:
        def cpu(figures):
            return figures["cpu_python"] + figures["cpu_postgres"]
        lines += ["", f"Full recompute against the floor: {report['full']['wall'] / report['floor']['wall']:.2f}× in "
                      f"wall clock, {cpu(report['full']) / cpu(report['floor']):.2f}× in CPU seconds (Python and "
                      f"PostgreSQL)."]
    lines += ["", f"Command: `python -m bench.progress --parts {','.join(report['parts'])}` "
                  f"(`DATABASE_URL` on the national dataset); uptime at the start: {report['uptime_start']}."]
    return "\n".join(lines)


PARTS = ("floor", "full", "incremental")


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--provinces", type=int, default=34)
    parser.add_argument("--parts", default=",".join(PARTS), help="which measures, comma-separated: " + ", ".join(PARTS))
    args = parser.parse_args(argv)
    parts = [p for p in args.parts.split(",") if p]
    if not set(parts) <= set(PARTS):
        parser.error(f"--parts: choose among {', '.join(PARTS)}")
    setup_django()
    from django.utils import timezone

    from enrollment.demo.national_dataset import national_dataset_generate
    from enrollment.models import HouseholdMember, Participant, Payment, Unit
    from enrollment.progress.services.dates import days_with_breakdowns, snapshot_days

    if not Participant.objects.exists():
        print(f"generating the national dataset: {args.participants:,} participants …", flush=True)
        national_dataset_generate(participants=args.participants, provinces=args.provinces,
                                  progress=lambda text: print(text, flush=True))
    today = timezone.localdate()
    days = snapshot_days(today)
    size = {"participants": Participant.objects.count(), "payments": Payment.objects.count(),
            "household_members": HouseholdMember.objects.count(), "units": Unit.objects.count(),
            "snapshot_days": len(days)}
    print(f"dataset: {size}", flush=True)
    result = {"when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"), "dataset": size,
              "parts": parts, "uptime_start": _uptime()}

    if "floor" in parts:
        totals_only, _rows = time_query(*totals_floor_sql(days))
        print(f"hand-written query, count metrics only: {_seconds(totals_only.figures())}", flush=True)
        floor, floor_rows = time_query(*floor_sql(days, days_with_breakdowns(days)))
        print(f"hand-written query, the same figures as the engine (the floor): {_seconds(floor.figures())} "
              f"({floor_rows:,} rows)", flush=True)
        result.update(totals_only=totals_only.figures(), floor=floor.figures())
    if "full" in parts:
        full, full_run = time_full()
        print(f"full recompute: {_seconds(full.figures())} ({full_run.snapshot_rows:,} snapshot rows, "
              f"{full_run.breakdown_rows:,} breakdown rows)", flush=True)
        result.update(full=full.figures(), full_snapshot_rows=full_run.snapshot_rows,
                      full_breakdown_rows=full_run.breakdown_rows)
        if "floor" in result:
            result["full_over_floor"] = round(full.wall / result["floor"]["wall"], 2)
    if "incremental" in parts:
        incremental, run, import_seconds = median_of_runs(lambda: time_incremental(today))
        print(f"incremental after 1,000 imported enrollments spread over the country: "
              f"{_seconds(incremental, 2)} ({run.snapshot_rows:,} snapshot rows; "
              f"the import itself {import_seconds:.1f} s)", flush=True)
        province = largest_province()
        in_province, province_run, _seconds_taken = median_of_runs(lambda: time_incremental(today, province))
        print(f"incremental after 1,000 imported enrollments in {province.name}: "
              f"{_seconds(in_province, 2)} ({province_run.snapshot_rows:,} snapshot rows)", flush=True)
        repeat, repeat_run, record_seconds = median_of_runs(lambda: time_incremental(today, registered=True))
        print(f"incremental after 1,000 payments of people due to pay again, spread over the country: "
              f"{_seconds(repeat, 2)} ({len(repeat_run.unit_ids):,} communes recounted, "
              f"{repeat_run.snapshot_rows:,} snapshot rows; recording them {record_seconds:.1f} s)", flush=True)
        result.update(
            incremental=incremental, incremental_snapshot_rows=run.snapshot_rows,
            import_1000_seconds=round(import_seconds, 2), province=province.name,
            province_incremental=in_province, province_incremental_snapshot_rows=province_run.snapshot_rows,
            repeat=repeat, repeat_communes_recounted=len(repeat_run.unit_ids),
            repeat_snapshot_rows=repeat_run.snapshot_rows, record_1000_seconds=round(record_seconds, 2))
    result["targets"] = {"full_over_floor": 1.2, "incremental_seconds": 1, "repeat_seconds": 2}
    result["load"] = round(os.getloadavg()[0], 1)
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "progress.json").write_text(json.dumps(result, indent=2))
    return result


def _uptime():
    return "load average " + ", ".join(f"{v:.2f}" for v in os.getloadavg())


if __name__ == "__main__":
    print(format_report(main()))
