"""A manager's "compute this day" is a full run: only for days from the first payment (and at most
PROGRESS_ON_DEMAND_YEARS back) to today, one waiting request per user, each refusal said in Vietnamese."""

import datetime

import pytest
from django.utils import timezone

from enrollment.models import RecomputeRun
from tests.enrollment.progress.conftest import MONTHLY

pytestmark = pytest.mark.django_db


def ask(client, day, back="/dashboards/"):
    return client.post("/dashboards/recompute/", {"date": day.isoformat(), "next": back}, follow=True)


def test_days_out_of_range_are_refused_plainly(client_for, provincial_manager, tree, enrol, settings):
    today = timezone.localdate()
    enrol(tree.commune, [(datetime.date(today.year - 1, 3, 10), MONTHLY)])
    client = client_for(provincial_manager)

    assert "ngày trong tương lai" in ask(client, today + datetime.timedelta(days=1)).content.decode()
    page = ask(client, datetime.date(today.year - 1, 3, 9)).content.decode()
    assert f"Chỉ tính được số liệu từ ngày 10/03/{today.year - 1} đến hôm nay." in page
    settings.PROGRESS_ON_DEMAND_YEARS = 0
    assert f"từ ngày 01/01/{today.year}" in ask(client, datetime.date(today.year - 1, 6, 1)).content.decode()
    assert not RecomputeRun.objects.exists()


def test_one_waiting_request_per_user(client_for, provincial_manager, make_user, tree, enrol):
    from enrollment.models import Role

    today = timezone.localdate()
    enrol(tree.commune, [(datetime.date(today.year, 1, 5), MONTHLY)])
    client = client_for(provincial_manager)
    first_day, second_day = datetime.date(today.year, 2, 3), datetime.date(today.year, 2, 4)

    ask(client, first_day)  # no worker here: it waits
    run = RecomputeRun.objects.get()
    response = ask(client, second_day, back="/dashboards/?x=1")
    assert response.redirect_chain[0][0] == f"/dashboards/?x=1&run={run.pk}"
    assert "03/02" in response.content.decode() and "vẫn đang chờ" in response.content.decode()
    assert RecomputeRun.objects.count() == 1

    colleague = client_for(make_user(Role.PROVINCIAL_MANAGER, tree.province))
    ask(colleague, first_day)  # the same day: handed the same run
    assert RecomputeRun.objects.count() == 1
