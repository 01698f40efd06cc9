import io

import pytest
from openpyxl import Workbook

from agents.models import AgentCard, AgentStaff, TrainingCourse, TrainingRecord
from enrollment.models import ImportStatus

pytestmark = pytest.mark.django_db

HEADER = ("organisation,point,full_name,personal_id,birth_date,sex,phone,joined_on,course,class_name,trained_on,"
          "training_result,card_number,card_issued_on,card_expires_on\n")
GOOD = (HEADER
        + "Bưu điện tỉnh,Điểm bưu điện Chợ Gạo,Võ Thị Hạnh,082185012345,12/03/1985,Nữ,0912345679,01/02/2026,"
          "Tập huấn đợt 1,Lớp 1,11/03/2026,Đạt,ĐL82-0001,01/04/2026,01/04/2029\n"
        + "hoi nong dan cho gao,Điểm thu Hội Nông dân,Trần Văn Phúc,082090054321,,Nam,,,,,,,,,\n")


@pytest.fixture
def course(tree):
    return TrainingCourse.objects.create(name="Tập huấn đợt 1", unit=tree.province, starts_on="2026-03-10",
                                         ends_on="2026-03-12")


def test_staff_come_in_with_their_point_training_and_card(client_for, district_staff, agents, course, upload_import):
    job = upload_import(client_for(district_staff), "agent_staff", GOOD.encode())
    assert job.status == ImportStatus.DONE, job.errors
    assert (job.created_rows, job.updated_rows) == (2, 0)
    hanh = AgentStaff.objects.get(personal_id="082185012345")
    assert (hanh.full_name, hanh.point, hanh.sex, hanh.phone) == ("Võ Thị Hạnh", agents.post_point, "F", "0912345679")
    record = TrainingRecord.objects.get(staff=hanh)
    assert (record.course, record.class_name, record.result) == (course, "Lớp 1", "passed")
    assert AgentCard.objects.get(staff=hanh).number == "ĐL82-0001"
    assert AgentStaff.objects.get(personal_id="082090054321").point == agents.union_point


def test_importing_the_same_excel_file_again_adds_nobody(client_for, district_staff, agents, course, upload_import):
    workbook = Workbook()
    for line in GOOD.splitlines():
        workbook.active.append(line.split(","))
    buffer = io.BytesIO()
    workbook.save(buffer)
    client = client_for(district_staff)
    upload_import(client, "agent_staff", buffer.getvalue(), name="nhan-vien.xlsx")
    again = upload_import(client, "agent_staff", buffer.getvalue(), name="nhan-vien.xlsx")
    assert (again.status, again.created_rows, again.updated_rows) == (ImportStatus.DONE, 0, 2)
    assert (AgentStaff.objects.count(), TrainingRecord.objects.count(), AgentCard.objects.count()) == (6, 1, 1)


def test_every_bad_row_is_reported_with_line_and_column_and_nothing_is_saved(client_for, district_staff, agents,
                                                                            course, upload_import):
    agents.lan.personal_id = "082090011111"
    agents.lan.save()
    bad = (GOOD
           + "Bưu điện tỉnh,Điểm bưu điện Mỹ Tho,Lê Thị Út,082190022222,,,,,,,,,,,\n"  # line 4: other district
           + "Bưu điện tỉnh,Điểm không có,Lê Thị Út,082190033333,,,,,,,,,,,\n"  # line 5: unknown point
           + "Bưu điện tỉnh,Điểm bưu điện Chợ Gạo,Lê Văn Tám,082090011111,,,,,,,,,,,\n"  # line 6: Lan's ID
           + "Bưu điện tỉnh,Điểm bưu điện Chợ Gạo,Đinh Văn Sáu,082185012345,,,,,,,,,,,\n"  # line 7: as line 2
           + "Bưu điện tỉnh,Điểm bưu điện Chợ Gạo,,12345,31/02/1990,X,0123,,Khóa lạ,,,,ĐL82-0001,01/04/2026,"
             "01/01/2026\n")  # line 8: many faults at once
    job = upload_import(client_for(district_staff), "agent_staff", bad.encode())
    assert job.status == ImportStatus.REJECTED
    found = {(e["line"], e["column"]) for e in job.errors}
    assert found == {
        (4, "point"), (5, "point"), (6, "personal_id"), (7, "personal_id"),
        (8, "full_name"), (8, "birth_date"), (8, "sex"), (8, "phone"), (8, "course"), (8, "class_name"),
        (8, "trained_on"), (8, "card_expires_on"), (8, "personal_id"),
    }
    messages = {(e["line"], e["column"]): e["message"] for e in job.errors}
    assert "ngoài địa bàn" in messages[(4, "point")]
    assert "ngoài địa bàn" in messages[(6, "personal_id")]
    assert "dòng 2" in messages[(7, "personal_id")]
    assert AgentStaff.objects.count() == 4 and not AgentCard.objects.exists()


def test_agent_staff_and_viewers_cannot_import(client_for, agent_user, viewer):
    for user in (agent_user, viewer):
        assert client_for(user).get("/imports/new/agent_staff/").status_code == 403


def test_the_template_names_the_columns(client_for, district_staff):
    client = client_for(district_staff)
    assert "Nhập Nhân viên đại lý" in client.get("/imports/new/agent_staff/").content.decode()
    body = client.get("/imports/template/agent_staff.csv").content.decode("utf-8-sig")
    assert body.splitlines()[0].startswith("Tổ chức dịch vụ thu,Điểm thu,Họ và tên,Số định danh")
