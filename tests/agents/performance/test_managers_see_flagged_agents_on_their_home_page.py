import datetime

import pytest

from agents.models import ContractReview

pytestmark = pytest.mark.django_db


def test_flagged_agent_staff_wait_on_the_managers_home_page(client_for, provincial_manager, make_user, agents, tree):
    ContractReview.objects.create(agent=agents.mai, period_end=datetime.date(2026, 10, 1))
    ContractReview.objects.create(agent=agents.quan, period_end=datetime.date(2026, 10, 1))  # another province
    page = client_for(provincial_manager).get("/").content.decode()
    flagged = page.split('id="flagged-agents"')[1].split("</section>")[0]
    assert "Nguyễn Thị Mai" in flagged and "Đỗ Minh Quân" not in flagged
    assert 'href="/agents/reviews/"' in flagged or "/reviews/" in flagged


def test_agent_staff_land_on_their_phone_page(client_for, agent_user):
    response = client_for(agent_user).get("/")
    assert response.status_code == 302 and response.url == "/field/"
