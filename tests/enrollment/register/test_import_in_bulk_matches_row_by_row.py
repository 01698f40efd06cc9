"""PostgreSQL checks an import of participants and payments in bulk (SQL over a staging table), the demo's
SQLite row by row: the same file of good and bad rows gives the same outcome both ways — rows saved, every
error with its line, column and message, the dates moved on and the figures queued."""

from datetime import date

import pytest
from django.db import connection, transaction

from enrollment.imports.services import Context, import_job_run, importer_for
from enrollment.imports.tabular import read_sheet
from enrollment.models import ImportJob, Participant, Payment
from enrollment.progress.models import PendingParticipant, ProgressChange
from tests.factories import ParticipantFactory

pytestmark = [pytest.mark.django_db,
              pytest.mark.skipif(connection.vendor != "postgresql", reason="the bulk path is PostgreSQL's")]

HEADER = ("personal_id,full_name,birth_date,sex,commune_code,village_code,phone,si_number,target_group,"
          "support_category,paid_on,method,months,period_start,monthly_income,receipt_number\n")
ROWS = [
    # Good: new people, a second and third payment of the same person, advance and lump sums, no receipt.
    "082085000001,Nguyễn  Văn Một,15/04/1985,Nam,28594,2859401,0912345678,,Nông dân,Hộ nghèo,05/08/2025,Hằng tháng,,08/2025,1.500.000,BL-1",
    "082085000001,Nguyễn Văn Một,15/04/1985,Nam,28594,,,,farmer,poor,03/09/2025,quarterly,,,1.500.000,BL-2",
    "082085000001,Nguyễn Văn Một,15/04/1985,Nam,28594,,,,farmer,poor,03/10/2025,yearly,,,1.500.000,",
    "082190000002,Trần Thị Hai,02/09/1990,Nữ,28594,,+84 912 345 679,0123456789,,,10/10/2025,12 tháng,,,2.000.000,",
    "082085000003,Lê Văn Ba,15/04/1985,nam,28594,,,,student,near_poor,11/11/2025,lump_sum,30,01/2020,1.500.000,",
    "082225000004,Phạm Văn Bốn,2025-01-31,Nam,28594,,,,,,11/11/2025,years_in_advance,24,,3.000.000,BL-4",
    "083185000005,Võ Thị Năm,15/04/1985,Nữ,28594,,,,,,11/11/2025,monthly,,,1.500.000,BL-5",
    # Existing people: one paying again, one near the cap of supported months, one outside the area.
    "082085000010,Đã Có,15/04/1985,Nam,28594,,,,,,05/11/2025,quarterly,,,1.500.000,BL-10",
    "082085000011,Gần Trần,15/04/1985,Nam,28594,,,,,,05/11/2025,quarterly,,,1.500.000,BL-11",
    "082085000012,Ngoài Vùng,15/04/1985,Nam,28594,,,,,,05/11/2025,monthly,,,1.500.000,BL-12",
    # Imported before (its receipt is in the register): skipped, not an error.
    "082085000010,Đã Có,15/04/1985,Nam,28594,,,,,,05/10/2025,monthly,,,1.500.000,OLD-1",
    # Months already paid, the same payment twice (with and without a receipt).
    "082085000010,Đã Có,15/04/1985,Nam,28594,,,,,,06/11/2025,monthly,,09/2025,1.500.000,BL-13",
    "082085000001,Nguyễn Văn Một,15/04/1985,Nam,28594,,,,farmer,poor,03/09/2025,quarterly,,,1.500.000,BL-2",
    "082085000001,Nguyễn Văn Một,15/04/1985,Nam,28594,,,,farmer,poor,03/10/2025,yearly,,,1.500.000,",
    # Bad cells: every kind the row-by-row path reports.
    "08208500000X,Sai Số,15/04/1985,Nam,28594,,,,,,05/08/2025,monthly,,,1.500.000,",
    "999085000020,Tỉnh Sai,15/04/1985,Nam,28594,,,,,,05/08/2025,monthly,,,1.500.000,",
    "082285000021,Thế Kỷ Sai,15/04/1985,Nam,28594,,,,,,05/08/2025,monthly,,,1.500.000,",
    "082185000022,Giới Tính Sai,15/04/1985,Nam,28594,,,,,,05/08/2025,monthly,,,1.500.000,",
    "082086000023,Năm Sai,15/04/1985,Nam,28594,,,,,,05/08/2025,monthly,,,1.500.000,",
    "082085000024,Ngoài Vùng,15/04/1985,Nam,00004,,,,,,05/08/2025,monthly,,,1.500.000,",
    "082085000025,Thu Nhập Thấp,15/04/1985,Nam,28594,,,,,,05/08/2025,monthly,,,1.000.000,",
    "082085000026,Không Xã,15/04/1985,Nam,99999,,0212345678,12,,,32/08/2025,weekly,,,1.500.000,",
    ",,31/02/1985,X,28594,9999999,,,giáo viên,giàu,05/08/2099,yearly,,13/2025,abc,",
    "082085000027,Năm Lẻ,15/04/1985,Nam,28594,,,,,,05/08/2025,years_in_advance,13,,1.500.000,",
    "082085000028,Quá Sớm,15/04/1985,Nam,28594,,,,,,05/08/2010,monthly,,,1.500.000,",
    "082085000029,Thôn Khác,15/04/1985,Nam,28594,2824901,,,,,05/08/2025,monthly,,,1.500.000,",
]


def file_of(rows=ROWS):
    return (HEADER + "\n".join(rows) + "\n").encode()


@pytest.fixture
def register(tree, district_staff):
    from tests.factories import UnitFactory

    UnitFactory(parent=tree.other_commune, code="2824901", name="Khu phố 1")
    paid = ParticipantFactory(personal_id="082085000010", commune=tree.commune, paid_through=date(2025, 10, 1),
                              birth_date=date(1985, 4, 15), sex="male")
    near_cap = ParticipantFactory(personal_id="082085000011", commune=tree.commune, paid_through=date(2025, 10, 1),
                                  birth_date=date(1985, 4, 15), sex="male", support_category="poor")
    ParticipantFactory(personal_id="082085000012", commune=tree.far_commune, birth_date=date(1985, 4, 15), sex="male")
    for person, months, supported, key in ((paid, 1, 1, "r:OLD-1"), (near_cap, 1, 119, "r:OLD-2")):
        Payment.objects.create(participant=person, commune=person.commune, paid_on=date(2025, 10, 5),
                               period_start=date(2025, 10, 1), period_end=date(2025, 10, 1), months=months,
                               method="monthly", monthly_income=1_500_000, gross=330_000, net=330_000,
                               supported_months=supported, import_key=key)
    return district_staff


def outcome(settings, user, in_bulk, rows=ROWS, content=None, **options):
    """Import the file one way inside a savepoint rolled back afterwards; what a user would see of it."""
    settings.IMPORT_IN_BULK = in_bulk
    with transaction.atomic():
        job = ImportJob.objects.create(kind="participants", user=user, scope_unit=user.scope_unit, filename="f.csv",
                                       content=content or file_of(rows), options={"language": "vi"}, **options)
        job = import_job_run(job_id=job.pk)
        seen = {
            "job": (job.status, job.total_rows, job.processed_rows, job.created_rows, job.message, job.errors),
            "people": sorted(Participant.objects.values_list(
                "personal_id", "full_name", "search_name", "masked_search_name", "birth_date", "sex", "phone",
                "si_number", "commune__code", "village__code", "target_group", "support_category", "first_paid_on",
                "paid_through")),
            "payments": sorted(Payment.objects.values_list(
                "participant__personal_id", "commune__code", "paid_on", "period_start", "period_end", "months",
                "method", "monthly_income", "gross", "state_support", "local_support", "net", "supported_months",
                "fund_return", "adjustment", "is_first", "import_key", "created_by", "collected_by_agent",
                "mobilised_by_agent", "campaign")),
            "queued": sorted(Participant.objects.filter(
                pk__in=PendingParticipant.objects.values("participant_id")).values_list("personal_id", flat=True)),
            "changes": [(sorted(c.unit_ids), c.dates) for c in ProgressChange.objects.order_by("pk")],
        }
        transaction.set_rollback(True)
    return seen


def test_the_file_is_checked_in_bulk_on_postgresql(register):
    importer = importer_for("participants")
    sheet = read_sheet("f.csv", file_of(), importer.columns)
    job = ImportJob(kind="participants", user=register, options={})
    checked = importer.check_in_bulk(sheet, Context(job=job, user=register), lambda done: None)
    assert checked is not None
    rows, errors = checked
    rows.close()
    assert len(rows) == 10 and len({e["line"] for e in errors}) == 16


@pytest.mark.parametrize("options", [{}, {"allow_partial": True}, {"allow_partial": True, "dry_run": True}],
                         ids=["refused whole", "good rows kept", "check only"])
def test_both_paths_give_the_same_outcome(register, settings, options):
    in_bulk = outcome(settings, register, True, **options)
    row_by_row = outcome(settings, register, False, **options)
    assert in_bulk["job"][-1], "the file has bad rows"
    assert in_bulk == row_by_row


def test_both_paths_save_the_same_good_file_and_skip_it_the_second_time(register, settings):
    good = [*ROWS[:9], ROWS[10]]  # the last one was imported before
    saved = outcome(settings, register, True, good)
    assert saved == outcome(settings, register, False, good)
    assert (saved["job"][3], saved["job"][-1], len(saved["queued"])) == (9, [], 5) and saved["changes"]


def test_a_file_filling_a_column_the_bulk_path_does_not_check_goes_row_by_row(register, settings):
    rows = [row.replace("08208500000X", "０82085000001") for row in ROWS]  # a full-width digit
    assert outcome(settings, register, True, rows) == outcome(settings, register, False, rows)
    assert connection.vendor == "postgresql"
