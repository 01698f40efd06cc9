import io

from openpyxl import Workbook

from enrollment.models import ImportStatus, Unit

GOOD_AND_BAD = (
    "commune_code,name,village_type\n"
    "28594,Ấp Long Hưng,ấp\n"  # line 2: good
    "28249,Khu phố 3,tổ dân phố\n"  # line 3: other district
    "99999,Ấp Ma,ấp\n"  # line 4: unknown commune
    "28594,,ấp\n"  # line 5: no name
    "28594,Ấp Long Hưng,ấp\n"  # line 6: same as line 2
    "28594,Ấp Mỹ Lợi,xóm\n"  # line 7: unknown type
)


def test_it_lists_every_bad_row_with_line_and_column_and_saves_nothing(client_for, district_staff, tree, upload_import):
    job = upload_import(client_for(district_staff), "villages", GOOD_AND_BAD.encode())
    assert job.status == ImportStatus.REJECTED
    found = {(e["line"], e["column"]) for e in job.errors}
    assert found == {(3, "commune_code"), (4, "commune_code"), (5, "name"), (6, "name"), (7, "village_type")}
    messages = {e["line"]: e["message"] for e in job.errors}
    assert "ngoài địa bàn" in messages[3]
    assert "không có đơn vị mã 99999" in messages[4]
    assert "trùng thôn/ấp với dòng 2" in messages[6]
    assert not Unit.objects.filter(name="Ấp Long Hưng").exists()


def test_the_error_page_shows_them(client_for, district_staff, tree, upload_import):
    client = client_for(district_staff)
    job = upload_import(client, "villages", GOOD_AND_BAD.encode())
    body = client.get(f"/imports/{job.pk}/").content.decode()
    assert "5 lỗi" in body and "Chưa lưu gì" in body


def test_asked_to_it_saves_the_good_rows(client_for, district_staff, tree, upload_import):
    job = upload_import(client_for(district_staff), "villages", GOOD_AND_BAD.encode(), allow_partial="on")
    assert job.status == ImportStatus.DONE
    assert job.created_rows == 1
    assert Unit.objects.filter(parent=tree.commune, name="Ấp Long Hưng").count() == 1


def test_a_dry_run_saves_nothing(client_for, district_staff, tree, upload_import):
    job = upload_import(client_for(district_staff), "villages", b"commune_code,name\n28594,Ap Moi\n", dry_run="on")
    assert job.status == ImportStatus.DONE
    assert "chưa lưu gì" in job.message
    assert not Unit.objects.filter(name="Ap Moi").exists()


def test_importing_the_same_excel_file_twice_creates_no_duplicates(client_for, district_staff, tree, upload_import):
    workbook = Workbook()
    workbook.active.append(["Mã xã", "Tên thôn/ấp", "Loại thôn/ấp"])  # Vietnamese labels work as headers
    workbook.active.append([28594, "Ấp Tân Thuận", "ấp"])
    workbook.active.append([28594, "Ấp Phú Hòa", "ấp"])
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = client_for(district_staff)
    first = upload_import(client, "villages", buffer.getvalue(), name="thon.xlsx")
    second = upload_import(client, "villages", buffer.getvalue(), name="thon.xlsx")
    assert (first.status, first.created_rows) == (ImportStatus.DONE, 2)
    assert (second.status, second.created_rows) == (ImportStatus.DONE, 0)
    assert Unit.objects.filter(parent=tree.commune).count() == 3


def test_a_file_without_the_required_columns_is_rejected(client_for, district_staff, tree, upload_import):
    job = upload_import(client_for(district_staff), "villages", b"ma,ten\n28594,X\n")
    assert job.status == ImportStatus.REJECTED
    assert "thiếu cột" in job.errors[0]["message"]


def test_another_users_import_answers_404(client_for, district_staff, make_user, tree, upload_import):
    job = upload_import(client_for(district_staff), "villages", b"commune_code,name\n28594,Ap Moi\n")
    other = make_user("district_staff", tree.other_district)
    assert client_for(other).get(f"/imports/{job.pk}/").status_code == 404
