"""Changes to agent staff, organisations, officers, quotas and plans are kept with who, when and old → new,
on the object's page, for the offices."""

import pytest

from agents.quotas.services import agent_quotas_set
from agents.shared.levels import Level
from enrollment.models import OfficerQuota, Plan, PlanVersion, Staff
from enrollment.plans.services.quotas import quotas_bulk_set

pytestmark = pytest.mark.django_db


def test_an_agent_staff_edit_and_quota_are_on_their_page(client_for, district_staff, agents):
    district_staff.full_name = "Cán bộ Sửa"
    district_staff.save()
    agents.mai.phone, agents.mai._history_user = "0900000001", district_staff
    agents.mai.save()
    agent_quotas_set(level=Level.STAFF, owners=[agents.mai], year=2026, months=[11], metric="si_new", target=5,
                     user=district_staff)
    agent_quotas_set(level=Level.STAFF, owners=[agents.mai], year=2026, months=[11], metric="si_new", target=7,
                     user=district_staff)
    page = client_for(district_staff).get(f"/agents/staff/{agents.mai.pk}/").content.decode()
    assert "Lịch sử thay đổi" in page and "Cán bộ Sửa" in page
    assert "<del>0912345678</del> → <ins>0900000001</ins>" in page
    assert "<del>5</del> → <ins>7</ins>" in page


def test_agent_staff_and_viewers_do_not_see_the_history(client_for, agent_user, viewer, agents):
    for user in (agent_user, viewer):
        page = client_for(user).get(f"/agents/staff/{agents.mai.pk}/").content.decode()
        assert "Lịch sử thay đổi" not in page


def test_an_organisation_change_is_on_its_page(client_for, provincial_manager, agents):
    agents.post.name, agents.post._history_user = "Bưu điện tỉnh Đồng Tháp", provincial_manager
    agents.post.save()
    page = client_for(provincial_manager).get(f"/agents/organisations/{agents.post.pk}/").content.decode()
    assert "<del>Bưu điện tỉnh</del> → <ins>Bưu điện tỉnh Đồng Tháp</ins>" in page


def test_an_officer_edit_and_quota_are_on_the_officers_page(client_for, district_staff, tree):
    officer = Staff.objects.create(full_name="Lê Văn Cán", unit=tree.district)
    client = client_for(district_staff)
    response = client.post(f"/officers/{officer.pk}/", {"full_name": "Lê Văn Cán", "unit": tree.district.pk,
                                                       "position": "collection_officer", "phone": "", "email": "",
                                                       "is_active": "on"})
    assert response.status_code == 302
    quotas_bulk_set(OfficerQuota, [officer], 2026, None, "si_new", 36, district_staff)
    quotas_bulk_set(OfficerQuota, [officer], 2026, None, "si_new", 40, district_staff)
    page = client.get(f"/officers/{officer.pk}/").content.decode()
    assert "Lịch sử thay đổi" in page
    assert "<del>36</del> → <ins>40</ins>" in page
    assert "<ins>Viên chức quản lý thu</ins>" in page


def test_a_plan_version_is_on_the_plan_page(client_for, provincial_manager, tree):
    plan = Plan.objects.create(unit=tree.province, year=2026, metric="si_participants")
    version = PlanVersion.objects.create(plan=plan, seq=1, target=18_000, monthly_targets=[1500 * m for m in range(1, 13)])
    version.target, version._history_user = 18_816, provincial_manager
    version.save()
    page = client_for(provincial_manager).get(f"/plans/{tree.province.pk}/?year=2026").content.decode()
    assert "<del>18.000</del> → <ins>18.816</ins>" in page
