from decimal import Decimal

import pytest

from agents.models import AgentStaffQuota, CollectionPointQuota, OrganisationQuota

pytestmark = pytest.mark.django_db


def set_quota(client, **data):
    return client.post("/agents/quotas/", {"level": "staff", "organisation": "", "year": 2026, "month_from": 1,
                                           "month_to": 12, "metric": "si_new", "target": 3, **data}, follow=True)


def test_every_agent_of_the_district_gets_three_a_month(client_for, district_staff, agents):
    response = set_quota(client_for(district_staff))
    assert AgentStaffQuota.objects.count() == 2 * 12  # Mai and Hùng; Lan is in another district
    assert set(AgentStaffQuota.objects.values_list("agent__full_name", flat=True)) == {"Nguyễn Thị Mai", "Lê Văn Hùng"}
    assert "24 mới" in response.content.decode()


def test_setting_the_same_quota_again_changes_nothing_and_a_new_figure_updates(client_for, district_staff, agents):
    client = client_for(district_staff)
    set_quota(client)
    assert "0 mới, 0 thay đổi" in set_quota(client).content.decode()
    set_quota(client, target=5, month_from=6, month_to=6)
    assert AgentStaffQuota.objects.get(agent=agents.mai, month=6).target == Decimal(5)
    assert AgentStaffQuota.objects.count() == 24


def test_points_and_organisations_of_one_organisation(client_for, provincial_manager, agents):
    client = client_for(provincial_manager)
    set_quota(client, level="point", organisation=agents.post.pk, target=8, month_from=3, month_to=3)
    set_quota(client, level="organisation", organisation=agents.post.pk, target=40, month_from=3, month_to=3)
    assert set(CollectionPointQuota.objects.values_list("point__name", flat=True)) == {
        "Điểm bưu điện Chợ Gạo", "Điểm bưu điện Mỹ Tho"}
    assert list(OrganisationQuota.objects.values_list("organisation__name", "target")) == [
        ("Bưu điện tỉnh", Decimal(40))]


@pytest.mark.parametrize("bad, message", [
    ({"target": -1}, "lớn hơn hoặc bằng"),
    ({"target": "ba"}, "Nhập một số"),
    ({"month_from": 9, "month_to": 3}, "Tháng cuối đứng trước tháng đầu"),
])
def test_bad_input_saves_nothing(client_for, district_staff, agents, bad, message):
    response = set_quota(client_for(district_staff), **bad)
    assert AgentStaffQuota.objects.count() == 0
    assert message in response.content.decode()


def test_quota_progress_table_exports(client_for, district_staff, agents):
    client = client_for(district_staff)
    set_quota(client, month_from=3, month_to=3)
    csv = client.get("/agents/quotas/?year=2026&month=3&level=staff&_export=csv").content.decode()
    assert "Nguyễn Thị Mai" in csv and "Trần Thị Lan" not in csv
