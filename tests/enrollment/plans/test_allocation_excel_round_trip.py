import io

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook, load_workbook

from enrollment.models import Allocation, AllocationRule, ImportJob, ImportStatus
from tests.factories import UnitFactory

TEMPLATE = "/plans/{pk}/allocation/template.xlsx?year=2026&metric=si_new"
UPLOAD = "/plans/{pk}/allocation/upload/?year=2026&metric=si_new"
HEADER = ["unit_code", "unit_name", "year", "metric", "target"]  # the codes of older templates are still read
VI_HEADER = ["Mã đơn vị", "Tên đơn vị", "Năm", "Loại chỉ tiêu", "Chỉ tiêu"]
NEW_LABEL = "Người tham gia BHXH tự nguyện phát triển mới"  # the grid names the metric, never by its code


@pytest.fixture
def upload_grid(django_capture_on_commit_callbacks, eager_tasks):
    def upload(client, unit, rows, name="phan-bo.xlsx"):
        workbook = Workbook()
        sheet = workbook.active
        sheet.append(HEADER)
        for row in rows:
            sheet.append(row)
        buffer = io.BytesIO()
        workbook.save(buffer)
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(UPLOAD.format(pk=unit.pk), {"file": SimpleUploadedFile(name, buffer.getvalue())})
        assert response.status_code == 302, response.content
        job = ImportJob.objects.latest("pk")
        job.refresh_from_db()
        return job

    return upload


def _errors(job):
    return {(e["line"], e["column"]): e["message"] for e in job.errors}


def test_download_fill_and_upload_the_grid(client_for, provincial_manager, tree, province_plan,
                                           django_capture_on_commit_callbacks, eager_tasks):
    client = client_for(provincial_manager)
    response = client.get(TEMPLATE.format(pk=tree.province.pk))
    assert response.status_code == 200
    workbook = load_workbook(io.BytesIO(response.content))
    sheet = workbook.active
    rows = list(sheet.iter_rows(values_only=True))
    assert list(rows[0]) == VI_HEADER
    assert [(r[0], r[1], r[2], r[3]) for r in rows[1:]] == [
        ("815", "BHXH cơ sở thành phố Mỹ Tho", 2026, NEW_LABEL),
        ("822", "BHXH cơ sở huyện Chợ Gạo", 2026, NEW_LABEL),
    ]
    sheet["E2"], sheet["E3"] = 420, 580
    buffer = io.BytesIO()
    workbook.save(buffer)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(UPLOAD.format(pk=tree.province.pk),
                               {"file": SimpleUploadedFile("phan-bo.xlsx", buffer.getvalue())})
    job = ImportJob.objects.get()
    assert response.url == f"/imports/{job.pk}/"
    assert job.status == ImportStatus.DONE, job.errors
    allocation = Allocation.objects.get()
    assert allocation.rule == AllocationRule.UPLOAD
    assert {line.unit.code: line.target for line in allocation.lines.all()} == {"815": 420, "822": 580}
    page = client.get(f"/imports/{job.pk}/").content.decode()
    assert "Quay lại bảng phân bổ" in page

    # The template now carries the draft's figures; uploading it again changes nothing.
    again = load_workbook(io.BytesIO(client.get(TEMPLATE.format(pk=tree.province.pk)).content)).active
    assert [r[4] for r in again.iter_rows(min_row=2, values_only=True)] == [420, 580]


def test_a_csv_upload_works_too(client_for, provincial_manager, tree, province_plan,
                                django_capture_on_commit_callbacks, eager_tasks):
    client = client_for(provincial_manager)
    content = client.get(TEMPLATE.replace(".xlsx", ".csv").format(pk=tree.province.pk)).content.decode("utf-8-sig")
    filled = content.replace(f"{NEW_LABEL},\r\n", f"{NEW_LABEL},500\r\n").replace(f"{NEW_LABEL},\n", f"{NEW_LABEL},500\n")
    with django_capture_on_commit_callbacks(execute=True):
        client.post(UPLOAD.format(pk=tree.province.pk), {"file": SimpleUploadedFile("grid.csv", filled.encode())})
    assert ImportJob.objects.get().status == ImportStatus.DONE
    assert sorted(Allocation.objects.get().lines.values_list("target", flat=True)) == [500, 500]


def test_every_bad_row_is_reported_with_its_line_and_column_and_nothing_is_saved(
        client_for, provincial_manager, tree, province_plan, upload_grid):
    third = UnitFactory(parent=tree.province, code="816", name="BHXH cơ sở huyện Cai Lậy")
    job = upload_grid(client_for(provincial_manager), tree.province, [
        ["815", "", 2026, "si_new", "abc"],          # line 2: not a number
        ["822", "", 2026, "si_new", -5],             # line 3: negative
        ["99999", "", 2026, "si_new", 10],           # line 4: unknown unit
        ["001", "", 2026, "si_new", 10],             # line 5: another province's district
        ["822", "", 2026, "si_new", 10],             # line 6: duplicate of line 3
        ["816", "", 2026, "bogus", 10],              # line 7: unknown metric
    ])
    assert job.status == ImportStatus.REJECTED
    errors = _errors(job)
    assert errors[(2, "target")] == "“abc” không phải là số"
    assert errors[(3, "target")] == "không được âm"
    assert errors[(4, "unit_code")] == "không có đơn vị mã 99999"
    assert errors[(5, "unit_code")] == "đơn vị 001 nằm ngoài địa bàn của bạn"
    assert errors[(6, "unit_code")] == "trùng đơn vị với dòng 3"
    assert errors[(7, "metric")].startswith("chỉ tiêu “bogus” không hợp lệ")
    assert third.code == "816"
    assert not Allocation.objects.exists()


def test_a_missing_row_is_reported(client_for, provincial_manager, tree, province_plan, upload_grid):
    job = upload_grid(client_for(provincial_manager), tree.province, [["822", "", 2026, "si_new", 1000]])
    assert job.status == ImportStatus.REJECTED
    assert _errors(job) == {("", "unit_code"): "thiếu dòng của 815 BHXH cơ sở thành phố Mỹ Tho"}
    assert not Allocation.objects.exists()


def test_a_year_with_no_parent_plan_is_reported_on_the_year_column(client_for, provincial_manager, tree,
                                                                   province_plan, upload_grid):
    job = upload_grid(client_for(provincial_manager), tree.province, [
        ["815", "", 2027, "si_new", 400], ["822", "", 2027, "si_new", 600]])
    assert job.status == ImportStatus.REJECTED
    assert _errors(job)[(2, "year")] == "Tỉnh Đồng Tháp chưa có kế hoạch “Người tham gia BHXH tự nguyện phát triển mới” năm 2027 đã duyệt"
    assert not Allocation.objects.exists()


def test_units_of_different_parents_cannot_share_one_file(client_for, provincial_manager, tree, province_plan,
                                                           upload_grid):
    job = upload_grid(client_for(provincial_manager), tree.province, [
        ["815", "", 2026, "si_new", 400], ["822", "", 2026, "si_new", 600], ["28594", "", 2026, "si_new", 5]])
    assert job.status == ImportStatus.REJECTED
    assert _errors(job)[(4, "unit_code")] == "Xã Chợ Gạo không trực thuộc Tỉnh Đồng Tháp như dòng 2"


def test_a_district_user_cannot_upload_for_another_district(client_for, district_staff, provincial_manager, tree,
                                                             upload_grid):
    from enrollment.models import Metric
    from enrollment.plans.services.versions import plan_version_create

    plan_version_create(user=provincial_manager, unit=tree.other_district, year=2026, metric=Metric.SI_NEW, target=9)
    client = client_for(district_staff)
    # The upload page of that district is not theirs …
    assert client.post(UPLOAD.format(pk=tree.other_district.pk)).status_code == 404
    # … and a file naming its communes, uploaded from their own grid, is refused row by row.
    job = upload_grid(client, tree.district, [["28249", "", 2026, "si_new", 9]])
    assert _errors(job)[(2, "unit_code")] == "đơn vị 28249 nằm ngoài địa bàn của bạn"
    assert not Allocation.objects.exists()


def test_the_metric_is_read_by_its_vietnamese_name_or_its_code_and_a_wrong_one_lists_the_names(
        client_for, provincial_manager, tree, province_plan, upload_grid):
    client = client_for(provincial_manager)
    job = upload_grid(client, tree.province, [["815", "", 2026, "nguoi tham gia bhxh tu nguyen phat trien moi", 400],
                                              ["822", "", 2026, "si_new", 600]])
    assert job.status == ImportStatus.DONE, job.errors
    assert sorted(Allocation.objects.get().lines.values_list("target", flat=True)) == [400, 600]

    job = upload_grid(client, tree.province, [["815", "", 2026, "tham gia mới", 400]])
    message = _errors(job)[(2, "metric")]
    assert "tham gia mới" in message and NEW_LABEL in message and "si_new" not in message
