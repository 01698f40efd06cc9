from datetime import date

import pytest

from enrollment.models import Outcome, PaymentMethod, RenewalOutcome
from enrollment.register.services.participants import payment_record
from tests.factories import ParticipantFactory, StaffFactory

pytestmark = pytest.mark.django_db


def enrol(commune, name, paid_on, method=PaymentMethod.MONTHLY, officer=None, start=None):
    person = ParticipantFactory(commune=commune, full_name=name)
    payment_record(participant=person, paid_on=paid_on, method=method, monthly_income=1_500_000,
                   mobilised_by_staff=officer, period_start=start)
    return person


@pytest.fixture
def due(tree):
    officer = StaffFactory(unit=tree.district, full_name="Cán bộ Hòa")
    return {
        "officer": officer,
        "an": enrol(tree.commune, "Trần Văn An", date(2026, 10, 31), officer=officer, start=date(2026, 10, 1)),
        "binh": enrol(tree.commune, "Lê Văn Bình", date(2026, 8, 1), PaymentMethod.QUARTERLY, start=date(2026, 8, 1)),
        "other": enrol(tree.other_commune, "Ngô Văn Xa", date(2026, 10, 2), start=date(2026, 10, 1)),
        "far": enrol(tree.far_commune, "Hà Nội Xa", date(2026, 10, 2), start=date(2026, 10, 1)),
    }


def rows(response):
    return sorted(row.record.full_name for row in response.context["table"].rows)


def test_the_list_holds_the_people_due_in_the_area_only(client_for, district_staff, due):
    response = client_for(district_staff).get("/renewals/?month=11/2026")
    assert rows(response) == ["Lê Văn Bình", "Trần Văn An"]


def test_the_list_per_officer(client_for, district_staff, due):
    officer = due["officer"]
    response = client_for(district_staff).get(f"/renewals/?month=11/2026&officer={officer.pk}")
    assert rows(response) == ["Trần Văn An"]


def test_an_officer_of_another_province_is_a_404(client_for, district_staff, tree, due):
    stranger = StaffFactory(unit=tree.other_province)
    assert client_for(district_staff).get(f"/renewals/?month=11/2026&officer={stranger.pk}").status_code == 404


def test_recording_outcomes(client_for, district_staff, due):
    client = client_for(district_staff)
    an = due["an"]
    response = client.post(f"/renewals/{an.pk}/outcome/", {"month": "11/2026", "outcome": "promised",
                                                           "promised_on": ""}, follow=True)
    assert "Nhập ngày người tham gia hẹn đóng." in response.content.decode()
    assert not RenewalOutcome.objects.exists()
    client.post(f"/renewals/{an.pk}/outcome/", {"month": "11/2026", "outcome": "promised", "promised_on": "20/11/2026"})
    client.post(f"/renewals/{an.pk}/outcome/", {"month": "11/2026", "outcome": "declined", "reason": "Hết tiền"})
    outcome = RenewalOutcome.objects.get()
    assert (outcome.outcome, outcome.reason, outcome.promised_on, outcome.recorded_by) == (
        Outcome.DECLINED, "Hết tiền", None, district_staff)
    page = client.get(f"/participants/{an.pk}/").content.decode()
    assert "Từ chối" in page and "Hết tiền" in page


def test_someone_not_due_gets_no_outcome(client_for, district_staff, due):
    response = client_for(district_staff).post(f"/renewals/{due['an'].pk}/outcome/",
                                               {"month": "09/2026", "outcome": "unreachable"}, follow=True)
    assert "không đến hạn đóng" in response.content.decode()
    assert not RenewalOutcome.objects.exists()


def test_outcomes_of_another_area_are_a_404(client_for, district_staff, due):
    response = client_for(district_staff).post(f"/renewals/{due['far'].pk}/outcome/",
                                               {"month": "11/2026", "outcome": "unreachable"})
    assert response.status_code == 404


def test_the_daily_december_list_drops_who_paid(client_for, district_staff, tree):
    early = enrol(tree.commune, "Đóng sớm", date(2026, 11, 5), start=date(2026, 11, 1))
    enrol(tree.commune, "Chưa đóng", date(2026, 11, 5), start=date(2026, 11, 1))
    payment_record(participant=early, paid_on=date(2026, 12, 1), method=PaymentMethod.MONTHLY,
                   monthly_income=1_500_000)
    client = client_for(district_staff)
    outstanding = client.get("/renewals/?month=12/2026&day=01/12/2026&status=outstanding")
    assert rows(outstanding) == ["Chưa đóng"]
    before = client.get("/renewals/?month=12/2026&day=30/11/2026&status=outstanding")
    assert rows(before) == ["Chưa đóng", "Đóng sớm"]
    workbook = client.get("/renewals/?month=12/2026&_export=xlsx")
    assert workbook["Content-Type"].startswith("application/vnd.openxmlformats")


def test_figures_per_month_and_unit(client_for, provincial_manager, tree, due):
    client = client_for(provincial_manager)
    response = client.get(f"/renewals/figures/?unit={tree.district.pk}&year=2026&month=11/2026")
    by_month = {row["label"]: row for row in response.context["months_table"].data}
    november = by_month["11/2026"]
    assert (november["due"], november["paid_again"], november["lapsed"]) == (2, 0, 2)  # November ended unpaid
    by_unit = {row["label"]: row for row in response.context["units_table"].data}
    assert by_unit["Xã Chợ Gạo"]["due"] == 2
    province = client.get(f"/renewals/figures/?unit={tree.province.pk}&year=2026&month=11/2026")
    assert {row["label"]: row["due"] for row in province.context["units_table"].data} == {
        "BHXH cơ sở huyện Chợ Gạo": 2, "BHXH cơ sở thành phố Mỹ Tho": 1}
    export = client.get(f"/renewals/figures/?unit={tree.province.pk}&month=11/2026&table=units&_export=csv")
    assert "BHXH cơ sở huyện Chợ Gạo,2,0,2,0," in export.content.decode("utf-8-sig")
    assert client.get(f"/renewals/figures/?unit={tree.other_province.pk}").status_code == 404
