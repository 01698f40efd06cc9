"""A manager asks for a day of an old year that was never computed: the run computes the month ends
it needs, so each month shows its own new participants (not zero, then the whole year in April),
and the day gets its breakdowns like any other."""

import datetime

import pytest
from django.core.cache import cache

from enrollment.models import PaymentMethod, ProgressBreakdown, ProgressSnapshot
from enrollment.progress.services.engine import progress_changes_paused

MONTHLY = PaymentMethod.MONTHLY
DAY = datetime.date(2019, 4, 30)
JOINED = {1: 3, 2: 2, 3: 4, 4: 1}  # month → new participants


@pytest.fixture
def year_2019(tree, enrol):
    with progress_changes_paused():
        for month, count in JOINED.items():
            for n in range(count):
                enrol(tree.commune, [(datetime.date(2019, month, 3 + n), MONTHLY)],
                      target_group="farmer" if n % 2 == 0 else "student")


def compute_the_day(client, tree, django_capture_on_commit_callbacks):
    url = f"/dashboards/{tree.province.pk}/?date={DAY.isoformat()}"
    with django_capture_on_commit_callbacks(execute=True):
        client.post("/dashboards/recompute/", {"date": DAY.isoformat(), "next": url})
    return client.get(url)


def test_each_month_of_an_old_year_shows_its_own_new_participants(
        client_for, provincial_manager, tree, year_2019, eager_tasks, django_capture_on_commit_callbacks):
    page = compute_the_day(client_for(provincial_manager), tree, django_capture_on_commit_callbacks)
    board = page.context["board"]
    assert board.shown == DAY
    assert [new for _month, new in board.new_by_month] == [3, 2, 4, 1]
    assert board.figures["si_new"].actual == 10


def test_the_old_day_gets_its_breakdowns(
        client_for, provincial_manager, tree, year_2019, eager_tasks, django_capture_on_commit_callbacks):
    page = compute_the_day(client_for(provincial_manager), tree, django_capture_on_commit_callbacks)
    by_group = {row.key: row for row in page.context["board"].breakdowns["target_group"]}
    assert (by_group["farmer"].new_participants, by_group["student"].new_participants) == (6, 4)
    march = ProgressBreakdown.objects.get(unit=tree.province, date=datetime.date(2019, 3, 31),
                                          dimension="target_group", key="farmer")
    assert march.new_in_month == 2  # of March's 4 new, the 1st and 3rd were farmers


def test_a_month_end_without_figures_is_shown_as_missing_never_as_zero(
        client_for, provincial_manager, tree, year_2019, eager_tasks, django_capture_on_commit_callbacks):
    client = client_for(provincial_manager)
    compute_the_day(client, tree, django_capture_on_commit_callbacks)
    ProgressSnapshot.objects.filter(date=datetime.date(2019, 2, 28)).delete()
    cache.clear()  # rows deleted behind the engine's back do not change the figures' version

    board = client.get(f"/dashboards/{tree.province.pk}/?date={DAY.isoformat()}").context["board"]
    assert [new for _month, new in board.new_by_month] == [3, None, 4, 1]
