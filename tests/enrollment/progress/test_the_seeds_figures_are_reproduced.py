"""The figures of the seeds, entered through the application's own paths and recomputed.

Tiền Giang 2020: an initial plan and a supplemental one, two years of enrollments imported from
files with the codes of the former province's wards, 18,816 participants at year end = 113% of the
initial plan and 107% of the supplemental, +11,554 on 2019; the same under the former province.
Chi Lăng 2018: a district plan of 232 new participants, 130 entered by 5 September = 56%.
"""

import datetime
from decimal import Decimal

import pytest
from django.template import Context, Template

from enrollment.models import ImportStatus, PaymentMethod, ProgressSnapshot
from enrollment.plans.services.versions import plan_version_create
from enrollment.progress.services.engine import progress_recompute
from enrollment.register.services.participants import (
    participant_get_or_create,
    payment_record,
)
from tests.factories import UnitFactory
from tests.legacy_units import legacy_units

pytestmark = pytest.mark.django_db
LEGACY_HEADER = "personal_id,full_name,birth_date,sex,commune_code,legacy_code,paid_on,method,monthly_income\n"


def shown(value):
    return Template("{% load bhxh %}{{ value|percent }}").render(Context({"value": value}))


def test_tien_giang_2020_reaches_113_percent_of_the_initial_plan_and_107_of_the_supplemental(
        tree, national_admin, provincial_manager, client_for, upload_import):
    former = legacy_units()
    for unit in (tree.province, former.tien_giang):  # the 2025 province, and the former one it absorbed
        plan_version_create(user=national_admin, unit=unit, year=2020, metric="si_participants", target=16_650,
                            document_number="1234/QĐ-BHXH")
        plan_version_create(user=national_admin, unit=unit, year=2020, metric="si_participants", target=17_585,
                            document_number="2345/QĐ-BHXH")
    # Reported under the former wards (of Chợ Gạo and of Mỹ Tho): 7,262 in 2019, 18,816 in 2020.
    wards = [former.cho_gao_wards[1].code, former.my_tho_wards[1].code]
    for year, prefix, count in ((2019, "082084", 7_262), (2020, "082085", 18_816)):
        rows = "".join(
            f"{prefix}{n:06d},Người {n},15/04/19{prefix[-2:]},Nam,,{wards[n % 2]},"
            f"{1 + n % 28:02d}/{1 + n % 12:02d}/{year},yearly,1.500.000\n" for n in range(count)
        )
        job = upload_import(client_for(provincial_manager), "participants", (LEGACY_HEADER + rows).encode(),
                            name=f"{year}.csv")
        assert job.status == ImportStatus.DONE, job.errors[:3]

    progress_recompute(full=True, today=datetime.date(2020, 12, 31))

    year_end = ProgressSnapshot.objects.get(unit=tree.province, date=datetime.date(2020, 12, 31),
                                            metric="si_participants")
    assert year_end.actual == 18_816
    assert (year_end.plan_initial, year_end.plan_in_force) == (16_650, 17_585)
    assert (year_end.achievement_initial, year_end.achievement_in_force) == (Decimal("113.01"), Decimal("107.00"))
    assert (shown(year_end.achievement_initial), shown(year_end.achievement_in_force)) == ("113,0%", "107,0%")
    assert year_end.status == "on_track"
    assert ProgressSnapshot.objects.get(unit=None, date=datetime.date(2020, 12, 31), metric="si_new").actual == 18_816
    # Growth on 2019: +11,554 participants (7,262 at the end of 2019), on the 2025 tree and under the former units.
    assert (year_end.last_year, year_end.growth) == (7_262, 11_554)
    former_year_end = ProgressSnapshot.objects.get(unit=former.tien_giang, date=datetime.date(2020, 12, 31),
                                                   metric="si_participants")
    assert (former_year_end.actual, former_year_end.last_year, former_year_end.growth) == (18_816, 7_262, 11_554)
    assert (former_year_end.achievement_initial, former_year_end.achievement_in_force) == (
        Decimal("113.01"), Decimal("107.00"))
    by_district = dict(ProgressSnapshot.objects.filter(
        unit__parent=former.tien_giang, date=datetime.date(2020, 12, 31), metric="si_new").values_list("unit", "actual"))
    assert by_district == {former.cho_gao.pk: 9_408, former.my_tho.pk: 9_408}
    # The country counts each person once, and its plan is the 2025 provinces'.
    national = ProgressSnapshot.objects.get(unit=None, date=datetime.date(2020, 12, 31), metric="si_participants")
    assert (national.actual, national.plan_in_force, national.growth) == (18_816, 17_585, 11_554)


def test_chi_lang_2018_has_56_percent_of_its_plan_on_5_september(national_admin):
    lang_son = UnitFactory(code_set="legacy", code="20", name="Tỉnh Lạng Sơn")
    chi_lang = UnitFactory(code_set="legacy", parent=lang_son, code="181", name="Huyện Chi Lăng",
                           unit_type="huyen")
    communes = [UnitFactory(code_set="legacy", parent=chi_lang, code=f"0{6200 + n}") for n in range(4)]
    plan_version_create(user=national_admin, unit=chi_lang, year=2018, metric="si_new", target=232)
    for n in range(130):
        person, _created = participant_get_or_create(
            personal_id=f"020085{n:06d}", full_name=f"Hoàng Văn {n}", birth_date=datetime.date(1985, 4, 15),
            sex="male", commune=communes[n % 4], target_group="farmer", support_category="ethnic_minority",
        )
        paid_on = datetime.date(2018, 1 + n % 8, 1 + n % 28) if n < 120 else datetime.date(2018, 9, 1 + n % 5)
        payment_record(participant=person, paid_on=paid_on, method=PaymentMethod.MONTHLY,
                       monthly_income=Decimal(700_000))

    progress_recompute(full=True, today=datetime.date(2018, 9, 5))

    snapshot = ProgressSnapshot.objects.get(unit=chi_lang, date=datetime.date(2018, 9, 5), metric="si_new")
    assert (snapshot.actual, snapshot.plan_in_force) == (130, 232)
    assert snapshot.achievement_in_force == Decimal("56.03")
    assert shown(snapshot.achievement_in_force) == "56,0%"
    assert ProgressSnapshot.objects.get(unit=lang_son, date=datetime.date(2018, 9, 5), metric="si_new").actual == 130
