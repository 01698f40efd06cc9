"""A NUL or another control character typed (or pasted) into a search box gets a message, not an error page.

PostgreSQL refuses NUL in a query: the text must never reach it."""

import pytest

from enrollment.models import Role

pytestmark = pytest.mark.django_db
MESSAGE = "Nội dung tìm kiếm có ký tự điều khiển; hãy gõ lại mà không có chúng."


@pytest.mark.parametrize("url", ["/units/?q=%00", "/units/?q=Ch%E1%BB%A3%00G%E1%BA%A1o", "/units/?q=%1B",
                                 "/units/{commune}/?q=%00", "/agents/staff/?q=%00", "/participants/?q=%00"])
def test_the_search_answers_with_a_message(client_for, make_user, tree, url):
    manager = make_user(Role.PROVINCIAL_MANAGER, tree.province)
    response = client_for(manager).get(url.format(commune=tree.commune.pk), follow=True)
    assert response.status_code == 200
    assert MESSAGE in response.content.decode()


def test_a_national_administrator_too(client_for, national_admin, tree):
    response = client_for(national_admin).get("/units/?q=%00")
    assert response.status_code == 200 and MESSAGE in response.content.decode()


def test_an_ordinary_search_still_finds(client_for, provincial_manager, tree):
    response = client_for(provincial_manager).get("/units/?q=cho gao", follow=True)
    assert "Xã Chợ Gạo" in response.content.decode() and MESSAGE not in response.content.decode()


def test_a_campaign_type_with_a_nul_lists_every_campaign(client_for, provincial_manager, tree):
    assert client_for(provincial_manager).get("/agents/campaigns/?type=%00").status_code == 200
