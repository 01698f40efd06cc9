"""The first three digits of a personal ID are the province where the birth was registered (legacy codes)."""

from datetime import date

import pytest

from enrollment.models import ImportStatus, Participant
from enrollment.shared.identity import BIRTH_PROVINCES, IdentityError, personal_id_check
from tests.enrollment.register.test_district_staff_enters_a_participant import entry
from tests.enrollment.register.test_register_import import HEADER

pytestmark = pytest.mark.django_db
UNKNOWN = ("000", "097", "999")


def test_the_63_legacy_provinces_are_the_codes():
    assert len(BIRTH_PROVINCES) == 63
    assert {"001", "002", "079", "082", "096"} <= BIRTH_PROVINCES
    assert not BIRTH_PROVINCES & {"000", "003", "085", "097", "999"}


@pytest.mark.parametrize("code", UNKNOWN)
def test_an_unknown_province_is_refused(code):
    with pytest.raises(IdentityError) as error:
        personal_id_check(f"{code}085012345", date(1985, 4, 2), "male")
    assert str(error.value) == f"Mã tỉnh nơi đăng ký khai sinh (3 chữ số đầu) «{code}» không tồn tại."


@pytest.mark.parametrize("code", UNKNOWN)
def test_the_entry_form_refuses_it(client_for, district_staff, tree, code):
    response = client_for(district_staff).post("/participants/new/", entry(tree.commune, personal_id=f"{code}085012345"))
    assert response.status_code == 200
    assert f"Mã tỉnh nơi đăng ký khai sinh (3 chữ số đầu) «{code}» không tồn tại." in response.content.decode()
    assert not Participant.objects.exists()


def test_the_import_refuses_it_on_its_line(client_for, district_staff, tree, upload_import):
    rows = "".join(f"{code}085000001,Người Lạ,15/04/1985,Nam,28594,,,,,,05/08/2025,monthly,,,1.500.000,\n"
                   for code in UNKNOWN)
    job = upload_import(client_for(district_staff), "participants", (HEADER + rows).encode())
    assert job.status == ImportStatus.REJECTED
    assert [(e["line"], e["column"]) for e in job.errors] == [(2, "personal_id"), (3, "personal_id"), (4, "personal_id")]
    assert "«097» không tồn tại" in job.errors[1]["message"]
    assert not Participant.objects.exists()
