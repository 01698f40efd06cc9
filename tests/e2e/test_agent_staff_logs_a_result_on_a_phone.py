import pytest

from agents.models import CampaignResult
from tests.agents.conftest import agent_user, agents  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


def test_agent_staff_log_a_day_in_a_few_taps_at_390_px(phone_page, log_in, agent_user, agents, tree, live_server):
    page = phone_page
    log_in(page, agent_user)
    page.goto(f"{live_server.url}/field/")
    assert page.locator("h1").inner_text() == "Nguyễn Thị Mai"
    for _ in range(3):
        page.tap("button[data-for=id_households_visited][data-step='1']")
    page.tap("button[data-for=id_people_consulted][data-step='1']")
    page.tap("button[data-for=id_new_si][data-step='1']")
    page.tap("button[data-for=id_new_si][data-step='1']")
    page.tap("button[data-for=id_new_si][data-step='-1']")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    save = page.locator("#save-result")
    box = save.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 300  # a thumb hits it
    save.tap()
    page.wait_for_load_state()
    assert "Đã lưu: 3 hộ, 1 người tham gia mới." in page.locator(".messages").inner_text()
    assert "3 hộ, 1 người được tư vấn, 1 BHXH TN mới" in page.locator("#today").inner_text()
    assert page.locator("#quota-counted").inner_text() == "1"
    result = CampaignResult.objects.get()
    assert (result.agent, result.commune, result.households_visited, result.new_si) == (agents.mai, tree.commune, 3, 1)


def test_a_retry_after_a_lost_connection_records_once(phone_page, log_in, agent_user, agents, live_server):
    page = phone_page
    log_in(page, agent_user)
    page.goto(f"{live_server.url}/field/")
    lost = []

    def connection_drops_after_the_server_got_it(route):
        if route.request.method == "POST" and not lost:
            lost.append(route.fetch())  # the server records it, the phone never hears back
            route.abort("connectionreset")
        else:
            route.continue_()

    page.route("**/field/", connection_drops_after_the_server_got_it)
    page.tap("button[data-for=id_households_visited][data-step='1']")
    page.locator("#save-result").tap()
    page.locator("#send-status.error").wait_for()
    assert "Chưa gửi được" in page.locator("#send-status").inner_text()
    assert CampaignResult.objects.count() == 1

    page.locator("#save-result").tap()  # the same form again
    page.locator(".messages").wait_for()
    assert "không ghi hai lần" in page.locator(".messages").inner_text()
    assert CampaignResult.objects.count() == 1


def test_agent_staff_name_a_new_enrollee_at_390_px(phone_page, log_in, agent_user, agents, tree, live_server):
    from agents.models import ResultEnrollee

    page = phone_page
    log_in(page, agent_user)
    page.goto(f"{live_server.url}/field/")
    page.tap("button[data-for=id_new_si][data-step='1']")
    page.locator("#add-enrollee").tap()
    page.locator("#id_enrollee-0-full_name").fill("Phạm Văn Tư")
    page.locator("#id_enrollee-0-personal_id").fill("082085000777")
    page.locator("#id_enrollee-0-phone").fill("0912000111")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("#save-result").tap()
    page.wait_for_load_state()
    assert "Đã lưu" in page.locator(".messages").inner_text()
    assert "Phạm Văn Tư" in page.locator("#today").inner_text()
    enrollee = ResultEnrollee.objects.get()
    assert (enrollee.full_name, enrollee.personal_id, enrollee.kind, enrollee.result.new_si) == (
        "Phạm Văn Tư", "082085000777", "si", 1)
