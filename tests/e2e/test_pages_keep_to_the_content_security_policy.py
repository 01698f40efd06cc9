"""The pages users depend on run under the Content-Security-Policy without a single violation: no inline
script, no inline style, charts drawn by plotly from a stylesheet of its own."""

import datetime

import pytest
from playwright.sync_api import expect

from enrollment.models import Metric
from enrollment.plans.services.versions import plan_version_create
from tests.agents.conftest import agent_user, agents  # noqa: F401 (fixtures)
from tests.e2e.test_provincial_manager_reads_the_dashboard import charts_rendered
from tests.progress_factories import full_board

pytestmark = pytest.mark.e2e
WATCH_VIOLATIONS = """
window.cspViolations = [];
document.addEventListener("securitypolicyviolation", function (event) {
  window.cspViolations.push(event.violatedDirective + " " + event.blockedURI + " " + (event.sample || ""));
});
"""


def violations(page):
    found = page.evaluate("window.cspViolations")
    return found + [text for text in page.console_errors if "Content Security Policy" in text]


@pytest.fixture
def watched(page):
    page.context.add_init_script(WATCH_VIOLATIONS)
    return page


def test_the_manager_pages_and_charts_keep_to_the_policy(watched, log_in, provincial_manager, tree, live_server):
    page = watched
    full_board(tree.province, datetime.date(2026, 11, 30), children=[tree.district, tree.other_district])
    plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW, target=1000,
                        document_number="120/QĐ-BHXH")

    response = page.goto(f"{live_server.url}/accounts/login/")
    policy = response.headers["content-security-policy"]
    assert "script-src 'self'" in policy and "style-src 'self'" in policy and "unsafe-inline" not in policy
    assert violations(page) == [], violations(page)

    log_in(page, provincial_manager)
    assert page.url == f"{live_server.url}/"
    assert violations(page) == [], violations(page)

    page.goto(f"{live_server.url}/dashboards/{tree.province.pk}/")
    assert charts_rendered(page) >= 7
    bar = page.locator("#chart-children .bars .point").last
    bar.scroll_into_view_if_needed()
    box = bar.bounding_box()
    page.mouse.move(box["x"] + box["width"] / 2, box["y"] + box["height"] / 2)  # plotly's hover label
    expect(page.locator("#chart-children .hoverlayer .hovertext").first).to_be_visible()
    assert violations(page) == [], violations(page)

    page.goto(f"{live_server.url}/plans/{tree.province.pk}/?year=2026&metric=si_new")
    expect(page.locator("#phasing-chart .main-svg").first).to_be_visible()
    page.select_option("select[name=metric]", Metric.HI_HOUSEHOLD)  # submits its form without an inline handler
    page.wait_for_url(f"**metric={Metric.HI_HOUSEHOLD}**")
    assert violations(page) == [] and page.console_errors == []


def test_the_phone_page_keeps_to_the_policy(watched, log_in, agent_user, live_server):  # noqa: F811
    page = watched
    log_in(page, agent_user)
    page.goto(f"{live_server.url}/field/")
    assert page.locator("h1").inner_text() == "Nguyễn Thị Mai"
    page.locator("button[data-for=id_households_visited][data-step='1']").click()
    assert page.locator("#id_households_visited").input_value() == "1"
    assert violations(page) == [] and page.console_errors == []


def test_the_admin_keeps_to_the_policy(watched, log_in, national_admin, live_server):
    page = watched
    log_in(page, national_admin)
    for path in ("/admin/", "/admin/axes/accessattempt/", "/admin/enrollment/unit/add/"):
        page.goto(f"{live_server.url}{path}")
        assert violations(page) == [], path
