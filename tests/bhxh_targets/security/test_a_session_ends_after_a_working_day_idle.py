"""Sessions last a working day from the last request, not from the login."""

import pytest
from django.conf import settings

pytestmark = pytest.mark.django_db


def test_every_request_renews_the_session_for_eight_hours(client_for, district_staff):
    assert settings.SESSION_COOKIE_AGE == 8 * 3600
    client = client_for(district_staff)
    for _ in range(2):
        response = client.get("/")
        assert response.cookies[settings.SESSION_COOKIE_NAME]["max-age"] == 8 * 3600
