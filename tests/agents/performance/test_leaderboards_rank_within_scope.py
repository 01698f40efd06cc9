import uuid
from datetime import date

import pytest

from agents.models import AgentStaff, CampaignResult
from agents.quotas.services import agent_quotas_set
from tests.factories import StaffFactory

pytestmark = pytest.mark.django_db
PERIOD = {"start": "2026-03-01", "end": "2026-03-31"}


def report(agent, new_si, day=date(2026, 3, 10)):
    CampaignResult.objects.create(agent=agent, commune=agent.point.unit, day=day, new_si=new_si,
                                  idempotency_key=uuid.uuid4())


def ranking(client, **params):
    rows = client.get("/agents/leaderboard/", {**PERIOD, **params}).context["table"].data.data
    return [(row.rank, row.name, row.new) for row in rows]


@pytest.fixture
def results(agents, tree):
    report(agents.mai, 5)
    report(agents.hung, 5)
    report(agents.lan, 7)
    report(agents.quan, 9)
    report(agents.mai, 20, day=date(2026, 4, 2))  # outside the period
    AgentStaff.objects.create(full_name="Võ Thị Vy", point=agents.union_point)


def test_agent_staff_rank_with_shared_places(client_for, provincial_manager, results):
    assert ranking(client_for(provincial_manager)) == [
        (1, "Trần Thị Lan", 7), (2, "Nguyễn Thị Mai", 5), (2, "Lê Văn Hùng", 5), (4, "Võ Thị Vy", 0)]


def test_a_district_ranks_only_its_own_agents(client_for, district_staff, results):
    assert [name for _rank, name, _new in ranking(client_for(district_staff))] == [
        "Nguyễn Thị Mai", "Lê Văn Hùng", "Võ Thị Vy"]


def test_points_and_organisations_add_up_their_staff(client_for, provincial_manager, results):
    client = client_for(provincial_manager)
    assert ranking(client, level="organisation") == [(1, "Bưu điện tỉnh", 12), (2, "Hội Nông dân Chợ Gạo", 5)]
    assert ranking(client, level="point")[0] == (1, "Điểm bưu điện Mỹ Tho", 7)


def test_ranking_by_share_of_quota(client_for, provincial_manager, agents, results):
    agent_quotas_set(level="staff", owners=[agents.mai], year=2026, months=[3], metric="si_new", target=5, user=None)
    agent_quotas_set(level="staff", owners=[agents.lan], year=2026, months=[3], metric="si_new", target=14, user=None)
    rows = ranking(client_for(provincial_manager), by="percent")
    assert rows[:2] == [(1, "Nguyễn Thị Mai", 5), (2, "Trần Thị Lan", 7)]


def test_officers_rank_by_the_people_they_mobilised(client_for, provincial_manager, tree, first_payment):
    able = StaffFactory(unit=tree.district, full_name="Phạm Văn Giỏi")
    other = StaffFactory(unit=tree.other_district, full_name="Huỳnh Thị Chăm")
    far = StaffFactory(unit=tree.other_province, full_name="Ngô Quốc Xa")
    for officer, count in ((able, 3), (other, 1), (far, 8)):
        for _ in range(count):
            first_payment(officer.unit.children.first() or tree.far_commune, date(2026, 3, 5),
                          mobilised_by_staff=officer)
    assert ranking(client_for(provincial_manager), level="officer") == [
        (1, "Phạm Văn Giỏi", 3), (2, "Huỳnh Thị Chăm", 1)]


def test_the_leaderboard_exports(client_for, provincial_manager, results):
    client = client_for(provincial_manager)
    assert "Trần Thị Lan" in client.get("/agents/leaderboard/", {**PERIOD, "_export": "csv"}).content.decode()
    xlsx = client.get("/agents/leaderboard/", {**PERIOD, "_export": "xlsx"})
    assert xlsx["Content-Type"].startswith("application/vnd.openxmlformats")


def test_agent_staff_compare_within_their_organisation(client_for, agent_user, results):
    names = [name for _rank, name, _new in ranking(client_for(agent_user))]
    assert names == ["Trần Thị Lan", "Nguyễn Thị Mai"]
    assert client_for(agent_user).get("/agents/leaderboard/", {**PERIOD, "level": "officer"}).context[
        "table"].data.data == []


def test_a_period_ending_before_it_starts_is_refused(client_for, provincial_manager, results):
    response = client_for(provincial_manager).get("/agents/leaderboard/", {"start": "2026-04-01", "end": "2026-03-01"})
    assert "Ngày kết thúc kỳ trước ngày bắt đầu" in response.content.decode()


def test_the_period_is_typed_and_shown_as_day_month_year(client_for, provincial_manager, results):
    client = client_for(provincial_manager)
    assert ranking(client, start="01/03/2026", end="31/03/2026")[0] == (1, "Trần Thị Lan", 7)
    body = client.get("/agents/leaderboard/").content.decode()
    assert 'name="start" value="01/01/' in body and 'type="date"' not in body
