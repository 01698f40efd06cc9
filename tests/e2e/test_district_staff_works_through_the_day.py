import pytest
from django.utils import timezone
from playwright.sync_api import expect

from enrollment.models import ImportJob, Outcome, PaymentMethod, RenewalOutcome, Unit
from enrollment.register.services.participants import payment_record
from enrollment.shared.months import add_months, first_of_month
from tests.e2e.conftest import screenshot
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.e2e


def _due(tree, names):
    last_month = add_months(first_of_month(timezone.localdate()), -1)
    people = []
    for name in names:
        person = ParticipantFactory(commune=tree.commune, full_name=name)
        payment_record(participant=person, paid_on=last_month, method=PaymentMethod.MONTHLY, monthly_income=1_500_000,
                       period_start=last_month)
        people.append(person)
    return people


def test_district_staff_enter_work_renewals_in_place_and_import_after_a_check(
        desktop_page, log_in, district_staff, tree, live_server, eager_tasks, tmp_path):
    page = desktop_page
    people = _due(tree, [f"Người đến hạn {n:02d}" for n in range(30)])
    log_in(page, district_staff)
    expect(page.locator("#entry-shortcuts")).to_be_visible()
    screenshot(page, "district-home")

    page.click("#enter-participant")
    expect(page).to_have_url(f"{live_server.url}/participants/new/")
    page.go_back()

    page.click("#open-worklist")
    expect(page.locator("#renewals")).to_be_visible()
    assert "chưa liên hệ" in page.locator("#renewals").inner_text()
    target = people[25]
    row = page.locator(f"#outcome-{target.pk}")
    row.scroll_into_view_if_needed()
    page.evaluate("window.stillTheSamePage = true")
    scrolled = page.evaluate("window.scrollY")
    assert scrolled > 0
    row.locator("button.outcome-unreachable").click()
    expect(page.locator(f"#outcome-{target.pk} .saved")).to_be_visible()
    expect(page.locator(f"#outcome-{target.pk}")).to_contain_text("Không liên lạc được")
    assert page.evaluate("window.stillTheSamePage === true")  # no reload
    assert abs(page.evaluate("window.scrollY") - scrolled) < 5  # nor a jump to the top
    assert RenewalOutcome.objects.get(participant=target).outcome == Outcome.UNREACHABLE
    screenshot(page, "district-worklist")

    upload = tmp_path / "thon-moi.csv"
    upload.write_text("Mã xã,Tên thôn/ấp\n28594,Ấp Tân Lập\n", encoding="utf-8")
    page.goto(f"{live_server.url}/imports/new/villages/")
    page.set_input_files("input[type=file]", str(upload))
    page.check("input[name=dry_run]")
    page.click("main form button[type=submit]")
    expect(page.locator("#import-now")).to_be_visible()
    assert not Unit.objects.filter(name="Ấp Tân Lập").exists()
    screenshot(page, "district-import-checked")
    page.click("#import-now")
    expect(page.locator("#job-status")).to_have_text("Hoàn tất")
    assert Unit.objects.filter(name="Ấp Tân Lập", parent=tree.commune).count() == 1
    assert ImportJob.objects.filter(dry_run=False).count() == 1
    page.goto(f"{live_server.url}/imports/")
    expect(page.locator(".dry-run")).to_have_text("Chỉ kiểm tra")
    assert page.console_errors == []
