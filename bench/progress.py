"""Progress engine on PostgreSQL: full recompute, incremental recompute after 1,000 new enrollments,
and the floor — the same rollup written as one hand-written SQL query over the raw tables.

    DATABASE_URL=postgres://… python -m bench.progress [--participants 100000] [--provinces 34]

Generates the national dataset first when the database has no participants (`--participants`
sets its size). Results go to bench/results/progress.json and are printed.
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
                       AND o.due_month = dt.m AND o.outcome IN ('declined', 'moved', 'died')) AS gone
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
    village, and the breakdowns (active and new participants by target group, officer, agent staff,
    agent type and campaign) on the breakdown days, rolled up to districts, provinces and the country."""
    from enrollment.progress.services.leaves import _days_cte

    cte, params = _days_cte(days, breakdown_days)
    t = _tables()
    dims = ", ".join(f"{expr}::text AS {name}" for name, expr in DIMENSIONS)
    by_dimension = []
    for name, _expr in DIMENSIONS:
        new_source = "newp" if name == "target_group" else "firstpay"
        by_dimension += [
            f"SELECT commune_id, NULL::bigint, d, 'active:{name}', {name}, COUNT(DISTINCT participant_id) "
            f"FROM active WHERE bd = 1 AND {name} IS NOT NULL GROUP BY 1, 3, 5",
            f"SELECT commune_id, NULL::bigint, d, 'new:{name}', {name}, COUNT(DISTINCT participant_id) "
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
        SELECT par.commune_id, par.village_id, dt.d, dt.bd, par.id AS participant_id, par.target_group
        FROM dt JOIN {t['par']} par ON par.first_paid_on >= dt.ystart AND par.first_paid_on <= dt.d
    ),
    firstpay AS (
        SELECT pay.commune_id, dt.d, dt.bd, pay.participant_id, {dims}
        FROM dt JOIN {t['pay']} pay ON pay.is_first AND pay.paid_on >= dt.ystart AND pay.paid_on <= dt.d
        JOIN {t['par']} par ON par.id = pay.participant_id {AGENT_JOINS} WHERE dt.bd = 1
    ),
    {_renewals_cte(t)},
    households AS (
        SELECT h.commune_id, h.village_id, dt.d FROM dt JOIN {t['hm']} m ON m.valid_from <= dt.d AND m.valid_to >= dt.d
        JOIN {t['hh']} h ON h.id = m.household_id
    ),
    leaf(commune_id, village_id, d, figure, key, n) AS (
        SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'si_participants', '', COUNT(DISTINCT participant_id)
            FROM active GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'si_new', '', COUNT(*)
            FROM newp GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'hi_household', '', COUNT(*)
            FROM households GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'renewals_due', '', COUNT(DISTINCT participant_id)
            FROM renewals GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'renewals_paid', '', COUNT(DISTINCT participant_id) FILTER (WHERE paid)
            FROM renewals GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL SELECT commune_id, CASE WHEN GROUPING(village_id) = 0 THEN COALESCE(village_id, 0) END, d, 'renewals_lapsed', '',
            COUNT(DISTINCT participant_id) FILTER (WHERE NOT paid AND gone)
            FROM renewals GROUP BY GROUPING SETS ((commune_id, d), (commune_id, village_id, d))
        UNION ALL {by_dimension}
    )
    SELECT leaf.village_id, NULL, NULL, NULL, leaf.d, leaf.figure, leaf.key, leaf.n FROM leaf
        WHERE leaf.village_id > 0
    UNION ALL
    SELECT NULL, c.id, c.parent_id, district.parent_id, leaf.d, leaf.figure, leaf.key, SUM(leaf.n)
    FROM leaf JOIN {t['unit']} c ON c.id = leaf.commune_id LEFT JOIN {t['unit']} district ON district.id = c.parent_id
    WHERE leaf.village_id IS NULL
    GROUP BY GROUPING SETS ((c.id, leaf.d, leaf.figure, leaf.key), (c.parent_id, leaf.d, leaf.figure, leaf.key),
                            (district.parent_id, leaf.d, leaf.figure, leaf.key), (leaf.d, leaf.figure, leaf.key))"""
    return sql, params


def time_query(sql, params):
    """Seconds and rows of one query, with the session settings the engine's runs use."""
    from django.db import connection, transaction

    from enrollment.progress.services.engine import progress_session_tune

    started = time.monotonic()
    with transaction.atomic(), connection.cursor() as cursor:
        progress_session_tune()
        cursor.execute(sql, params)
        rows = len(cursor.fetchall())
    return time.monotonic() - started, rows


def time_full():
    from enrollment.progress.services.engine import progress_recompute

    run = progress_recompute(full=True, triggered_by="bench")
    assert run.status == "done", run.error
    return run.duration.total_seconds(), run


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
    random over the country: their communes are recounted, as for any change to people counted."""
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
    people already registered), then run the recompute they queued."""
    from enrollment.models import RecomputeRun
    from enrollment.progress.services.engine import progress_run_execute

    before = RecomputeRun.objects.order_by("-pk").values_list("pk", flat=True).first() or 0
    started = time.monotonic()
    if registered:
        record_payments_of_registered(1000, today)
    else:
        import_enrollments(1000, today, province)
    import_seconds = time.monotonic() - started
    run = RecomputeRun.objects.filter(pk__gt=before, kind="incremental").order_by("pk").first()
    assert run is not None, "the import queued no recompute"
    if run.status == "pending":
        run = progress_run_execute(run_id=run.pk)
    assert run.status == "done", run.error
    return run.duration.total_seconds(), run, import_seconds


def run():
    """For `make bench`: the size comes from BENCH_PARTICIPANTS (default 100,000)."""
    return main(["--participants", os.getenv("BENCH_PARTICIPANTS", "100000")])


def format_report(report):
    size = report["dataset"]
    return "\n".join([
        f"Dataset: {size['participants']:,} participants, {size['payments']:,} payments, "
        f"{size['household_members']:,} household members, {size['units']:,} units, "
        f"{size['snapshot_days']} snapshot days.",
        "",
        "| measure | seconds | target |",
        "|---|---:|---|",
        f"| hand-written query over the raw tables: the same figures as the engine — counts of every village, "
        f"commune, district, province and the country, and the breakdowns (the floor) | {report['floor_seconds']:.1f} | |",
        f"| hand-written query: the count metrics only, no villages, no breakdowns | "
        f"{report['totals_only_seconds']:.1f} | |",
        f"| full recompute ({report['full_snapshot_rows']:,} snapshot rows, {report['full_breakdown_rows']:,} "
        f"breakdown rows) | {report['full_seconds']:.1f} | ≤ 3× the floor: {report['full_over_floor']:.1f}× |",
        f"| incremental recompute after importing 1,000 new participants into random communes of the whole country "
        f"(added to the stored figures) "
        f"({report['incremental_snapshot_rows']:,} rows) | {report['incremental_seconds']:.2f} | < 5 s |",
        f"| incremental recompute after importing 1,000 new participants into communes of {report['province']} "
        f"({report['province_incremental_snapshot_rows']:,} rows) | {report['province_incremental_seconds']:.2f} "
        f"| < 5 s |",
        f"| incremental recompute after 1,000 payments of people due to pay again, in random communes "
        f"(their {report['recount_communes']:,} communes recounted from the register) | "
        f"{report['recount_seconds']:.2f} | |",
        f"| the import of those 1,000 enrollments itself | {report['import_1000_seconds']:.1f} | |",
        "",
        f"Full recompute: {report['full_seconds'] / report['totals_only_seconds']:.1f}× the count-metrics-only query. "
        f"Machine load average at the end: {report.get('load', 0):.1f} on {os.cpu_count()} cores.",
    ])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--participants", type=int, default=100_000)
    parser.add_argument("--provinces", type=int, default=34)
    args = parser.parse_args(argv)
    setup_django()
    from django.utils import timezone

    from enrollment.demo.national_dataset import national_dataset_generate
    from enrollment.models import HouseholdMember, Participant, Payment, Unit
    from enrollment.progress.services.dates import snapshot_days

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

    breakdown_days = [d for d in days if d.year == today.year]
    totals_only, _rows = time_query(*totals_floor_sql(days))
    print(f"hand-written query, count metrics only: {totals_only:.1f} s", flush=True)
    floor, floor_rows = time_query(*floor_sql(days, breakdown_days))
    print(f"hand-written query, the same figures as the engine (the floor): {floor:.1f} s ({floor_rows:,} rows)",
          flush=True)
    full, full_run = time_full()
    print(f"full recompute: {full:.1f} s ({full_run.snapshot_rows:,} snapshot rows, "
          f"{full_run.breakdown_rows:,} breakdown rows) = {full / floor:.1f}× the query", flush=True)
    incremental, run, import_seconds = time_incremental(today)
    print(f"incremental after 1,000 imported enrollments spread over the country: {incremental:.2f} s "
          f"({run.snapshot_rows:,} snapshot rows; the import itself {import_seconds:.1f} s)", flush=True)
    province = largest_province()
    in_province, province_run, _seconds = time_incremental(today, province)
    print(f"incremental after 1,000 imported enrollments in {province.name}: {in_province:.2f} s "
          f"({province_run.snapshot_rows:,} snapshot rows)", flush=True)
    recounted, recount_run, _seconds = time_incremental(today, registered=True)
    print(f"incremental after 1,000 payments of people due to pay again, spread over the country: "
          f"{recounted:.2f} s ({len(recount_run.unit_ids):,} communes recounted)", flush=True)

    result = {
        "when": datetime.datetime.now(datetime.UTC).isoformat(timespec="seconds"), "dataset": size,
        "totals_only_seconds": round(totals_only, 2), "floor_seconds": round(floor, 2), "full_seconds": round(full, 2), "full_over_floor": round(full / floor, 2),
        "full_snapshot_rows": full_run.snapshot_rows, "full_breakdown_rows": full_run.breakdown_rows,
        "incremental_seconds": round(incremental, 2), "incremental_snapshot_rows": run.snapshot_rows,
        "import_1000_seconds": round(import_seconds, 2),
        "province": province.name, "province_incremental_seconds": round(in_province, 2),
        "province_incremental_snapshot_rows": province_run.snapshot_rows,
        "recount_seconds": round(recounted, 2), "recount_communes": len(recount_run.unit_ids),
        "targets": {"full_over_floor": 3, "incremental_seconds": 5}, "load": round(os.getloadavg()[0], 1),
    }
    RESULTS.mkdir(parents=True, exist_ok=True)
    (RESULTS / "progress.json").write_text(json.dumps(result, indent=2))
    return result


if __name__ == "__main__":
    print(format_report(main()))
