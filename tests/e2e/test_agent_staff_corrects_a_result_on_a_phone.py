import pytest

from agents.models import CampaignResult
from tests.agents.conftest import agent_user, agents  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


def test_agent_staff_correct_a_mistyped_count_at_390_px(phone_page, log_in, agent_user, agents, live_server):
    page = phone_page
    log_in(page, agent_user)
    page.goto(f"{live_server.url}/field/")
    for _ in range(3):
        page.tap("button[data-for=id_new_si][data-step='1']")
    page.locator("#save-result").tap()
    page.locator(".messages").wait_for()
    assert page.locator("#quota-counted").inner_text() == "3"

    page.locator("#today a.correct").tap()
    page.wait_for_load_state()
    page.tap("button[data-for=id_new_si][data-step='-1']")
    page.tap("button[data-for=id_new_si][data-step='-1']")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("#save-correction").tap()
    page.wait_for_load_state()
    assert "Đã sửa báo cáo ngày" in page.locator(".messages").inner_text()
    assert page.locator("#quota-counted").inner_text() == "1"  # replaced, not added
    assert list(CampaignResult.objects.values_list("new_si", flat=True)) == [1]
