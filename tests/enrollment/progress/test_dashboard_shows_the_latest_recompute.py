import datetime
import json
import re

from django.utils import timezone

from enrollment.models import ProgressSnapshot
from tests.progress_factories import full_board

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
    assert ranking(client, url) == [100.0]
