from pathlib import Path

import pytest
from playwright.sync_api import sync_playwright

CHROMIUM = "/usr/bin/chromium"
CHROMIUM_ARGS = [
    "--headless", "--no-sandbox", "--disable-gpu", "--disable-background-networking",
    "--disable-component-update", "--disable-sync", "--no-first-run", "--disable-quic",
]
PASSWORD = "secret-pass-123"  # what tests.factories.UserFactory sets


@pytest.fixture(scope="session")
def browser():
    with sync_playwright() as playwright:
        browser = playwright.chromium.launch(executable_path=CHROMIUM, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


def _watched_page(browser, **options):
    """A page in its own context that records console errors and uncaught exceptions."""
    context = browser.new_context(locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", **options)
    page = context.new_page()
    page.console_errors = []
    page.on("console", lambda message: message.type == "error" and page.console_errors.append(message.text))
    page.on("pageerror", lambda error: page.console_errors.append(str(error)))
    return context, page


@pytest.fixture
def page(browser):
    context, page = _watched_page(browser)
    yield page
    context.close()


@pytest.fixture
def phone_page(browser):
    context = browser.new_context(
        locale="vi-VN", timezone_id="Asia/Ho_Chi_Minh", viewport={"width": 390, "height": 844},
        is_mobile=True, has_touch=True,
    )
    page = context.new_page()
    yield page
    context.close()


@pytest.fixture
def log_in(live_server):
    def log_in_as(page, user, password=PASSWORD):
        page.goto(f"{live_server.url}/accounts/login/")
        page.fill("#id_username", user.username)
        page.fill("#id_password", password)
        page.click("#login-form button[type=submit]")
        page.wait_for_load_state()
        return page

    return log_in_as


def open_from_menu(page, nav_name):
    """Open a page from the header: its menu first, then the item (on a phone, the ☰ first)."""
    if page.locator("label.menu-button").is_visible():
        page.click("label.menu-button")
    group = page.locator(f"nav.menu details:has([data-nav='{nav_name}'])")
    if group.count():
        group.locator("summary").click()
    page.click(f"nav.menu [data-nav='{nav_name}']")


SCREENSHOTS = Path(__file__).resolve().parent / "screenshots"


def screenshot(page, name):
    """Saved for CI to keep as an artifact (tests/e2e/screenshots/ is not in git)."""
    SCREENSHOTS.mkdir(exist_ok=True)
    page.screenshot(path=str(SCREENSHOTS / f"{name}.png"), full_page=True)


@pytest.fixture
def desktop_page(browser):
    context, page = _watched_page(browser, viewport={"width": 1366, "height": 768})
    yield page
    context.close()
