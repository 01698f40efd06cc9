import json

import pytest
from django.conf import settings


@pytest.mark.django_db
def test_it_reports_the_database_and_answers_200(client):
    response = client.get("/healthz")
    body = json.loads(response.content)
    assert response.status_code == 200
    assert body["database"] == "ok"
    assert set(body) >= {"database", "redis", "celery"}


@pytest.mark.django_db
def test_redis_is_reported_as_configured_or_not(client):
    body = json.loads(client.get("/healthz").content)
    expected = "ok" if settings.REDIS_URL else "not configured"
    assert body["redis"] == expected


@pytest.mark.celery_worker
def test_a_running_worker_is_seen(client, celery_worker):
    if settings.CELERY_TASK_ALWAYS_EAGER:
        pytest.skip("eager mode has no workers to ping")
    body = json.loads(client.get("/healthz").content)
    assert body["celery"] == "ok"
    assert body["celery_workers"] >= 1
