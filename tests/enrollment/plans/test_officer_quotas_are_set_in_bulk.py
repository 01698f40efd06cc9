import io
from decimal import Decimal

from openpyxl import load_workbook

from enrollment.models import Metric, OfficerQuota
from enrollment.plans.services.quotas import quota_progress, quotas_bulk_set
from tests.factories import StaffFactory


def _bulk(client, unit, **extra):
    data = {"unit": unit.pk, "year": "2026", "month": "", "metric": "si_new", "target": "3", **extra}
    return client.post("/quotas/", data)


def test_every_officer_of_a_unit_gets_the_quota_and_setting_it_again_changes_nothing(
        client_for, provincial_manager, tree):
    officers = [StaffFactory(unit=tree.district) for _ in range(3)]
    StaffFactory(unit=tree.district, is_active=False)
    elsewhere = StaffFactory(unit=tree.other_district)
    client = client_for(provincial_manager)

    assert _bulk(client, tree.district).status_code == 302
    assert _bulk(client, tree.district).status_code == 302
    quotas = OfficerQuota.objects.all()
    assert sorted(q.staff_id for q in quotas) == sorted(o.pk for o in officers)
    assert {(q.year, q.month, q.target) for q in quotas} == {(2026, None, 3)}
    assert not OfficerQuota.objects.filter(staff=elsewhere).exists()

    _bulk(client, tree.province, include_below="on", target="4")
    assert OfficerQuota.objects.count() == 4
    assert set(OfficerQuota.objects.values_list("target", flat=True)) == {4}

    page = client.get("/quotas/?year=2026").content.decode()
    assert officers[0].full_name in page
    export = client.get("/quotas/?year=2026&_export=xlsx&table=quotas")
    rows = list(load_workbook(io.BytesIO(export.content)).active.iter_rows(values_only=True))
    assert rows[0][0] == "Chỉ tiêu cán bộ"  # the title block names the table
    header = next(n for n, row in enumerate(rows) if row[0] == "Cán bộ")
    assert len([row for row in rows[header + 1:] if row[0] != "Tổng"]) == 4  # one row per officer


def test_a_monthly_quota_stands_beside_the_yearly_one(client_for, district_staff, tree):
    officer = StaffFactory(unit=tree.district)
    client = client_for(district_staff)
    _bulk(client, tree.district)
    _bulk(client, tree.district, month="3", target="1")
    assert set(OfficerQuota.objects.filter(staff=officer).values_list("month", "target")) == {(3, 1), (None, 3)}


def test_bad_quotas_are_refused_and_nothing_is_saved(client_for, district_staff, tree):
    StaffFactory(unit=tree.district)
    client = client_for(district_staff)
    for target, message in (("ba", "“ba” không phải là số"), ("-1", "không được âm")):
        response = _bulk(client, tree.district, target=target)
        assert response.status_code == 400
        assert message in response.content.decode()
    response = _bulk(client, tree.other_district)  # another district's officers
    assert response.status_code == 400
    assert not OfficerQuota.objects.exists()


def test_a_district_user_sees_only_its_officers_quotas(client_for, district_staff, provincial_manager, tree):
    mine, theirs = StaffFactory(unit=tree.district), StaffFactory(unit=tree.other_district, full_name="Người khác")
    quotas_bulk_set(OfficerQuota, [mine, theirs], 2026, None, Metric.SI_NEW, 3, provincial_manager)
    page = client_for(district_staff).get("/quotas/?year=2026").content.decode()
    assert mine.full_name in page and "Người khác" not in page


def test_quota_progress_compares_each_owner_with_their_target(tree, provincial_manager):
    officers = [StaffFactory(unit=tree.district) for _ in range(2)]
    quotas_bulk_set(OfficerQuota, officers, 2026, None, Metric.SI_NEW, 3, provincial_manager)
    quotas = OfficerQuota.objects.order_by("staff_id")
    progress = quota_progress(quotas, {officers[0].pk: 4})
    assert [(p.actual, p.percent) for p in progress] == [(4, Decimal("133.33")), (0, Decimal("0.00"))]
