"""Bulk import of participants and payments: dry run, all-or-nothing, idempotence, a mixed file."""

from datetime import date
from decimal import Decimal

import pytest

from enrollment.models import ImportStatus, Participant, Payment
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db

HEADER = ("personal_id,full_name,birth_date,sex,commune_code,village_code,phone,si_number,target_group,"
          "support_category,paid_on,method,months,period_start,monthly_income,receipt_number\n")
GOOD = [
    "082085000001,Nguyễn Văn Một,15/04/1985,Nam,28594,2859401,0912345678,,Nông dân,Hộ nghèo,05/08/2025,Hằng tháng,,08/2025,1.500.000,BL-1\n",
    "082085000001,Nguyễn Văn Một,15/04/1985,Nam,28594,,,,farmer,poor,03/09/2025,quarterly,,,1.500.000,BL-2\n",
    "082190000002,Trần Thị Hai,02/09/1990,Nữ,28594,,,,,,10/10/2025,12 tháng,,,2.000.000,\n",
    "082085000003,Lê Văn Ba,15/04/1985,nam,28594,,,,student,near_poor,11/11/2025,lump_sum,30,01/2020,1.500.000,\n",
]
BAD = [
    "08208500000X,Sai Số,15/04/1985,Nam,28594,,,,,,05/08/2025,monthly,,,1.500.000,\n",  # line 6: ID
    "082085000005,Ngoài Vùng,15/04/1985,Nam,00004,,,,,,05/08/2025,monthly,,,1.500.000,\n",  # line 7: scope
    "082085000006,Thu Nhập Thấp,15/04/1985,Nam,28594,,,,,,05/08/2025,monthly,,,1.000.000,\n",  # line 8: income
    "082085000007,Không Xã,15/04/1985,Nam,99999,,0212345678,,,,32/08/2025,weekly,,,1.500.000,\n",  # line 9: four
]


def csv(*lines):
    return (HEADER + "".join(lines)).encode()


def errors_by_line(job):
    found = {}
    for error in job.errors:
        found.setdefault(error["line"], set()).add(error["column"])
    return found


def test_a_mixed_file_is_refused_whole_with_every_bad_row(client_for, district_staff, tree, upload_import):
    job = upload_import(client_for(district_staff), "participants", csv(*GOOD, *BAD))
    assert job.status == ImportStatus.REJECTED
    assert errors_by_line(job) == {6: {"personal_id"}, 7: {"commune_code"}, 8: {"monthly_income"},
                                   9: {"commune_code", "phone", "paid_on", "method"}}
    assert "ngoài địa bàn" in next(e["message"] for e in job.errors if e["line"] == 7)
    assert not Participant.objects.exists() and not Payment.objects.exists()


def test_a_dry_run_saves_nothing(client_for, district_staff, tree, upload_import):
    job = upload_import(client_for(district_staff), "participants", csv(*GOOD), dry_run="on")
    assert job.status == ImportStatus.DONE and job.errors == []
    assert not Participant.objects.exists()


def test_keeping_the_good_rows_when_asked(client_for, district_staff, tree, upload_import):
    job = upload_import(client_for(district_staff), "participants", csv(*GOOD, *BAD), allow_partial="on")
    assert job.status == ImportStatus.DONE and job.created_rows == 4 and len(errors_by_line(job)) == 4
    assert Participant.objects.count() == 3


def test_a_good_file_imports_with_the_right_amounts_and_again_adds_nothing(client_for, district_staff, tree,
                                                                          upload_import):
    client = client_for(district_staff)
    job = upload_import(client, "participants", csv(*GOOD))
    assert (job.status, job.created_rows) == (ImportStatus.DONE, 4)
    one = Participant.objects.get(personal_id="082085000001")
    assert (one.first_paid_on, one.paid_through, one.village) == (date(2025, 8, 5), date(2025, 11, 1), tree.village)
    first, second = one.payments.order_by("period_start")
    assert (first.is_first, first.gross, first.state_support, first.net) == (True, 330_000, 165_000, 165_000)
    assert (second.is_first, second.period_start, second.months, second.net) == (False, date(2025, 9, 1), 3, 495_000)
    two = Participant.objects.get(personal_id="082190000002")
    assert (two.paid_through, two.target_group, two.support_category) == (date(2026, 9, 1), "other", "other")
    lump = Payment.objects.get(participant__personal_id="082085000003")
    # 30 missing months of 330,000 with interest at the seeded 6% a year (r = 0.5% a month):
    # 330,000 × 1.005 × (1.005^30 − 1) ÷ 0.005 = 10,705,667.
    assert (lump.period_start, lump.months, lump.state_support, lump.gross) == (date(2020, 1, 1), 30, 0, 10_705_667)
    assert (lump.fund_return, lump.adjustment) == (Decimal("0.0600"), 10_705_667 - 9_900_000)

    again = upload_import(client, "participants", csv(*GOOD), name="again.csv")
    assert (again.status, again.created_rows, again.errors) == (ImportStatus.DONE, 0, [])
    assert Payment.objects.count() == 4 and Participant.objects.count() == 3


def test_rows_for_months_already_paid_are_refused(client_for, district_staff, tree, upload_import):
    person = ParticipantFactory(personal_id="082085000001", commune=tree.commune, paid_through=date(2025, 12, 1))
    Payment.objects.create(participant=person, commune=tree.commune, paid_on=date(2025, 1, 2),
                           period_start=date(2025, 1, 1), period_end=date(2025, 12, 1), months=12, method="yearly",
                           monthly_income=1_500_000, gross=3_960_000, net=3_960_000)
    client = client_for(district_staff)
    job = upload_import(client, "participants", csv(GOOD[0]))
    assert job.errors == [{"line": 2, "column": "period_start", "message": "đã đóng đến tháng 12/2025"}]
    page = client.get(f"/imports/{job.pk}/").content.decode()  # the column by its heading, never its code
    assert "<td>Từ tháng</td><td>đã đóng đến tháng 12/2025</td>" in page and "period_start" not in page
    listing = client.get("/imports/").content.decode()
    assert "Người tham gia và lần đóng" in listing and ">participants<" not in listing


def xlsx(rows):
    import io

    from openpyxl import Workbook

    workbook = Workbook()
    sheet = workbook.active
    sheet.append(HEADER.strip().split(","))
    for row in rows:
        sheet.append(row)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()


def test_an_xlsx_file_imports_too(client_for, district_staff, tree, upload_import):
    job = upload_import(client_for(district_staff), "participants", xlsx(line.strip().split(",") for line in GOOD),
                        name="nop.xlsx")
    assert (job.status, job.created_rows) == (ImportStatus.DONE, 4)


def test_excel_numbers_and_dates_read_as_typed(client_for, district_staff, tree, upload_import):
    """Cells Excel keeps as numbers and dates (an amount, a day, an ID typed as text) import as if typed."""
    row = ["082085000001", "  Nguyễn Văn Một ", date(1985, 4, 15), "Nam", 28594, 2859401, "0912345678", None, "farmer",
           "poor", date(2025, 8, 5), "monthly", None, "08/2025", 1_500_000, "BL-1"]
    job = upload_import(client_for(district_staff), "participants", xlsx([row]), name="nop.xlsx")
    assert (job.status, job.created_rows) == (ImportStatus.DONE, 1), job.errors
    person = Participant.objects.get(personal_id="082085000001")
    assert (person.full_name, person.birth_date, person.village.code) == ("Nguyễn Văn Một", date(1985, 4, 15), "2859401")
    assert Payment.objects.get(participant=person).monthly_income == Decimal(1_500_000)


def test_an_excel_error_in_an_optional_cell_is_reported_not_taken_for_empty(client_for, district_staff, tree,
                                                                            upload_import):
    """A look-up that failed in Excel (#N/A) in the village column: the row is refused with what the cell shows."""
    row = GOOD[0].strip().split(",")
    row[5] = "#N/A"  # openpyxl writes it as an error cell, as Excel saves a failed VLOOKUP
    job = upload_import(client_for(district_staff), "participants", xlsx([row]), name="nop.xlsx")
    assert job.status == ImportStatus.REJECTED
    assert [(e["line"], e["column"]) for e in job.errors] == [(2, "village_code")]
    assert "#N/A" in job.errors[0]["message"]
    assert not Participant.objects.filter(personal_id="082085000001").exists()


def test_the_template_downloads(client_for, district_staff):
    response = client_for(district_staff).get("/imports/template/participants.csv")
    assert response.content.decode("utf-8-sig").startswith("Số định danh,Họ và tên,Ngày sinh")
