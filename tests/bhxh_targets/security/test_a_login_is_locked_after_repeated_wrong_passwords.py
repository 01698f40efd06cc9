"""Five wrong passwords lock that login from that address for a while; an administrator can unlock it."""

import pytest
from axes.models import AccessAttempt, AccessFailureLog, AccessLog
from django.core.management import call_command

from enrollment.models import Role

pytestmark = pytest.mark.django_db
PASSWORD = "secret-pass-123"  # tests.factories.UserFactory
LOCKED = "Đăng nhập sai quá nhiều lần: tài khoản này bị tạm khóa 15 phút."


@pytest.fixture(autouse=True)
def fast_hashing(settings):
    settings.PASSWORD_HASHERS = ["django.contrib.auth.hashers.MD5PasswordHasher"]


def log_in(client, username, password, address="10.1.2.3"):
    return client.post("/accounts/login/", {"username": username, "password": password}, REMOTE_ADDR=address)


def test_the_right_password_is_refused_after_five_wrong_ones(client, district_staff):
    for _ in range(4):
        assert log_in(client, district_staff.username, "wrong-password").status_code == 200
    assert LOCKED in log_in(client, district_staff.username, "wrong-password").content.decode()
    response = log_in(client, district_staff.username, PASSWORD)
    assert response.status_code == 429
    body = response.content.decode()
    assert LOCKED in body and 'id="login-form"' in body
    assert "_auth_user_id" not in client.session


def test_four_wrong_passwords_do_not_lock(client, district_staff):
    for _ in range(4):
        log_in(client, district_staff.username, "wrong-password")
    assert log_in(client, district_staff.username, PASSWORD).status_code == 302


def test_failed_logins_are_recorded(client, district_staff):
    for _ in range(3):
        log_in(client, district_staff.username, "wrong-password")
    attempt = AccessAttempt.objects.get(username=district_staff.username)
    assert (attempt.failures_since_start, attempt.ip_address) == (3, "10.1.2.3")
    assert AccessFailureLog.objects.filter(username=district_staff.username).count() == 3
    log_in(client, district_staff.username, PASSWORD)
    assert AccessLog.objects.filter(username=district_staff.username).exists()


def test_the_lock_is_for_that_login_from_that_address(client, make_user, tree, district_staff):
    for _ in range(5):
        log_in(client, district_staff.username, "wrong-password")
    colleague = make_user(Role.DISTRICT_STAFF, tree.district)
    assert log_in(client, colleague.username, PASSWORD).status_code == 302
    client.logout()
    assert log_in(client, district_staff.username, PASSWORD, address="10.9.9.9").status_code == 302


def test_an_administrator_unlocks_the_login(client, district_staff):
    for _ in range(5):
        log_in(client, district_staff.username, "wrong-password")
    assert log_in(client, district_staff.username, PASSWORD).status_code == 429
    call_command("axes_reset_username", district_staff.username)
    assert log_in(client, district_staff.username, PASSWORD).status_code == 302


def test_the_attempts_are_in_the_admin(client_for, national_admin, district_staff, client):
    for _ in range(5):
        log_in(client, district_staff.username, "wrong-password")
    admin = client_for(national_admin)
    page = admin.get("/admin/axes/accessattempt/").content.decode()
    assert district_staff.username in page
    attempt = AccessAttempt.objects.get()
    response = admin.post(f"/admin/axes/accessattempt/{attempt.pk}/delete/", {"post": "yes"})
    assert response.status_code == 302 and not AccessAttempt.objects.exists()


def test_behind_the_proxy_the_lock_is_for_the_clients_address(client, district_staff, settings):
    settings.AXES_CLIENT_IP_CALLABLE = "bhxh_targets.login_lockout.client_address"
    settings.TRUSTED_PROXY_COUNT = 1
    for _ in range(5):  # what the client writes into the header itself is ignored
        client.post("/accounts/login/", {"username": district_staff.username, "password": "wrong-password"},
                    REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="1.1.1.1, 10.1.2.3")
    assert AccessAttempt.objects.get().ip_address == "10.1.2.3"
    locked = client.post("/accounts/login/", {"username": district_staff.username, "password": PASSWORD},
                         REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.1.2.3")
    other_office = client.post("/accounts/login/", {"username": district_staff.username, "password": PASSWORD},
                               REMOTE_ADDR="127.0.0.1", HTTP_X_FORWARDED_FOR="10.7.7.7")
    assert (locked.status_code, other_office.status_code) == (429, 302)
