from datetime import date

import pytest

from agents.models import AgentStaff, ContractReview

pytestmark = pytest.mark.django_db


def flag(agent, decision=""):
    return ContractReview.objects.create(agent=agent, period_end=date(2026, 11, 1), decision=decision,
                                         months=[["2026-11", 0, 3.0, 0.0]])


def test_the_review_list_counts_flagged_staff_per_organisation_and_point(client_for, provincial_manager, agents):
    AgentStaff.objects.create(full_name="Phạm Văn Tú", point=agents.post_point)
    flag(agents.mai), flag(agents.lan), flag(agents.hung, decision="keep"), flag(agents.quan)
    response = client_for(provincial_manager).get("/agents/reviews/")
    flagged = [(o.name, o.flagged, o.active, [(p.name, p.flagged, p.active) for p in o.points])
               for o in response.context["flagged"]]
    assert flagged == [("Bưu điện tỉnh", 2, 3, [("Điểm bưu điện Chợ Gạo", 1, 2), ("Điểm bưu điện Mỹ Tho", 1, 1)])]
    assert "Chờ quyết định theo tổ chức và điểm thu" in response.content.decode()


def test_a_district_counts_only_its_points(client_for, district_staff, agents):
    flag(agents.mai), flag(agents.lan)
    flagged = client_for(district_staff).get("/agents/reviews/").context["flagged"]
    assert [(o.name, o.flagged, [p.name for p in o.points]) for o in flagged] == [
        ("Bưu điện tỉnh", 1, ["Điểm bưu điện Chợ Gạo"])]
