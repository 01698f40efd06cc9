"""Every log line of a request carries its id and the user; the response carries the id."""

import logging

import pytest

from bhxh_targets.request_log import HEADER

pytestmark = pytest.mark.django_db
with_logging_views = pytest.mark.urls("tests.bhxh_targets.security.logging_urls")


def stderr_line(record):
    """The record as the configured stderr handler writes it."""
    handler = next(h for h in logging.getLogger().handlers if h.name == "stderr")
    handler.filter(record)
    return handler.format(record)


@with_logging_views
def test_a_log_line_names_the_request_and_the_user(client_for, district_staff, caplog):
    with caplog.at_level(logging.INFO):
        response = client_for(district_staff).get("/logs/")
    request_id = response[HEADER]
    assert len(request_id) == 32
    record = next(r for r in caplog.records if r.getMessage() == "figures looked at")
    line = stderr_line(record)
    assert f"[{request_id} {district_staff.username}] figures looked at" in line
    assert "\n" not in line


@with_logging_views
def test_an_id_from_the_proxy_is_kept_when_it_is_safe(client_for, district_staff):
    client = client_for(district_staff)
    assert client.get("/logs/", headers={HEADER: "nginx-4f2a.17"})[HEADER] == "nginx-4f2a.17"
    refused = client.get("/logs/", headers={HEADER: "bad id\nforged line"})[HEADER]
    assert "\n" not in refused and len(refused) == 32


@with_logging_views
def test_an_unhandled_error_is_logged_with_its_traceback(client_for, district_staff, caplog):
    client = client_for(district_staff)
    client.raise_request_exception = False
    with caplog.at_level(logging.INFO):
        response = client.get("/fails/")
    assert response.status_code == 500
    record = next(r for r in caplog.records if r.name == "django.request" and r.levelno == logging.ERROR)
    line = stderr_line(record)
    assert f"[{response[HEADER]} {district_staff.username}] Internal Server Error: /fails/" in line
    assert "RuntimeError: the figures are missing" in line and "Traceback" in line


def test_a_refused_page_is_logged_with_the_request(client_for, district_staff, caplog):
    with caplog.at_level(logging.INFO):
        response = client_for(district_staff).get("/nowhere/")
    record = next(r for r in caplog.records if r.name == "django.request")
    assert response.status_code == 404
    assert f"[{response[HEADER]} -] Not Found: /nowhere/" in stderr_line(record)
