import pytest
from playwright.sync_api import expect

from enrollment.models import Metric
from enrollment.plans.selectors.plans import plan_in_force
from enrollment.plans.services.versions import plan_version_create
from tests.e2e.conftest import open_from_menu

pytestmark = pytest.mark.e2e


def test_a_provincial_manager_allocates_the_provinces_plan_in_the_grid(page, log_in, provincial_manager, tree,
                                                                       live_server):
    plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW, target=1000,
                        document_number="120/QĐ-BHXH")
    log_in(page, provincial_manager)
    open_from_menu(page, "plans_home")
    expect(page.locator("h1")).to_contain_text("Kế hoạch 2026")
    page.goto(f"{live_server.url}/plans/{tree.province.pk}/?year=2026&metric=si_new")
    assert "1.000" in page.locator("#plan-in-force").inner_text()
    expect(page.locator("#phasing-chart .main-svg").first).to_be_visible()  # plotly drew the phasing
    page.click("#open-allocation")
    assert page.locator("h1").inner_text() == "Phân bổ kế hoạch 2026 · Tỉnh Đồng Tháp"

    page.fill("tr[data-unit='815'] .grid-input", "400")
    page.fill("tr[data-unit='822'] .grid-input", "500")
    assert page.locator("#allocated-total").inner_text() == "900"
    assert page.locator("#allocation-state-label").inner_text() == "giao thiếu"
    page.fill("tr[data-unit='822'] .grid-input", "700")
    assert page.locator("#allocation-state-label").inner_text() == "giao vượt"
    assert page.locator("#allocated-difference").inner_text() == "100"
    page.fill("tr[data-unit='822'] .grid-input", "600")
    assert page.locator("#allocation-state-label").inner_text() == "giao đủ"
    assert page.locator("tr[data-unit='822'] .share").inner_text() == "60,0%"

    page.click("#save-draft")
    expect(page.locator("#allocation-status")).to_have_text("Dự thảo (phân bổ lần 1)")
    expect(page.locator(".messages")).to_contain_text("Đã lưu dự thảo phân bổ.")
    page.click("#approve")
    expect(page.locator("#approval-state")).to_contain_text("giao đủ")
    page.fill("#id_document_number", "121/QĐ-BHXH")
    page.fill("#id_document_date", "20/01/2026")
    page.click("#confirm-approval")
    expect(page.locator("#allocation-status")).to_have_text("Đã duyệt (phân bổ lần 1)")
    expect(page.locator(".messages")).to_contain_text("Đã duyệt phân bổ")
    assert plan_in_force(tree.district, 2026, Metric.SI_NEW).target == 600

    page.click("#allocation-grid >> text=BHXH cơ sở huyện Chợ Gạo")
    expect(page.locator("#plan-in-force")).to_have_text("600")
    assert page.console_errors == []


def test_a_bad_figure_is_marked_and_nothing_is_saved(page, log_in, provincial_manager, tree, live_server):
    plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW, target=1000)
    log_in(page, provincial_manager)
    page.goto(f"{live_server.url}/plans/{tree.province.pk}/allocation/?year=2026&metric=si_new")
    page.fill("tr[data-unit='815'] .grid-input", "bốn trăm")
    page.fill("tr[data-unit='822'] .grid-input", "600")
    assert "invalid" in page.locator("tr[data-unit='815'] .grid-input").get_attribute("class")
    page.click("#save-draft")
    expect(page.locator(".messages")).to_contain_text("Không có gì được lưu.")
    errors = page.locator(".messages").inner_text()
    assert "Dòng 1 (815 BHXH cơ sở thành phố Mỹ Tho), cột Chỉ tiêu: “bốn trăm” không phải là số" in errors
    assert "Không có gì được lưu." in errors
    assert page.locator("#allocation-status").inner_text() == "Chưa phân bổ"


def test_the_grid_fills_by_rule_and_adds_up(page, log_in, provincial_manager, tree, live_server):
    plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW, target=1001)
    log_in(page, provincial_manager)
    page.goto(f"{live_server.url}/plans/{tree.province.pk}/allocation/?year=2026&metric=si_new")
    page.select_option("#rule-form select[name=rule]", "equal")
    page.click("#rule-form button[type=submit]")
    expect(page.locator("#allocation-status")).to_have_text("Dự thảo (phân bổ lần 1)")
    assert page.locator("#allocated-total").inner_text() == "1.001"
    assert page.locator("#allocation-state-label").inner_text() == "giao đủ"
    values = sorted(page.locator(".grid-input").evaluate_all("inputs => inputs.map(i => i.value)"))
    assert values == ["500", "501"]
