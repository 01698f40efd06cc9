import pytest
from django.utils import timezone

from agents.models import Campaign, CampaignResult, CampaignType
from tests.agents.conftest import agent_user, agents  # noqa: F401 (fixtures)

pytestmark = pytest.mark.e2e


@pytest.fixture
def mobilisation_day(tree, agents):
    today = timezone.localdate()
    campaign = Campaign.objects.create(name="Ngày ra quân BHXH tự nguyện", campaign_type=CampaignType.MOBILISATION_DAY,
                                       unit=tree.province, starts_on=today, ends_on=today, target_si=50)
    campaign.agents.set([agents.mai])
    return campaign


def test_agent_staff_log_their_mobilisation_day_at_390_px(phone_page, log_in, agent_user, agents, tree,
                                                          mobilisation_day, live_server):
    page = phone_page
    log_in(page, agent_user)
    page.goto(f"{live_server.url}/field/")
    campaign = page.locator("#id_campaign")
    assert campaign.input_value() == str(mobilisation_day.pk)  # the campaign they take part in, chosen already
    assert campaign.bounding_box()["width"] <= 390
    for _ in range(2):
        page.tap("button[data-for=id_households_visited][data-step='1']")
    page.tap("button[data-for=id_attendees][data-step='1']")
    page.tap("button[data-for=id_new_si][data-step='1']")
    page.tap("button[data-for=id_new_hi][data-step='1']")
    page.fill("#id_notes", "Ấp Bình Thạnh, hội trường ấp")
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
    page.locator("#save-result").tap()
    page.locator(".messages").wait_for()
    assert "Đã lưu: 2 hộ, 1 người tham gia mới." in page.locator(".messages").inner_text()
    assert "Ngày ra quân BHXH tự nguyện" in page.locator("#today").inner_text()
    result = CampaignResult.objects.get()
    assert (result.campaign, result.attendees, result.new_si, result.new_hi, result.notes) == (
        mobilisation_day, 1, 1, 1, "Ấp Bình Thạnh, hội trường ấp")
