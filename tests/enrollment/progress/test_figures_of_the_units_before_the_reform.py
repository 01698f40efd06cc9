"""The legacy view: figures of former provinces and districts (units before 01/07/2025), computed by the
engine from the former unit each record was imported with, shown on the same dashboards and tables to
those whose area took them in, and compared like with like across the reform."""

import datetime

import pytest

from enrollment.models import ImportStatus, ProgressSnapshot, RecomputeRun, Role
from enrollment.progress.services.engine import progress_recompute, progress_run_execute
from tests.legacy_units import legacy_units

pytestmark = pytest.mark.django_db
HEADER = "personal_id,full_name,birth_date,sex,commune_code,legacy_code,paid_on,method,monthly_income\n"
END_2024, END_2025 = datetime.date(2024, 12, 31), datetime.date(2025, 12, 31)


@pytest.fixture
def former(tree, provincial_manager, client_for, upload_import):
    """4 people paid a year on 10/12/2024 under a former ward of Chợ Gạo; 2 of them paid again on
    05/12/2025 (2025 codes only), and 1 newcomer joined then: recomputed as of 31/12/2025."""
    units = legacy_units()
    rows = [f"08208500000{n},Người {n},15/04/1985,Nam,,28630,10/12/2024,yearly,1.500.000\n" for n in range(4)]
    rows += [f"08208500000{n},Người {n},15/04/1985,Nam,28594,,05/12/2025,yearly,1.500.000\n" for n in range(2)]
    rows.append("082085000009,Người mới,15/04/1985,Nam,28594,,05/12/2025,yearly,1.500.000\n")
    job = upload_import(client_for(provincial_manager), "participants", (HEADER + "".join(rows)).encode())
    assert job.status == ImportStatus.DONE, job.errors
    progress_recompute(full=True, today=END_2025)
    return units


def row(unit, day, metric="si_participants"):
    return ProgressSnapshot.objects.get(unit=unit, date=day, metric=metric)


def test_former_units_keep_their_people_across_the_reform(tree, former):
    # The 2025 province counts everyone on its communes; the former province only those reported under it.
    province = row(tree.province, END_2025)
    assert (province.actual, province.last_year, province.growth) == (3, 4, -1)
    tien_giang = row(former.tien_giang, END_2025)
    assert (tien_giang.actual, tien_giang.last_year, tien_giang.growth, tien_giang.growth_percent) == (2, 4, -2, -50)
    assert row(former.cho_gao, END_2024).actual == 4
    assert row(former.tien_giang, END_2024, "si_new").actual == 4
    assert row(former.tien_giang, END_2025, "si_new").actual == 0  # the newcomer came under 2025 codes
    # The country counts each person once.
    assert row(None, END_2025).actual == 3


def test_a_later_payment_moves_the_former_units_figures_as_a_full_run_would(tree, former, provincial_manager,
                                                                             client_for, upload_import):
    job = upload_import(client_for(provincial_manager), "participants", (
        HEADER + "082085000002,Người 2,15/04/1985,Nam,28594,,06/12/2025,yearly,1.500.000\n").encode())
    assert job.status == ImportStatus.DONE, job.errors
    run = RecomputeRun.objects.create(kind="incremental", triggered_by="changes")
    assert progress_run_execute(run_id=run.pk, today=END_2025).status == "done"
    assert row(former.tien_giang, END_2025).actual == 3  # paid again (late) under 2025 codes: still theirs
    incremental = {(s.unit_id, s.metric): s.actual for s in ProgressSnapshot.objects.filter(date=END_2025)}
    progress_recompute(full=True, today=END_2025)
    assert incremental == {(s.unit_id, s.metric): s.actual for s in ProgressSnapshot.objects.filter(date=END_2025)}


def test_the_provincial_manager_switches_to_the_former_province(tree, former, provincial_manager, client_for):
    client = client_for(provincial_manager)
    page = client.get(f"/dashboards/{tree.province.pk}/?date=2025-12-31").content.decode()
    assert "Đơn vị trước 01/07/2025" in page
    assert f'href="/dashboards/{former.tien_giang.pk}/?date=2025-12-31"' in page

    page = client.get(f"/dashboards/{former.tien_giang.pk}/?date=2024-12-31")
    assert page.status_code == 200
    assert page.context["board"].main.actual == 4
    assert [child.unit for child in page.context["board"].children] == [former.cho_gao]
    assert "Nay thuộc:" in page.content.decode() and tree.province.name in page.content.decode()

    table = client.get(f"/dashboards/{former.tien_giang.pk}/tables/?date=2024-12-31&_export=csv").content.decode()
    assert "Huyện Chợ Gạo" in table


def test_another_province_cannot_open_the_former_province(tree, former, make_user, client_for):
    ha_noi = client_for(make_user(Role.PROVINCIAL_MANAGER, tree.other_province))
    for url in (f"/dashboards/{former.tien_giang.pk}/", f"/dashboards/{former.tien_giang.pk}/tables/",
                f"/dashboards/{former.cho_gao.pk}/", f"/dashboards/{former.tien_giang.pk}/monthly/"):
        assert ha_noi.get(url).status_code == 404, url


def test_district_staff_see_their_former_district_only(tree, former, district_staff, client_for):
    client = client_for(district_staff)  # the office area of Chợ Gạo
    assert client.get(f"/dashboards/{former.cho_gao.pk}/?date=2024-12-31").status_code == 200
    assert client.get(f"/dashboards/{former.tien_giang.pk}/").status_code == 404
    assert client.get(f"/dashboards/{former.my_tho.pk}/").status_code == 404


def test_the_country_ranks_the_former_provinces(tree, former, national_admin, client_for):
    page = client_for(national_admin).get("/dashboards/country/?date=2024-12-31&units=legacy")
    assert [child.unit for child in page.context["board"].children] == [former.tien_giang]
    page = client_for(national_admin).get("/dashboards/country/?date=2024-12-31")
    assert [child.unit for child in page.context["board"].children] == [tree.province]


def test_plans_of_those_years_are_set_on_the_former_units(tree, former, provincial_manager, make_user, client_for):
    client = client_for(provincial_manager)
    page = client.get(f"/plans/{former.cho_gao.pk}/?year=2024")
    assert page.status_code == 200 and 2019 in page.context["years"]
    plan = {"target": "5", "document_number": "12/KH-BHXH", "document_date": "15/01/2024", "curve": "even",
            "approve": "on"}
    saved = client.post(f"/plans/{former.cho_gao.pk}/versions/new/?year=2024", plan)
    assert saved.status_code == 302, saved.context and saved.context["version_form"].errors
    refused = client.post(f"/plans/{former.cho_gao.pk}/versions/new/?year=2026", plan)
    assert refused.context["version_form"].errors == {"target": ["Đơn vị trước 01/07/2025 chỉ có kế hoạch đến năm 2025."]}
    other = client_for(make_user(Role.PROVINCIAL_MANAGER, tree.other_province))
    assert other.get(f"/plans/{former.cho_gao.pk}/?year=2024").status_code == 404

    progress_recompute(full=True, today=END_2025)
    end_2024 = row(former.cho_gao, END_2024)
    assert (end_2024.actual, end_2024.plan_in_force, end_2024.achievement_in_force) == (4, 5, 80)
