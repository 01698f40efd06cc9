"""Sessions last a working day from the last request, not from the login."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

pytestmark = pytest.mark.django_db
WORKING_DAY = datetime.timedelta(hours=8)


def ends_in(client):
    return Session.objects.get(session_key=client.session.session_key).expire_date - timezone.now()


def make_it_end_in(client, left):
    Session.objects.filter(session_key=client.session.session_key).update(expire_date=timezone.now() + left)


def test_a_request_renews_the_session_for_a_working_day(client_for, district_staff):
    assert settings.SESSION_COOKIE_AGE == WORKING_DAY.total_seconds()
    client = client_for(district_staff)
    make_it_end_in(client, datetime.timedelta(hours=1))  # seven hours after the login
    response = client.get("/")
    assert response.status_code == 200
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == WORKING_DAY.total_seconds()
    assert WORKING_DAY - datetime.timedelta(minutes=1) < ends_in(client) <= WORKING_DAY


def test_requests_close_together_do_not_write_the_session(client_for, district_staff):
    client = client_for(district_staff)
    make_it_end_in(client, WORKING_DAY - datetime.timedelta(minutes=4))
    for _ in range(3):
        assert settings.SESSION_COOKIE_NAME not in client.get("/").cookies
    assert ends_in(client) < WORKING_DAY - datetime.timedelta(minutes=3)


def test_a_session_longer_than_a_working_day_is_shortened(client_for, district_staff):
    client = client_for(district_staff)
    make_it_end_in(client, datetime.timedelta(days=14))  # made under the old two-week setting
    client.get("/")
    assert ends_in(client) <= WORKING_DAY


def test_a_session_idle_for_a_working_day_has_ended(client_for, district_staff):
    client = client_for(district_staff)
    make_it_end_in(client, -datetime.timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
