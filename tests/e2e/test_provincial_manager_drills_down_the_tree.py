import pytest

from tests.e2e.conftest import open_from_menu

pytestmark = pytest.mark.e2e


def test_it_drills_from_province_to_village(page, log_in, provincial_manager, tree, live_server):
    log_in(page, provincial_manager)
    open_from_menu(page, "unit_browser")
    assert page.locator("h1").inner_text() == "Tỉnh Đồng Tháp"
    assert page.locator("#units").get_by_text("BHXH cơ sở thành phố Mỹ Tho").is_visible()

    page.click("text=BHXH cơ sở huyện Chợ Gạo")
    assert page.locator("h1").inner_text() == "BHXH cơ sở huyện Chợ Gạo"
    assert page.locator("#units").get_by_text("Phường Mỹ Tho").count() == 0

    page.click("#units >> text=Xã Chợ Gạo")
    assert page.locator("h1").inner_text() == "Xã Chợ Gạo"
    assert page.locator("#units").get_by_text("Ấp Bình Thạnh").is_visible()
    assert page.locator(".breadcrumbs").get_by_text("Tỉnh Đồng Tháp").is_visible()
    assert page.console_errors == []


def test_it_finds_a_commune_by_name_without_diacritics(page, log_in, provincial_manager, tree, live_server):
    log_in(page, provincial_manager)
    page.goto(f"{live_server.url}/units/{tree.province.pk}/")
    page.fill("input[name=q]", "my tho")
    page.press("input[name=q]", "Enter")
    assert page.locator("#units").get_by_text("Phường Mỹ Tho").is_visible()
    assert page.locator("#units").get_by_text("Xã Chợ Gạo").count() == 0


def test_a_district_user_sees_a_not_found_page_for_another_district(page, log_in, district_staff, tree, live_server):
    log_in(page, district_staff)
    response = page.goto(f"{live_server.url}/units/{tree.other_district.pk}/")
    assert response.status == 404
    assert "Không tìm thấy" in page.locator("h1").inner_text()
