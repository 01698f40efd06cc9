import datetime
import re

import pytest
from django.utils import timezone
from playwright.sync_api import expect

from enrollment.models import Allocation, Metric, PlanChange, PlanStatus, ProgressMetric
from enrollment.plans.selectors.plans import plan_in_force
from enrollment.plans.services.allocation import allocation_save
from enrollment.plans.services.versions import plan_version_create
from tests.e2e.conftest import screenshot
from tests.progress_factories import snapshot

pytestmark = pytest.mark.e2e


def test_a_manager_goes_from_home_to_the_units_behind_and_approves_a_draft_safely(
        desktop_page, log_in, provincial_manager, district_staff, tree, live_server):
    page = desktop_page
    today = timezone.localdate()
    snapshot(tree.province, today - datetime.timedelta(days=1), 1_180, plan_initial=2_000, phased=1_300)
    snapshot(tree.province, today, 1_200, plan_initial=2_000, phased=1_300)
    snapshot(tree.district, today, 400, plan_initial=1_000, phased=650)
    snapshot(tree.other_district, today, 800, plan_initial=1_000, phased=650)
    for metric, people in ((ProgressMetric.RENEWALS_DUE, 100), (ProgressMetric.RENEWALS_PAID, 60),
                           (ProgressMetric.RENEWALS_PROMISED, 15), (ProgressMetric.RENEWALS_LAPSED, 5)):
        snapshot(tree.district, today, people, metric=metric)
    plan_version_create(user=provincial_manager, unit=tree.district, year=today.year, metric=Metric.SI_NEW,
                        target=100, document_number="100/QĐ-BHXH", document_date=datetime.date(today.year, 1, 10))
    allocation_save(user=district_staff, unit=tree.district, year=today.year, metric=Metric.SI_NEW,
                    targets={tree.commune.pk: 466})

    log_in(page, provincial_manager)
    expect(page.locator("h1")).to_have_text("Việc cần làm hôm nay")
    assert page.locator("header.topbar").bounding_box()["height"] <= 60  # the header is one line at 1366 px
    assert "+20 so với hôm trước" in page.locator("#key-figures").inner_text()
    screenshot(page, "manager-home")

    page.click("#units-behind >> text=BHXH cơ sở huyện Chợ Gạo")  # the worst unit, drilled down
    expect(page.locator("h1")).to_contain_text("BHXH cơ sở huyện Chợ Gạo")
    # 400 against 650 phased: red at a glance, and the gap in words.
    expect(page.locator("#key-figures .figure.lead")).to_have_class(re.compile(r"\btone-red\b"))
    expect(page.locator("#key-figures [data-figure=standing]")).to_have_text("Chậm kế hoạch")
    expect(page.locator("#key-figures [data-figure=gap]")).to_have_text("Thiếu 250")
    # Renewals of the month: one bar of paid again / promised / stopped / still unpaid.
    renewals = page.locator("#chart-renewals")
    expect(renewals.locator(".barlayer .trace")).to_have_count(4)
    for word in ("Đã đóng tiếp", "Hẹn đóng", "Dừng đóng", "Chưa đóng"):
        expect(renewals.locator(".legendtext", has_text=word)).to_have_count(1)
    expect(renewals.locator(".barlayer .trace").last.locator("text")).to_have_text("20")  # 100 − 60 − 15 − 5
    # The chart toolbar speaks Vietnamese.
    renewals.hover()
    expect(renewals.locator(".modebar-btn").first).to_have_attribute("data-title", "Tải biểu đồ về dạng PNG")
    screenshot(page, "manager-drill-down")

    page.click(".breadcrumbs a >> text=Tỉnh Đồng Tháp")  # the province: who is behind, coloured
    behind = page.locator("#who-is-behind")
    expect(behind.locator("tr[data-standing=red]")).to_contain_text("BHXH cơ sở huyện Chợ Gạo")
    expect(behind.locator("tr[data-standing=green]")).to_contain_text(tree.other_district.name)
    expect(behind.locator("tr[data-standing=red]")).to_contain_text("Thiếu 250")
    expect(behind.locator("tr[data-standing=green]")).to_contain_text("Vượt 150")
    bars = page.locator("#chart-children .point path")
    expect(bars).to_have_count(2)
    assert "rgb(179, 38, 30)" in bars.first.get_attribute("style")  # the worst, drawn at the bottom: red
    assert "rgb(30, 123, 52)" in bars.last.get_attribute("style")
    screenshot(page, "manager-province-at-a-glance")

    page.goto(f"{live_server.url}/")
    page.click("#awaiting-approval >> text=Phân bổ của BHXH cơ sở huyện Chợ Gạo")
    expect(page.locator("#mismatch-warning")).to_contain_text("466")
    expect(page.locator("#largest-changes")).to_contain_text("+466")
    assert page.locator("#id_document_number").input_value() == ""  # never carried over
    page.fill("#id_document_number", "46/QĐ-BHXH")
    page.fill("#id_document_date", "02/02/2026")
    page.click("#confirm-approval")
    expect(page.locator("#approval-form .errorlist")).to_contain_text("hãy nêu lý do")
    assert Allocation.objects.get().status == PlanStatus.DRAFT
    screenshot(page, "manager-approval-refused")

    page.fill("#id_reason", "Xã nhận thêm chỉ tiêu của đợt ra quân")
    page.click("#confirm-approval")
    expect(page.locator("#allocation-status")).to_contain_text("Đã duyệt")
    assert plan_in_force(tree.commune, today.year, Metric.SI_NEW).target == 466
    assert PlanChange.objects.get(action="allocation_approved").reason == "Xã nhận thêm chỉ tiêu của đợt ra quân"
    screenshot(page, "manager-approved")
    # The refused form answers 400 on purpose, as every form with errors does; nothing else went wrong.
    assert [e for e in page.console_errors if "status of 400" not in e] == []
