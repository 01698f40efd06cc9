import pytest
from django.utils import timezone
from playwright.sync_api import expect

from agents.models import CampaignResult
from enrollment.models import Outcome, RenewalOutcome
from enrollment.shared.months import add_months, first_of_month
from tests.agents.conftest import agent_user, agents  # noqa: F401 (fixtures)
from tests.e2e.conftest import screenshot
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.e2e


def _due(commune, name, **links):
    """Someone due to pay again this month; `links` credit them to an agent (agents call their organisation's)."""
    from enrollment.register.services.participants import payment_record

    last_month = add_months(first_of_month(timezone.localdate()), -1)
    person = ParticipantFactory(commune=commune, full_name=name, phone="0909123456")
    payment_record(participant=person, paid_on=last_month, period_start=last_month, method="monthly",
                   monthly_income=2_000_000, **links)
    return person


def _in_view(page, selector):
    return page.evaluate(f"""(() => {{ const box = document.querySelector("{selector}").getBoundingClientRect();
        return box.top >= 0 && box.top < window.innerHeight; }})()""")


def test_an_agent_lands_on_the_phone_page_logs_records_a_renewal_and_deletes_with_confirmation(
        phone_page, log_in, agent_user, agents, tree, live_server):
    page = phone_page
    person = _due(tree.commune, "Người cần gọi lại", mobilised_by_agent=agents.mai)
    log_in(page, agent_user)
    expect(page).to_have_url(f"{live_server.url}/field/")  # landed on the phone page
    for selector in ("label.menu-button", ".lang button"):
        box = page.locator(selector).first.bounding_box()
        assert box["height"] >= 44 and box["width"] >= 44, selector
    screenshot(page, "agent-phone-landing")

    for _ in range(2):
        page.tap("button[data-for=id_households_visited][data-step='1']")
    page.locator("#save-result").tap()
    expect(page.locator("#today .messages")).to_contain_text("Đã lưu: 2 hộ")
    assert _in_view(page, "#today .messages")  # the confirmation and today's figures are in view
    assert CampaignResult.objects.count() == 1
    screenshot(page, "agent-phone-saved")

    cell = page.locator(f"#outcome-{person.pk}")
    cell.locator("input[name=promised_on]").fill("28/12/2099")
    cell.locator("button.outcome-promised").tap()
    expect(page.locator(f"#outcome-{person.pk} .saved")).to_be_visible()
    expect(page.locator(f"#outcome-{person.pk}")).to_contain_text("Hẹn đóng 28/12/2099")
    assert RenewalOutcome.objects.get(participant=person).outcome == Outcome.PROMISED
    screenshot(page, "agent-phone-renewal")

    correct = page.locator("#today .correct").first
    box = correct.bounding_box()
    assert box["height"] >= 44 and box["width"] >= 44
    correct.tap()
    page.locator("#delete-result").tap()
    expect(page.locator("h1")).to_have_text("Xóa báo cáo này?")
    assert CampaignResult.objects.count() == 1  # nothing deleted by the first tap
    screenshot(page, "agent-phone-delete-confirmation")
    page.locator("#confirm-delete").tap()
    expect(page.locator("#today .messages")).to_contain_text("Đã xóa báo cáo")
    assert CampaignResult.objects.count() == 0
    assert page.evaluate("document.documentElement.scrollWidth") <= 390
