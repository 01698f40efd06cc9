import datetime

import pytest
from playwright.sync_api import expect

from tests.e2e.conftest import open_from_menu
from tests.progress_factories import full_board

pytestmark = pytest.mark.e2e

LATEST = datetime.date(2026, 11, 30)
EARLIER = datetime.date(2026, 10, 31)


@pytest.fixture
def boards(tree):
    for day in (EARLIER, LATEST):
        full_board(tree.province, day, actual=18_816 if day == LATEST else 15_000,
                   children=[tree.district, tree.other_district])
        full_board(tree.district, day, actual=9_000, plan_initial=8_000, plan_in_force=8_500, phased=8_800,
                   children=[tree.commune])
        full_board(tree.commune, day, actual=2_100, plan_initial=2_000, plan_in_force=2_000, phased=2_050,
                   children=[tree.village])


def charts_rendered(page):
    # Waited for with locators: a JavaScript predicate would be evaluated as a string, which the
    # Content-Security-Policy forbids.
    charts = page.locator("[data-chart]")
    expect(charts.first).to_be_attached()
    for index in range(charts.count()):
        expect(charts.nth(index)).to_have_attribute("data-rendered", "1", timeout=30_000)
    return page.locator("[data-chart] .main-svg").count()


def test_it_opens_the_dashboard_drills_down_and_goes_back_in_time(page, log_in, provincial_manager, tree, boards,
                                                                   live_server):
    log_in(page, provincial_manager)
    open_from_menu(page, "dashboard_home")
    assert page.locator("h1").inner_text() == "Tỉnh Đồng Tháp"
    assert charts_rendered(page) >= 7
    assert page.locator("[data-figure=actual]").inner_text() == "18.816"
    page.screenshot(path="/tmp/dashboard-province.png", full_page=True)

    bar = page.locator("#chart-children .bars .point").last
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()  # the best district, drawn at the top
    page.mouse.click(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)
    page.wait_for_url(f"**/dashboards/{tree.district.pk}/**")
    assert page.locator("h1").inner_text() == "BHXH cơ sở huyện Chợ Gạo"
    charts_rendered(page)

    page.locator("#children tbody tr", has_text="Xã Chợ Gạo").click()
    page.wait_for_url(f"**/dashboards/{tree.commune.pk}/**")
    assert page.locator("h1").inner_text() == "Xã Chợ Gạo"
    assert page.locator("[data-figure=actual]").inner_text() == "2.100"
    charts_rendered(page)

    page.fill("input[name=date]", "2026-11-15")
    page.click("#dashboard-query button[type=submit]")
    page.wait_for_url("**date=2026-11-15**")
    assert "31/10/2026" in page.locator("#shown-date").inner_text()
    charts_rendered(page)
    assert page.console_errors == []


def test_it_fits_a_phone(phone_page, log_in, provincial_manager, tree, boards, live_server):
    log_in(phone_page, provincial_manager)
    phone_page.goto(f"{live_server.url}/dashboards/{tree.province.pk}/")
    charts_rendered(phone_page)
    phone_page.screenshot(path="/tmp/dashboard-phone.png", full_page=True)
    width = phone_page.evaluate("document.documentElement.scrollWidth")
    assert width <= 390
