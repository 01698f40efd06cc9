"""Payments of the years before the 2025 reform are imported with the codes they were reported under:
the former unit is kept with the record, which goes on the 2025 tree by the official ward table."""

import pytest

from enrollment.models import ImportStatus, Participant, Payment
from tests.legacy_units import legacy_units

pytestmark = pytest.mark.django_db

HEADER = "personal_id,full_name,birth_date,sex,commune_code,legacy_code,paid_on,method,monthly_income\n"


@pytest.fixture
def former(tree):
    return legacy_units()


def csv(*lines):
    return (HEADER + "".join(lines)).encode()


def messages(job):
    return {(e["line"], e["column"]): e["message"] for e in job.errors}


def test_a_former_ward_code_places_the_record_on_its_2025_commune(client_for, provincial_manager, tree, former,
                                                                   upload_import):
    job = upload_import(client_for(provincial_manager), "participants", csv(
        "082085000001,Nguyễn Văn Một,15/04/1985,Nam,,28630,10/03/2020,yearly,1.500.000\n",  # ward of Chợ Gạo
        "082085000002,Trần Văn Hai,15/04/1985,Nam,28249,815,10/03/2019,yearly,1.500.000\n",  # district + commune
        "082085000003,Lê Văn Ba,15/04/1985,Nam,28594,,10/03/2026,yearly,1.500.000\n",  # 2025 code only
    ))
    assert job.status == ImportStatus.DONE, job.errors

    one = Participant.objects.get(personal_id="082085000001")
    assert (one.commune, one.legacy_unit) == (tree.commune, former.cho_gao_wards[1])
    assert Payment.objects.get(participant=one).legacy_unit == former.cho_gao_wards[1]
    two = Participant.objects.get(personal_id="082085000002")
    assert (two.commune, two.legacy_unit) == (tree.other_commune, former.my_tho)
    three = Participant.objects.get(personal_id="082085000003")
    assert (three.commune, three.legacy_unit) == (tree.commune, None)


def test_former_codes_are_refused_after_the_reform_and_when_unknown_or_inconsistent(
        client_for, provincial_manager, national_admin, tree, former, upload_import):
    job = upload_import(client_for(provincial_manager), "participants", csv(
        "082085000001,Nguyễn Văn Một,15/04/1985,Nam,,28630,01/07/2025,yearly,1.500.000\n",  # 2: on the reform day
        "082085000002,Trần Văn Hai,15/04/1985,Nam,,99999,10/03/2020,yearly,1.500.000\n",  # 3: unknown code
        "082085000003,Lê Văn Ba,15/04/1985,Nam,28594,815,10/03/2020,yearly,1.500.000\n",  # 4: not from Mỹ Tho
        "082085000004,Phạm Văn Bốn,15/04/1985,Nam,,822,10/03/2020,yearly,1.500.000\n",  # 5: district needs a commune
        "082085000005,Võ Văn Năm,15/04/1985,Nam,,00016,10/03/2020,yearly,1.500.000\n",  # 6: split, outside the area
    ))
    assert job.status == ImportStatus.REJECTED
    errors = messages(job)
    assert errors[(2, "legacy_code")] == "mã đơn vị trước 01/07/2025 chỉ dùng cho các khoản đóng trước ngày đó"
    assert errors[(3, "legacy_code")] == "không có đơn vị trước 01/07/2025 mã 99999"
    assert errors[(4, "commune_code")] == "xã 28594 không nhận phần nào của Thành phố Mỹ Tho"
    assert errors[(5, "commune_code")] == "bắt buộc khi ghi mã huyện hoặc mã tỉnh trước 01/07/2025"
    assert errors[(6, "commune_code")] == ("Phường Trúc Bạch đã chia cho các xã 00004, 00008: "
                                           "ghi mã xã sau 01/07/2025")
    assert not Participant.objects.exists()

    # A split ward with the 2025 commune named goes there; the commune must lie in the user's area.
    job = upload_import(client_for(national_admin), "participants", csv(
        "082085000005,Võ Văn Năm,15/04/1985,Nam,00004,00016,10/03/2020,yearly,1.500.000\n"))
    assert job.status == ImportStatus.DONE, job.errors
    assert Participant.objects.get().legacy_unit == former.split_ward
    job = upload_import(client_for(provincial_manager), "participants", csv(
        "082085000006,Đỗ Văn Sáu,15/04/1985,Nam,00004,00016,10/03/2020,yearly,1.500.000\n"))
    assert messages(job)[(2, "commune_code")] == "đơn vị 00004 nằm ngoài địa bàn của bạn"
