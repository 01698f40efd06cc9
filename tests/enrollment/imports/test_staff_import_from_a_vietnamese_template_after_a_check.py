import io

import pytest
from openpyxl import load_workbook

from enrollment.imports.services import IMPORTERS
from enrollment.models import ImportJob, ImportStatus, Unit

pytestmark = pytest.mark.django_db


def _workbook(client, kind):
    response = client.get(f"/imports/template/{kind}.xlsx")
    assert response.status_code == 200
    return load_workbook(io.BytesIO(response.content))


def test_the_template_has_vietnamese_headers_no_sample_rows_and_instructions(client_for, district_staff):
    workbook = _workbook(client_for(district_staff), "participants")
    data = workbook.worksheets[0]
    header = [cell.value for cell in data[1]]
    assert header[:3] == ["Số định danh", "Họ và tên", "Ngày sinh"]
    assert data.max_row == 1  # no sample person to import by mistake
    instructions = workbook["Hướng dẫn"]
    rows = [[cell.value for cell in row] for row in instructions.iter_rows()]
    assert any(row[0] == "Số định danh" and row[1] == "có" for row in rows)
    assert any(row[0] == "Phương thức đóng" and "Hằng tháng" in (row[4] or "") for row in rows)


def test_coded_columns_offer_a_drop_down_list(client_for, district_staff):
    workbook = _workbook(client_for(district_staff), "participants")
    data = workbook.worksheets[0]
    header = [cell.value for cell in data[1]]
    validations = {str(v.sqref).split(":")[0][0]: v for v in data.data_validations.dataValidation}
    method_letter = "ABCDEFGHIJKLMNOP"[header.index("Phương thức đóng")]
    assert method_letter in validations and validations[method_letter].type == "list"
    lists = workbook["Danh mục"]
    assert lists.sheet_state == "hidden"
    values = [cell.value for row in lists.iter_rows() for cell in row if cell.value]
    assert "Hằng tháng" in values and "Nữ" in values


def test_no_importer_has_two_columns_with_the_same_vietnamese_header(client_for, district_staff):
    for importer in IMPORTERS.values():
        labels = [str(c.label) for c in importer.columns]
        assert len(labels) == len(set(labels)), importer.kind


def test_a_clean_check_is_imported_now_from_the_stored_file_once(client_for, district_staff, tree, upload_import,
                                                                  django_capture_on_commit_callbacks):
    client = client_for(district_staff)
    content = "Mã xã,Tên thôn/ấp\n28594,Ấp Mới\n".encode()
    check = upload_import(client, "villages", content, dry_run="on")
    assert (check.status, check.dry_run, check.errors) == (ImportStatus.DONE, True, [])
    assert not Unit.objects.filter(name="Ấp Mới").exists()
    page = client.get(f"/imports/{check.pk}/").content.decode()
    assert 'id="import-now"' in page and "Nhập ngay tệp này" in page
    listing = client.get("/imports/").content.decode()
    assert "Chỉ kiểm tra" in listing

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/imports/{check.pk}/import-now/")
    real = ImportJob.objects.exclude(pk=check.pk).get()
    assert response.url == f"/imports/{real.pk}/"
    real.refresh_from_db()
    assert (real.dry_run, real.status, real.created_rows) == (False, ImportStatus.DONE, 1)
    assert Unit.objects.filter(name="Ấp Mới").count() == 1
    client.post(f"/imports/{check.pk}/import-now/")  # a second tap starts nothing more
    assert ImportJob.objects.count() == 2 and Unit.objects.filter(name="Ấp Mới").count() == 1


def test_old_english_column_codes_are_still_read(client_for, district_staff, tree, upload_import):
    job = upload_import(client_for(district_staff), "villages", b"commune_code,name\n28594,Ap Cu\n")
    assert (job.status, job.created_rows) == (ImportStatus.DONE, 1)


def test_a_check_with_errors_offers_no_import_now(client_for, district_staff, tree, upload_import):
    client = client_for(district_staff)
    check = upload_import(client, "villages", "Mã xã,Tên thôn/ấp\n99999,Ấp Lạ\n".encode(), dry_run="on")
    assert check.errors
    assert 'id="import-now"' not in client.get(f"/imports/{check.pk}/").content.decode()
    assert client.post(f"/imports/{check.pk}/import-now/").status_code == 302
    assert ImportJob.objects.count() == 1
