import datetime
import json
import re

from django.utils import timezone

from enrollment.models import ProgressSnapshot, RecomputeKind, RecomputeRun, RecomputeStatus
from tests.progress_factories import full_board, recompute_finished

DAY = datetime.date(2026, 11, 30)


def ranking(client, url):
    body = client.get(url).content.decode()
    found = re.search(r'<script type="application/json" id="chart-children-data">(.*?)</script>', body, re.S)
    return json.loads(found.group(1))["data"][0]["x"]


def test_the_charts_follow_a_recompute(client_for, provincial_manager, tree):
    full_board(tree.province, DAY, children=[tree.district])
    client = client_for(provincial_manager)
    url = f"/dashboards/{tree.province.pk}/"
    assert ranking(client, url) == [76.92]  # 100 of the plan in force 130
    ProgressSnapshot.objects.filter(date=DAY, metric="si_participants", unit__in=[tree.province, tree.district]).update(
        actual=130, achievement_in_force=100, computed_at=timezone.now())
    recompute_finished()
    assert ranking(client, url) == [100.0]


def test_the_charts_follow_a_run_that_finishes_after_a_newer_one(client_for, provincial_manager, tree):
    """A run taken over from a stopped worker finishes after a run queued later: its figures still show."""
    full_board(tree.province, DAY, children=[tree.district])
    older = RecomputeRun.objects.create(kind=RecomputeKind.INCREMENTAL, status=RecomputeStatus.RUNNING)
    recompute_finished()
    client = client_for(provincial_manager)
    url = f"/dashboards/{tree.province.pk}/"
    assert ranking(client, url) == [76.92]
    ProgressSnapshot.objects.filter(date=DAY, metric="si_participants", unit__in=[tree.province, tree.district]).update(
        actual=130, achievement_in_force=100, computed_at=timezone.now())
    RecomputeRun.objects.filter(pk=older.pk).update(status=RecomputeStatus.DONE, finished_at=timezone.now())
    assert ranking(client, url) == [100.0]
