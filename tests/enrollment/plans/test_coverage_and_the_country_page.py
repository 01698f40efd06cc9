from decimal import Decimal

from enrollment.models import Metric
from enrollment.plans.selectors.plans import plan_in_force
from enrollment.plans.services.versions import plan_version_create
from tests.factories import LabourForceFactory


def test_a_coverage_rate_is_allocated_as_a_rate_weighted_by_labour_force(client_for, provincial_manager, tree):
    plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.COVERAGE,
                        target=Decimal("2.50"))
    LabourForceFactory(unit=tree.district, year=2026, labour_force=30_000)
    LabourForceFactory(unit=tree.other_district, year=2026, labour_force=10_000)
    client = client_for(provincial_manager)
    url = f"/plans/{tree.province.pk}/allocation/?year=2026&metric=coverage"
    response = client.post(url, {"year": "2026", "metric": "coverage", "action": "save",
                                 f"target_{tree.district.pk}": "2,4", f"target_{tree.other_district.pk}": "2,8"})
    assert response.status_code == 302
    page = client.get(url).content.decode()
    assert "2,50" in page  # (2,4 × 30.000 + 2,8 × 10.000) / 40.000 = 2,50: fully allocated
    assert 'class="figure allocation-state exact"' in page
    confirmation = client.post(url, {"year": "2026", "metric": "coverage", "action": "approve"}).url
    client.post(confirmation, {"document_number": "5/QĐ-BHXH", "document_date": "05/02/2026"})
    assert plan_in_force(tree.district, 2026, Metric.COVERAGE).target == Decimal("2.40")

    response = client.post(url, {"year": "2026", "metric": "coverage", "action": "save",
                                 f"target_{tree.district.pk}": "120", f"target_{tree.other_district.pk}": "2,8"})
    assert response.status_code == 400
    assert "tỷ lệ tối đa là 100%" in response.content.decode()


def test_national_administrators_see_the_provinces_plans(client_for, national_admin, provincial_manager, tree):
    plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW, target=9_800)
    client = client_for(national_admin)
    page = client.get("/plans/?year=2026&metric=si_new").content.decode()
    assert "Tỉnh Đồng Tháp" in page and "Thành phố Hà Nội" in page and "9.800" in page
    export = client.get("/plans/?year=2026&metric=si_new&_export=csv&table=provinces")
    assert "9800" in export.content.decode()


def test_other_users_land_on_their_own_units_plans(client_for, district_staff, tree):
    response = client_for(district_staff).get("/plans/?year=2026")
    assert response.status_code == 302
    assert response.url.startswith(f"/plans/{tree.district.pk}/")


def test_a_user_without_a_scope_sees_no_plans(client_for, make_user, tree):
    from enrollment.models import Role

    client = client_for(make_user(Role.PROVINCIAL_MANAGER, None))
    page = client.get("/plans/?year=2026").content.decode()
    assert "Tỉnh Đồng Tháp" not in page
    assert client.get(f"/plans/{tree.province.pk}/").status_code == 404
