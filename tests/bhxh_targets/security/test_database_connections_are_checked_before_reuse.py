"""A kept database connection is checked before a request reuses it: a restarted PostgreSQL costs no error."""

from django.conf import settings


def test_kept_connections_are_health_checked():
    database = settings.DATABASES["default"]
    if database["ENGINE"].endswith("postgresql"):
        assert database["CONN_HEALTH_CHECKS"] is True and database["CONN_MAX_AGE"] == 60
