"""A new password must be at least 10 characters, not like the login, not common, not only digits."""

import pytest

pytestmark = pytest.mark.django_db
PASSWORD = "secret-pass-123"  # tests.factories.UserFactory


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def change(client, new):
    return client.post("/accounts/password/", {"old_password": PASSWORD, "new_password1": new, "new_password2": new})


@pytest.mark.parametrize("new, words", [
    ("Xq7#pLm2v", "Mật khẩu này quá ngắn: phải có ít nhất 10 ký tự."),  # 9 characters
    ("4815162342", "Mật khẩu này hoàn toàn là số."),
    ("password123", "Mật khẩu này quá phổ biến"),
])
def test_a_weak_password_is_refused(client_for, district_staff, new, words):
    response = change(client_for(district_staff), new)
    assert response.status_code == 200 and words in response.content.decode()
    district_staff.refresh_from_db()
    assert district_staff.check_password(PASSWORD)


def test_a_password_like_the_login_is_refused(client_for, make_user, tree):
    user = make_user("district_staff", tree.district, username="nguyenvanan2026")
    response = change(client_for(user), "nguyenvanan2026")
    assert "Mật khẩu quá giống với" in response.content.decode()


def test_a_strong_password_is_taken(client_for, district_staff):
    response = change(client_for(district_staff), "Ca-mau-mua-lu-2026")
    assert response.status_code == 302
    district_staff.refresh_from_db()
    assert district_staff.check_password("Ca-mau-mua-lu-2026")
