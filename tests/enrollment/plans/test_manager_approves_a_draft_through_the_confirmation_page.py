import datetime

from enrollment.models import Allocation, Metric, PlanChange, PlanStatus, PlanVersion
from enrollment.plans.selectors.plans import plan_in_force
from enrollment.plans.services.allocation import allocation_save
from enrollment.plans.services.versions import plan_version_create

QUEUE = "/plans/approvals/"


def _district_draft(district_staff, provincial_manager, tree, communes_target):
    plan_version_create(user=provincial_manager, unit=tree.district, year=2026, metric=Metric.SI_NEW, target=100,
                        document_number="100/QĐ-BHXH", document_date=datetime.date(2026, 1, 10))
    return allocation_save(user=district_staff, unit=tree.district, year=2026, metric=Metric.SI_NEW,
                           targets={tree.commune.pk: communes_target}, document_number="", note="Đề xuất của xã")


def test_the_queue_lists_the_drafts_waiting_for_this_manager_only(
        client_for, district_staff, provincial_manager, national_admin, make_user, tree):
    draft = _district_draft(district_staff, provincial_manager, tree, 466)
    page = client_for(provincial_manager).get(QUEUE).content.decode()
    assert "BHXH cơ sở huyện Chợ Gạo" in page and f"/plans/allocations/{draft.pk}/approve/" in page
    assert "466" in page and "466,0%" in page  # the sum and its share of the parent's plan

    other_manager = make_user("provincial_manager", tree.other_province)
    assert "Chưa có bản nháp nào" in client_for(other_manager).get(QUEUE).content.decode()
    # Below a province the provincial manager approves: not the national administrator's queue.
    assert f"/plans/allocations/{draft.pk}/approve/" not in client_for(national_admin).get(QUEUE).content.decode()
    assert client_for(district_staff).get(QUEUE).status_code == 403
    assert client_for(other_manager).get(f"/plans/allocations/{draft.pk}/approve/").status_code == 404


def test_the_confirmation_shows_parent_sum_and_largest_changes_and_requires_the_document(
        client_for, district_staff, provincial_manager, tree):
    draft = _district_draft(district_staff, provincial_manager, tree, 100)
    client = client_for(provincial_manager)
    page = client.get(f"/plans/allocations/{draft.pk}/approve/").content.decode()
    assert 'id="largest-changes"' in page and "Xã Chợ Gạo" in page and "+100" in page
    assert 'name="document_number"' in page and 'value="100/QĐ-BHXH"' not in page  # never carried over
    assert 'name="reason"' not in page  # the sum matches: no reason asked

    response = client.post(f"/plans/allocations/{draft.pk}/approve/", {"document_number": " ", "document_date": ""})
    assert response.status_code == 400
    assert "Trường này là bắt buộc" in response.content.decode()
    assert Allocation.objects.get().status == PlanStatus.DRAFT and plan_in_force(tree.commune, 2026, "si_new") is None

    response = client.post(f"/plans/allocations/{draft.pk}/approve/",
                           {"document_number": "45/QĐ-BHXH", "document_date": "02/02/2026"})
    assert response.status_code == 302
    commune_plan = plan_in_force(tree.commune, 2026, Metric.SI_NEW)
    assert (commune_plan.target, commune_plan.document_number, commune_plan.document_date) == (
        100, "45/QĐ-BHXH", datetime.date(2026, 2, 2))


def test_a_sum_that_does_not_match_is_approved_only_with_a_reason_kept_in_the_history(
        client_for, district_staff, provincial_manager, tree):
    draft = _district_draft(district_staff, provincial_manager, tree, 466)
    client = client_for(provincial_manager)
    url = f"/plans/allocations/{draft.pk}/approve/"
    page = client.get(url).content.decode()
    assert 'id="mismatch-warning"' in page and "466" in page and 'name="reason"' in page

    response = client.post(url, {"document_number": "46/QĐ-BHXH", "document_date": "02/02/2026"})
    assert response.status_code == 400
    assert "hãy nêu lý do" in response.content.decode()
    assert plan_in_force(tree.commune, 2026, Metric.SI_NEW) is None

    client.post(url, {"document_number": "46/QĐ-BHXH", "document_date": "02/02/2026",
                      "reason": "Xã Chợ Gạo nhận thêm chỉ tiêu của đợt ra quân"})
    assert plan_in_force(tree.commune, 2026, Metric.SI_NEW).target == 466
    change = PlanChange.objects.get(unit=tree.district, action="allocation_approved")
    assert change.reason == "Xã Chợ Gạo nhận thêm chỉ tiêu của đợt ra quân"
    history = client.get(f"/plans/{tree.district.pk}/history/").content.decode()
    assert "Xã Chợ Gạo nhận thêm chỉ tiêu của đợt ra quân" in history


def test_a_draft_plan_version_is_approved_with_its_own_document(client_for, provincial_manager, tree):
    plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW, target=1000,
                        document_number="120/QĐ-BHXH", document_date=datetime.date(2026, 1, 10))
    draft = plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW,
                                target=1200, approve=False)
    client = client_for(provincial_manager)
    assert f"/plans/versions/{draft.pk}/approve/" in client.get(QUEUE).content.decode()
    page = client.get(f"/plans/versions/{draft.pk}/approve/").content.decode()
    assert "+200" in page and 'value="120/QĐ-BHXH"' not in page
    assert client.post(f"/plans/versions/{draft.pk}/approve/", {"document_number": ""}).status_code == 400
    assert PlanVersion.objects.get(pk=draft.pk).status == PlanStatus.DRAFT
    client.post(f"/plans/versions/{draft.pk}/approve/", {"document_number": "275/BHXH-TST", "document_date": "15/07/2026"})
    in_force = plan_in_force(tree.province, 2026, Metric.SI_NEW)
    assert (in_force.pk, in_force.document_number) == (draft.pk, "275/BHXH-TST")


def test_recording_an_approved_plan_needs_its_document(client_for, provincial_manager, tree):
    response = client_for(provincial_manager).post(f"/plans/{tree.province.pk}/versions/new/", {
        "year": "2026", "metric": "si_new", "target": "1000", "curve": "seasonal", "approve": "on"})
    assert response.status_code == 400
    assert not PlanVersion.objects.exists()
