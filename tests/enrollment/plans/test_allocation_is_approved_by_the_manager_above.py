from enrollment.models import (
    Allocation,
    Metric,
    PlanChange,
    PlanStatus,
    PlanVersion,
    VersionKind,
)
from enrollment.plans.selectors.plans import plan_in_force
from enrollment.plans.services.versions import plan_version_create

GRID = "/plans/{pk}/allocation/?year=2026&metric=si_new"


def _approve(client, number="101/QĐ-BHXH", date="20/01/2026"):
    draft = Allocation.objects.get(status=PlanStatus.DRAFT)
    return client.post(f"/plans/allocations/{draft.pk}/approve/", {"document_number": number, "document_date": date})


def _post_grid(client, unit, targets, action="save"):
    data = {"year": "2026", "metric": "si_new", "action": action}
    data.update({f"target_{u.pk}": v for u, v in targets.items()})
    return client.post(GRID.format(pk=unit.pk), data)


def test_a_provincial_manager_allocates_and_approves_and_the_districts_get_their_plans(
        client_for, provincial_manager, tree, province_plan):
    client = client_for(provincial_manager)
    response = _post_grid(client, tree.province, {tree.district: "600", tree.other_district: "400"})
    assert response.status_code == 302
    allocation = Allocation.objects.get()
    assert allocation.status == PlanStatus.DRAFT
    assert plan_in_force(tree.district, 2026, Metric.SI_NEW) is None  # a draft is not a plan yet

    response = _post_grid(client, tree.province, {}, action="approve")
    assert response.status_code == 302 and response.url == f"/plans/allocations/{allocation.pk}/approve/"
    allocation.refresh_from_db()
    assert allocation.status == PlanStatus.DRAFT  # the grid only leads to the confirmation page
    assert _approve(client).status_code == 302

    allocation.refresh_from_db()
    assert allocation.status == PlanStatus.APPROVED and allocation.approved_by == provincial_manager
    district_plan = plan_in_force(tree.district, 2026, Metric.SI_NEW)
    assert district_plan.target == 600 and district_plan.kind == VersionKind.INITIAL
    assert district_plan.document_number == "101/QĐ-BHXH"
    assert district_plan.monthly_targets[-1] == 600
    assert plan_in_force(tree.other_district, 2026, Metric.SI_NEW).target == 400
    page = client.get(GRID.format(pk=tree.province.pk)).content.decode()
    assert "Đã duyệt" in page


def test_changing_an_approved_allocation_makes_a_new_version_and_keeps_the_old(
        client_for, provincial_manager, tree, province_plan):
    client = client_for(provincial_manager)
    _post_grid(client, tree.province, {tree.district: "600", tree.other_district: "400"})
    _approve(client)

    _post_grid(client, tree.province, {tree.district: "650", tree.other_district: "400"})
    client.post(f"/plans/allocations/{Allocation.objects.get(status='draft').pk}/approve/",
                {"document_number": "150/QĐ-BHXH", "document_date": "01/03/2026", "reason": "Giữ 50 dự phòng"})

    assert list(Allocation.objects.order_by("seq").values_list("seq", "status")) == [(1, "approved"), (2, "approved")]
    district_versions = PlanVersion.objects.filter(plan__unit=tree.district).order_by("seq")
    assert [(v.target, v.kind) for v in district_versions] == [(600, "initial"), (650, "supplemental")]
    assert PlanVersion.objects.filter(plan__unit=tree.other_district).count() == 1  # unchanged, no new version
    change = PlanChange.objects.filter(unit=tree.district, action="allocation_saved").first()
    assert (change.old_value, change.new_value, change.user) == ("600", "650", provincial_manager)


def test_a_district_user_drafts_its_communes_but_cannot_approve(client_for, district_staff, provincial_manager, tree):
    plan_version_create(user=provincial_manager, unit=tree.district, year=2026, metric=Metric.SI_NEW, target=90)
    client = client_for(district_staff)

    assert _post_grid(client, tree.district, {tree.commune: "90"}).status_code == 302
    assert client.get(GRID.format(pk=tree.district.pk)).status_code == 200
    assert _post_grid(client, tree.district, {}, action="approve").status_code == 403
    assert _approve(client).status_code == 403
    assert Allocation.objects.get().status == PlanStatus.DRAFT
    assert plan_in_force(tree.commune, 2026, Metric.SI_NEW) is None

    manager = client_for(provincial_manager)
    assert _approve(manager).status_code == 302
    assert plan_in_force(tree.commune, 2026, Metric.SI_NEW).target == 90


def test_a_district_user_cannot_touch_another_districts_allocation(client_for, district_staff, provincial_manager,
                                                                   tree):
    plan_version_create(user=provincial_manager, unit=tree.other_district, year=2026, metric=Metric.SI_NEW,
                        target=50)
    client = client_for(district_staff)
    assert client.get(GRID.format(pk=tree.other_district.pk)).status_code == 404
    assert _post_grid(client, tree.other_district, {tree.other_commune: "50"}).status_code == 404
    assert client.get(f"/plans/{tree.other_district.pk}/allocation/template.xlsx?year=2026").status_code == 404
    assert client.get(f"/plans/{tree.other_district.pk}/").status_code == 404
    assert not Allocation.objects.exists()


def test_a_district_user_cannot_allocate_its_provinces_plan(client_for, district_staff, tree, province_plan):
    client = client_for(district_staff)
    assert _post_grid(client, tree.province, {tree.district: "1000", tree.other_district: "0"}).status_code == 404
    assert not Allocation.objects.exists()


def test_a_viewer_sees_the_grid_but_cannot_save(client_for, viewer, provincial_manager, tree):
    plan_version_create(user=provincial_manager, unit=tree.district, year=2026, metric=Metric.SI_NEW, target=90)
    client = client_for(viewer)
    assert client.get(GRID.format(pk=tree.district.pk)).status_code == 200
    assert _post_grid(client, tree.district, {tree.commune: "90"}).status_code == 403
    assert not Allocation.objects.exists()
