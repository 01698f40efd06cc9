"""Import of participants and payments: rows per second against the raw COPY rate of the same file.

Builds a CSV of N payment rows (default 100,000: 80 % new people, the rest a second payment of
someone earlier in the file), runs the whole import (read, check every row in bulk in SQL, save) as
the Celery task would, imports it again (nothing new), then COPYs the same file into a bare text
table: the floor for getting those bytes into PostgreSQL on this machine. Each step reports wall
time, the Python process's CPU time and the PostgreSQL backend's CPU time (read from /proc: the
database runs on this machine), since wall times swing with the load of a shared machine. Reading
alone is timed for the CSV and for an XLSX of its first rows. Everything runs in transactions that
are rolled back, so the database is left as it was.

    DATABASE_URL=postgres://… python -m bench.imports [--rows 100000] [--xlsx-rows 20000] [--row-by-row]
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


def backend_cpu_seconds():
    """CPU time used so far by this connection's PostgreSQL backend (it runs on this machine): the database's
    side of the work, which the Python process's own CPU time leaves out."""
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("SELECT pg_backend_pid()")
        pid = cursor.fetchone()[0]
    try:
        with open(f"/proc/{pid}/stat") as stat:
            fields = stat.read().rsplit(")", 1)[1].split()
    except OSError:  # PostgreSQL on another machine
        return float("nan")
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


class Clock:
    """Wall time, this process's CPU time and the database backend's CPU time of a block."""

    def __enter__(self):
        self.wall, self.cpu, self.db_cpu = time.perf_counter(), time.process_time(), backend_cpu_seconds()
        return self

    def __exit__(self, *exc):
        self.wall = time.perf_counter() - self.wall
        self.cpu = time.process_time() - self.cpu
        self.db_cpu = backend_cpu_seconds() - self.db_cpu


def raw_copy(content):
    from django.db import connection

    with connection.cursor() as cursor:
        cursor.execute("CREATE TEMP TABLE bench_raw_rows (" + ", ".join(f"{c} text" for c in COLUMNS.split(",")) + ")")
        with Clock() as clock:
            cursor.cursor.copy_expert("COPY bench_raw_rows FROM STDIN WITH (FORMAT csv, HEADER true)",
                                      io.BytesIO(content))
        cursor.execute("SELECT count(*) FROM bench_raw_rows")
        copied = cursor.fetchone()[0]
        cursor.execute("DROP TABLE bench_raw_rows")
    return clock, copied


def indexed_copy(communes):
    """The second floor: COPY the rows the import saved into empty copies of the participant and payment
    tables with the same indexes and checks (no foreign keys): what writing those rows costs at least."""
    from django.db import connection

    from enrollment.models import Participant, Payment

    total = None
    with connection.cursor() as cursor:
        for model, unit in ((Participant, "commune_id"), (Payment, "commune_id")):
            table = model._meta.db_table
            buffer = io.StringIO()
            cursor.cursor.copy_expert(f"COPY (SELECT * FROM {table} WHERE {unit} IN (SELECT id FROM enrollment_unit "
                                      f"WHERE code = ANY(ARRAY{list(communes)}))) TO STDOUT", buffer)
            buffer.seek(0)
            cursor.execute(f"CREATE TABLE bench_{table} (LIKE {table} INCLUDING ALL)")
            with Clock() as clock:
                cursor.cursor.copy_expert(f"COPY bench_{table} FROM STDIN", buffer)
            cursor.execute(f"DROP TABLE bench_{table}")
            if total is None:
                total = clock
            else:
                total.wall, total.cpu, total.db_cpu = (total.wall + clock.wall, total.cpu + clock.cpu,
                                                       total.db_cpu + clock.db_cpu)
    return total


def as_xlsx(content, rows):
    """The first `rows` rows of the CSV as an Excel workbook, as an office would save it."""
    from openpyxl import Workbook

    workbook = Workbook(write_only=True)
    sheet = workbook.create_sheet()
    for line in content.decode().splitlines()[:rows + 1]:
        sheet.append(line.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def parse_rate(filename, content):
    """Reading the file alone (no check, no database): rows per second of wall and CPU time."""
    from enrollment.imports.services import importer_for
    from enrollment.imports.tabular import read_sheet

    started, cpu = time.perf_counter(), time.process_time()
    sheet = read_sheet(filename, content, importer_for("participants").columns)
    return len(sheet.rows), time.perf_counter() - started, time.process_time() - cpu


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


def import_once(user, content, in_bulk=True):
    from django.conf import settings

    from enrollment.imports.services import import_job_run, importer_for
    from enrollment.models import ImportJob, ImportStatus

    settings.IMPORT_IN_BULK = in_bulk
    job = ImportJob.objects.create(kind="participants", user=user, scope_unit=user.scope_unit,
                                   filename="bench.csv", content=content, options={"language": "vi"})
    with Clock() as clock, PhaseClock(importer_for("participants")) as phases:
        job = import_job_run(job_id=job.pk)
    if job.status != ImportStatus.DONE:
        raise SystemExit(f"import failed: {job.status} {job.message} {job.errors[:5]}")
    return job, clock, phases.save_seconds


def run(rows=100_000, xlsx_rows=20_000, row_by_row=False):
    setup_django()
    from django.db import transaction

    from enrollment.models import Participant, Payment

    report = {"rows": rows, "xlsx_rows": xlsx_rows, "load_before": os.getloadavg()[0]}
    with transaction.atomic():
        user, communes = bench_area()
        content = build_csv(rows, communes)
        report["megabytes"] = len(content) / 1_000_000
        job, report["import"], report["save_seconds"] = import_once(user, content)
        report["created"] = job.created_rows
        report["participants"] = Participant.objects.filter(commune__code__in=communes).count()
        report["payments"] = Payment.objects.filter(commune__code__in=communes).count()
        again, report["reimport"], _save = import_once(user, content)
        report["reimport_created"] = again.created_rows
        report["indexed_copy"] = indexed_copy(communes)
        report["copy"], report["copied"] = raw_copy(content)
        transaction.set_rollback(True)
    if row_by_row:
        with transaction.atomic():
            user, communes = bench_area()
            _job, report["row_by_row"], _save = import_once(user, content, in_bulk=False)
            transaction.set_rollback(True)
    report["csv_parse"] = parse_rate("bench.csv", content)
    report["xlsx_parse"] = parse_rate("bench.xlsx", as_xlsx(content, xlsx_rows))
    report["load_average"] = os.getloadavg()[0]
    return report


def format_report(report):
    rows, imported, copied = report["rows"], report["import"], report["copy"]
    total_cpu = imported.cpu + imported.db_cpu
    copy_cpu = copied.cpu + copied.db_cpu

    def line(label, clock, count=rows):
        return (f"| {label} | {clock.wall:.2f} | {count / clock.wall:,.0f} | {clock.cpu:.2f} | {clock.db_cpu:.2f} | "
                f"{count / (clock.cpu + clock.db_cpu):,.0f} |")

    lines = [
        f"Import of {rows:,} payment rows ({report['megabytes']:.1f} MB CSV; {report['participants']:,} people, "
        f"{report['payments']:,} payments saved), checked in bulk in PostgreSQL:",
        "| step | wall s | rows/s (wall) | Python CPU s | PostgreSQL CPU s | rows per CPU second |",
        "|---|---:|---:|---:|---:|---:|",
        line("whole import (read, check every row, save)", imported),
        f"| of which saving (people, payments, paid-through dates, the figures' queue) | {report['save_seconds']:.2f} "
        "| | | | |",
        line(f"re-import of the same file (nothing new: {report['reimport_created']} created)", report["reimport"]),
    ]
    if "row_by_row" in report:
        lines.append(line("the same import checked row by row (the SQLite path)", report["row_by_row"]))
    lines += [
        line("raw `COPY` of the same file into a text table (the floor)", copied),
        line("`COPY` of the saved people and payments into empty copies of their tables, same indexes "
             "(the floor of writing them)", report["indexed_copy"]),
        "",
        f"The import runs at {rows / imported.wall / (rows / copied.wall):.1%} of the raw COPY rate in wall time and "
        f"{copy_cpu / total_cpu:.1%} of it in CPU time (Python and PostgreSQL together: {total_cpu:.1f} s against "
        f"{copy_cpu:.2f} s, {rows / total_cpu:,.0f} rows per CPU second).",
    ]
    indexed = report["indexed_copy"].cpu + report["indexed_copy"].db_cpu
    lines.append(f"Writing the saved rows alone costs {indexed:.1f} s of CPU ({indexed / total_cpu:.0%} of the import's).")
    for name, label in (("csv_parse", "CSV"), ("xlsx_parse", "XLSX")):
        count, wall, cpu = report[name]
        lines.append(f"Reading alone, {label}: {count:,} rows in {wall:.2f} s ({count / wall:,.0f} rows/s; "
                     f"{count / cpu:,.0f} rows per CPU second).")
    lines.append(f"Machine load average (1 min) {report['load_before']:.1f} before and {report['load_average']:.1f} "
                 f"after, on {os.cpu_count()} CPUs: wall times swing with it, CPU times much less.")
    return "\n".join(lines)


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rows", type=int, default=100_000)
    parser.add_argument("--xlsx-rows", type=int, default=20_000, help="rows of the XLSX whose reading is timed")
    parser.add_argument("--row-by-row", action="store_true", help="also time the row-by-row path on the same file")
    args = parser.parse_args(argv)
    report = run(args.rows, args.xlsx_rows, args.row_by_row)
    print(format_report(report))
    return report


if __name__ == "__main__":
    main()
