"""Import of participants and payments: rows per second against the raw COPY rate of the same file.

Builds a CSV of N payment rows (default 100,000: 80 % new people, the rest a second payment of
someone earlier in the file), runs the whole import (read, check every row, save) as the Celery
task would, then COPYs the same file into a bare text table: the floor for getting those bytes into
PostgreSQL on this machine. Everything runs in one transaction that is rolled back, so the database
is left as it was.

    DATABASE_URL=postgres://… python -m bench.imports [--rows 100000]
"""

import argparse
import io
import os
import random
import sys
import time

COLUMNS = ("personal_id,full_name,birth_date,sex,commune_code,village_code,phone,si_number,target_group,"
           "support_category,paid_on,method,months,period_start,monthly_income,receipt_number")
FAMILY = ["Nguyễn", "Trần", "Lê", "Phạm", "Huỳnh", "Võ", "Phan", "Trương", "Bùi", "Đặng"]
MIDDLE = ["Văn", "Thị", "Hữu", "Minh", "Ngọc", "Thanh"]
GIVEN = ["An", "Bình", "Cường", "Dũng", "Hà", "Hạnh", "Lan", "Mai", "Nam", "Phúc", "Quân", "Tâm", "Thảo", "Vy"]
METHODS = ["monthly", "monthly", "quarterly", "half_yearly", "yearly"]
CATEGORIES = ["other"] * 6 + ["poor", "near_poor", "ethnic_minority"]
GROUPS = ["farmer", "informal_worker", "household_business", "student", "craft_village_worker"]


def setup_django():
    os.environ.setdefault("DJANGO_SETTINGS_MODULE", "bhxh_targets.settings")
    import django

    django.setup()
    from django.db import connection

    if connection.vendor != "postgresql":
        sys.exit("bench.imports needs PostgreSQL: set DATABASE_URL")


# Provinces of birth registration (the first 3 digits of a personal ID): Tiền Giang and its neighbours.
BIRTH_PROVINCES = ("082", "083", "084", "086", "087")


def build_csv(rows, commune_codes, seed=4):
    rng = random.Random(seed)
    people = int(rows * 0.8)
    lines = [COLUMNS]
    for n in range(rows):
        person = n if n < people else rng.randrange(people)
        second = n >= people
        year = 1960 + person % 45
        female = person % 2
        century = "0" if year < 2000 else "2"
        pid = f"{BIRTH_PROVINCES[person % 5]}{int(century) + female}{year % 100:02d}{person:06d}"
        name = f"{FAMILY[person % 10]} {MIDDLE[person % 6]} {GIVEN[person % 14]}"
        method = METHODS[person % 5]
        lines.append(",".join([
            pid, name, f"{1 + person % 28:02d}/{1 + person % 12:02d}/{year}", "Nữ" if female else "Nam",
            commune_codes[person % len(commune_codes)], "", f"09{person % 100000000:08d}", "",
            GROUPS[person % 5], CATEGORIES[person % 9],
            "05/06/2026" if second else "05/01/2026", method, "", "",
            f"{1_500_000 + (person % 20) * 100_000}", f"BL{n:07d}",
        ]))
    return ("\n".join(lines) + "\n").encode()


def bench_area():
    """A province, district and communes of their own, so the bench never meets real data."""
    from enrollment.models import Role, Unit, User

    province = Unit.objects.create(code="99", name="Tỉnh Đo Đạc", level=1, unit_type="tinh")
    district = Unit.objects.create(code="999", name="BHXH cơ sở Đo Đạc", level=2, unit_type="bhxh_co_so",
                                   parent=province)
    communes = [Unit.objects.create(code=f"999{n:02d}", name=f"Xã Đo Đạc {n}", level=3, unit_type="xa",
                                    parent=district) for n in range(20)]
    user = User.objects.create(username="bench_import", role=Role.DISTRICT_STAFF, scope_unit=district)
    return user, [c.code for c in communes]


def raw_copy_seconds(content):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE bench_raw_rows (" + ", ".join(f"{c} text" for c in COLUMNS.split(",")) + ")")
        started = time.perf_counter()
        cursor.cursor.copy_expert("COPY bench_raw_rows FROM STDIN WITH (FORMAT csv, HEADER true)",
                                  io.BytesIO(content))
        seconds = time.perf_counter() - started
        cursor.execute("SELECT count(*) FROM bench_raw_rows")
        copied = cursor.fetchone()[0]
    return seconds, copied


class PhaseClock:
    """Times the importer's save step, so the report splits checking from saving."""

    def __init__(self, importer):
        self.importer, self.save_seconds = importer, 0.0
        self._save = importer.save

    def __enter__(self):
        def timed_save(*args, **kwargs):
            started = time.perf_counter()
            try:
                return self._save(*args, **kwargs)
            finally:
                self.save_seconds += time.perf_counter() - started

        self.importer.save = timed_save
        return self

    def __exit__(self, *exc):
        del self.importer.save


def run(rows=100_000):
    setup_django()
    from django.db import transaction

    from enrollment.imports.services import import_job_run, importer_for
    from enrollment.models import ImportJob, ImportStatus, Participant, Payment

    report = {"rows": rows}
    with transaction.atomic():
        user, communes = bench_area()
        content = build_csv(rows, communes)
        report["megabytes"] = len(content) / 1_000_000
        job = ImportJob.objects.create(kind="participants", user=user, scope_unit=user.scope_unit,
                                       filename="bench.csv", content=content, options={"language": "vi"})
        started, cpu_started = time.perf_counter(), time.process_time()
        with PhaseClock(importer_for("participants")) as clock:
            job = import_job_run(job_id=job.pk)
        report["import_seconds"] = time.perf_counter() - started
        report["import_cpu_seconds"] = time.process_time() - cpu_started
        report["save_seconds"] = clock.save_seconds
        if job.status != ImportStatus.DONE:
            raise SystemExit(f"import failed: {job.status} {job.errors[:5]}")
        report["created"] = job.created_rows
        report["participants"] = Participant.objects.filter(commune__code__in=communes).count()
        report["payments"] = Payment.objects.filter(commune__code__in=communes).count()

        again = ImportJob.objects.create(kind="participants", user=user, scope_unit=user.scope_unit,
                                         filename="bench.csv", content=content, options={"language": "vi"})
        started = time.perf_counter()
        again = import_job_run(job_id=again.pk)
        report["reimport_seconds"] = time.perf_counter() - started
        report["reimport_created"] = again.created_rows

        report["copy_seconds"], report["copied"] = raw_copy_seconds(content)
        transaction.set_rollback(True)
    report["load_average"] = os.getloadavg()[0]
    report["import_rate"] = rows / report["import_seconds"]
    report["copy_rate"] = rows / report["copy_seconds"]
    return report


def format_report(report):
    return "\n".join([
        f"Import of {report['rows']:,} payment rows ({report['megabytes']:.1f} MB CSV; "
        f"{report['participants']:,} people, {report['payments']:,} payments saved):",
        "| step | seconds | rows per second |", "|---|---:|---:|",
        f"| whole import (read, check every row, save with COPY) | {report['import_seconds']:.1f} | "
        f"{report['import_rate']:,.0f} |",
        f"| of which reading and checking every row | {report['import_seconds'] - report['save_seconds']:.1f} | |",
        f"| of which saving (COPY of people and payments, paid-through dates) | {report['save_seconds']:.1f} | |",
        f"| re-import of the same file (nothing new: {report['reimport_created']} created) | "
        f"{report['reimport_seconds']:.1f} | {report['rows'] / report['reimport_seconds']:,.0f} |",
        f"| raw `COPY` of the same file into a text table (the floor) | {report['copy_seconds']:.2f} | "
        f"{report['copy_rate']:,.0f} |",
        f"\nThe import runs at {report['import_rate'] / report['copy_rate']:.1%} of the raw COPY rate. "
        f"The Python process itself used {report['import_cpu_seconds']:.1f} s of CPU for the whole import "
        f"({report['rows'] / report['import_cpu_seconds']:,.0f} rows per CPU second); the machine's load "
        f"average was {report['load_average']:.1f} on {os.cpu_count()} CPUs while it ran.",
    ])


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    args = parser.parse_args(argv)
    report = run(args.rows)
    print(format_report(report))
    return report


if __name__ == "__main__":
    main()
