import datetime

from enrollment.models import RecomputeRun
from tests.progress_factories import full_board

DAY = datetime.date(2026, 11, 30)


def test_a_day_without_figures_offers_a_recompute_and_shows_its_progress(
        client_for, provincial_manager, tree, eager_tasks, django_capture_on_commit_callbacks):
    full_board(tree.province, DAY)
    client = client_for(provincial_manager)
    url = f"/dashboards/{tree.province.pk}/?date=2026-01-15"
    assert 'id="queue-recompute"' in client.get(url).content.decode()

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post("/dashboards/recompute/", {"date": "2026-01-15", "next": url})
    run = RecomputeRun.objects.get()
    assert response.url == f"{url}&run={run.pk}"
    assert run.kind == "full" and run.dates == ["2025-01-15", "2026-01-15"]  # and the same day last year
    status = client.get(f"/dashboards/recompute/{run.pk}/status/").json()
    assert status["finished"] and status["percent"] == 100 and status["status"] == "done"
    assert 'id="recompute-run"' in client.get(response.url).content.decode()


def test_asking_twice_queues_one_run(client_for, provincial_manager, tree, eager_tasks):
    client = client_for(provincial_manager)
    for _ in range(2):
        client.post("/dashboards/recompute/", {"date": "2026-01-15", "next": "/dashboards/"})
    assert RecomputeRun.objects.count() == 1


def test_viewers_cannot_queue_and_a_bad_date_queues_nothing(client_for, viewer, provincial_manager, tree):
    assert client_for(viewer).post("/dashboards/recompute/", {"date": "2026-01-15"}).status_code == 403
    response = client_for(provincial_manager).post("/dashboards/recompute/", {"date": "2099-01-01",
                                                                             "next": "https://evil.example/"})
    assert response.url == "/dashboards/"
    assert RecomputeRun.objects.count() == 0
