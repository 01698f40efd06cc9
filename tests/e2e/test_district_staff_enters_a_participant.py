import pytest
from playwright.sync_api import expect

from enrollment.models import Participant
from tests.e2e.conftest import open_from_menu
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.e2e


def test_the_contribution_shows_as_the_form_is_filled(page, log_in, district_staff, tree, live_server):
    log_in(page, district_staff)
    open_from_menu(page, "participant_list")
    page.click("text=Nhập người tham gia")
    page.wait_for_url("**/participants/new/")
    expect(page.locator("#id_personal_id")).to_be_focused()
    contribution = page.locator("#contribution")

    page.keyboard.type("082085012345")  # the ID field has the focus
    page.keyboard.press("Tab")
    page.keyboard.type("Nguyễn Văn An")
    page.keyboard.press("Tab")
    page.keyboard.type("15/04/1985")
    page.check("#id_sex_0")
    page.fill("#id_phone", "0912345678")
    page.select_option("#id_target_group", "farmer")
    page.select_option("#id_support_category", "poor")
    assert page.locator("#id_commune option").count() == 2  # the empty choice and the only commune in scope

    expect(contribution.locator("[data-amount=net]")).to_have_text("165.000")
    assert "159/2025" in contribution.locator("[data-amount=rule]").inner_text()
    assert page.locator("[data-row=months]").is_hidden()

    page.select_option("#id_method", "quarterly")
    expect(contribution.locator("[data-amount=net]")).to_have_text("495.000")
    assert contribution.locator("[data-amount=gross]").inner_text() == "990.000"
    assert contribution.locator("[data-amount=months]").inner_text() == "3"

    page.fill("#id_monthly_income", "900.000")
    expect(contribution.locator("[data-amount=error]")).to_contain_text("Thu nhập")
    page.fill("#id_monthly_income", "2.000.000")
    expect(contribution.locator("[data-amount=gross]")).to_have_text("1.320.000")

    with page.expect_navigation():
        page.click("#entry-form button[type=submit]")
    assert page.locator("h1").inner_text() == "Nguyễn Văn An", page.locator(".errorlist").all_inner_texts()
    assert page.locator("#payments").get_by_text("1.320.000").is_visible()
    assert page.locator("#next-due").inner_text() != "—"
    assert Participant.objects.get().paid_through is not None
    assert page.console_errors == []


def test_an_id_already_in_the_register_is_found_as_it_is_typed(page, log_in, district_staff, tree, live_server):
    person = ParticipantFactory(personal_id="082085099999", commune=tree.commune, full_name="Lê Thị Bé")
    log_in(page, district_staff)
    page.goto(f"{live_server.url}/participants/new/")
    page.keyboard.type("0820 8509 9999")
    page.locator("#lookup-open").wait_for()
    assert "Lê Thị Bé" in page.locator("#lookup-result").inner_text()
    page.click("#lookup-open")
    page.wait_for_url(f"**/participants/{person.pk}/")
    assert page.console_errors == []


def test_the_entry_form_fits_a_phone(phone_page, log_in, district_staff, tree, live_server):
    log_in(phone_page, district_staff)
    phone_page.goto(f"{live_server.url}/participants/new/")
    assert phone_page.evaluate("document.documentElement.scrollWidth") <= 390
