"""Sessions last a working day from the last request, not from the login; renewing them costs a write
only every few minutes, not on every page."""

import time

import pytest
from django.conf import settings
from django.contrib.sessions.models import Session

from bhxh_targets.session_idle import RENEWED

pytestmark = pytest.mark.django_db


def expiry_of(client):
    return Session.objects.get(session_key=client.cookies[settings.SESSION_COOKIE_NAME].value).expire_date


def test_a_request_renews_the_session_for_eight_hours(client_for, district_staff):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    client = client_for(district_staff)
    response = client.get("/")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 3600


def test_pages_soon_after_do_not_rewrite_the_session(client_for, district_staff):
    client = client_for(district_staff)
    client.get("/")
    renewed = expiry_of(client)
    response = client.get("/")
    assert settings.SESSION_COOKIE_NAME not in response.cookies
    assert expiry_of(client) == renewed


def test_a_page_after_the_renewal_interval_renews_it_again(client_for, district_staff):
    client = client_for(district_staff)
    client.get("/")
    session = client.session
    session[RENEWED] = int(time.time()) - settings.SESSION_RENEW_SECONDS - 1
    session.save()
    before = expiry_of(client)
    response = client.get("/")
    assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 3600
    assert expiry_of(client) >= before
