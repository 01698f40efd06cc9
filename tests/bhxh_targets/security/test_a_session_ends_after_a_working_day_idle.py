"""Sessions last a working day from the last request, not from the login."""

import datetime

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session
from django.utils import timezone

from bhxh_targets.sessions import REFRESHED_AT

pytestmark = pytest.mark.django_db
WORKING_DAY = 8 * 3600


def session_row(client):
    return Session.objects.get(session_key=client.session.session_key)


def test_a_request_renews_the_session_for_eight_hours(client_for, district_staff):
    assert settings.SESSION_COOKIE_AGE == WORKING_DAY
    client = client_for(district_staff)
    response = client.get("/")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == WORKING_DAY
    session = client.session
    session[REFRESHED_AT] -= settings.SESSION_REFRESH_SECONDS  # five minutes later,
    session.save()
    Session.objects.filter(pk=session.session_key).update(  # nearly a working day after the login
        expire_date=timezone.now() + datetime.timedelta(minutes=1))

    response = client.get("/")
    assert response.status_code == 200
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == WORKING_DAY
    left = session_row(client).expire_date - timezone.now()
    assert datetime.timedelta(hours=7, minutes=59) < left <= datetime.timedelta(hours=8)


def test_requests_close_together_do_not_write_the_session(client_for, district_staff):
    client = client_for(district_staff)
    client.get("/")
    expiry = session_row(client).expire_date
    response = client.get("/")
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert session_row(client).expire_date == expiry


def test_a_session_idle_for_a_working_day_has_ended(client_for, district_staff):
    client = client_for(district_staff)
    client.get("/")
    Session.objects.filter(pk=client.session.session_key).update(
        expire_date=timezone.now() - datetime.timedelta(seconds=1))
    response = client.get("/")
    assert response.status_code == 302 and response["Location"].startswith("/accounts/login/")
