"""A dashboard costs the same few queries for two districts or forty, three breakdown rows or three hundred."""

import datetime
import json
import re

import pytest
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from enrollment.models import BreakdownDimension, ProgressSnapshot
from tests.factories import UnitFactory
from tests.progress_factories import ProgressBreakdownFactory, full_board, recompute_finished, snapshot

DAY = datetime.date(2026, 11, 30)
# session, user, scope unit, unit, figures version, shown date, own figures, history, children, breakdowns
DASHBOARD_QUERIES = 10
CACHED_DASHBOARD_QUERIES = 5  # until the figures change: session, user, scope unit, unit, figures version
TABLE_QUERIES = 8  # and the figures' freshness


def chart(body, name):
    found = re.search(rf'<script type="application/json" id="chart-{name}-data">(.*?)</script>', body, re.S)
    return json.loads(found.group(1))


def queries(client, url):
    with CaptureQueriesContext(connection) as captured:
        assert client.get(url).status_code == 200
    return len(captured)


def figures_changed():
    """As a recompute that rewrote the figures: the next dashboard is built again, not read from the cache."""
    ProgressSnapshot.objects.update(computed_at=timezone.now())
    recompute_finished()


def grow(tree, districts=40, officers=300):
    for n in range(districts):
        snapshot(UnitFactory(parent=tree.province, name=f"BHXH cơ sở {n}"), DAY, 50 + n, 100, 100, 90)
    for n in range(officers):
        ProgressBreakdownFactory(unit=tree.province, date=DAY, dimension=BreakdownDimension.OFFICER,
                                 key=f"officer-extra-{n}", new_participants=n)
    recompute_finished()


@pytest.mark.parametrize("url", ["/dashboards/{pk}/", "/dashboards/{pk}/?date=2026-11-15&metric=si_new",
                                 "/dashboards/{pk}/tables/", "/dashboards/{pk}/tables/?view=officer",
                                 "/dashboards/{pk}/tables/?_export=xlsx"])
def test_the_province_dashboard_and_its_tables(client_for, provincial_manager, tree, url):
    full_board(tree.province, DAY, children=[tree.district, tree.other_district])
    client = client_for(provincial_manager)
    url = url.format(pk=tree.province.pk)
    client.get(url)  # the session and the user are loaded the same way each time
    figures_changed()
    small = queries(client, url)
    grow(tree)
    assert queries(client, url) == small
    assert small <= (TABLE_QUERIES if "tables" in url else DASHBOARD_QUERIES)
    if "tables" not in url:
        assert queries(client, url) <= CACHED_DASHBOARD_QUERIES


def test_the_national_dashboard(client_for, national_admin, tree, django_assert_max_num_queries):
    full_board(None, DAY)
    for province in (tree.province, tree.other_province):
        snapshot(province, DAY, 18_816, 16_650, 17_585, 18_000)
    client = client_for(national_admin)
    client.get("/healthz")  # the session's first renewal after the login is not the page's cost
    small = queries(client, "/dashboards/country/")
    for n in range(34):
        snapshot(UnitFactory(name=f"Tỉnh {n}"), DAY, 1000 + n, 1200, 1200, 1100)
    recompute_finished()
    with django_assert_max_num_queries(DASHBOARD_QUERIES):
        body = client.get("/dashboards/country/").content.decode()
    figures_changed()
    assert queries(client, "/dashboards/country/") == small
    ranking = chart(body, "children")
    # Every province is drawn, the best on top; the chart scrolls.
    assert len(ranking["data"]) == 1 and len(ranking["data"][0]["y"]) == 36
    assert ranking["data"][0]["y"][-1] == "Thành phố Hà Nội" and ranking["data"][0]["y"][0] == "Tỉnh 0"
    assert 'id="ranking-hidden"' not in body
