"""New participants per month by channel: the post's and the farmers' union's month by month,
stacked on a chart with a dimension picker and exported as a table."""

import datetime

import pytest

from enrollment.progress.services.engine import progress_changes_paused, progress_recompute

pytestmark = pytest.mark.django_db
TODAY = datetime.date(2026, 4, 10)


@pytest.fixture
def by_channel(tree, agents, first_payment):
    with progress_changes_paused():
        for day, staff in [(datetime.date(2026, 1, 5), agents.mai), (datetime.date(2026, 1, 6), agents.mai),
                           (datetime.date(2026, 2, 7), agents.hung), (datetime.date(2026, 3, 8), agents.mai),
                           (datetime.date(2026, 3, 9), agents.hung), (datetime.date(2026, 4, 2), agents.hung)]:
            first_payment(tree.commune, day, mobilised_by_agent=staff)
        first_payment(tree.commune, datetime.date(2026, 2, 11))  # nobody's
    progress_recompute(full=True, today=TODAY)


def test_the_series_by_agent_type_counts_each_month(tree, by_channel, provincial_manager, client_for):
    page = client_for(provincial_manager).get(f"/dashboards/{tree.province.pk}/monthly/?date=2026-04-10"
                                              "&dimension=agent_type")
    assert page.status_code == 200
    rows = {row.record["key"]: row.record for row in page.context["table"].rows}
    post, union = rows["vietnam_post"], rows["farmers_union"]
    assert [post[f"m{i}"] for i in range(4)] == [2, 0, 1, 0]
    assert [union[f"m{i}"] for i in range(4)] == [0, 1, 1, 1]
    assert (post["total"], post["label"]) == (3, "Bưu điện")
    assert 'id="chart-monthly-series"' in page.content.decode()


def test_active_participants_at_each_month_end_by_agent_staff(tree, by_channel, provincial_manager, client_for):
    page = client_for(provincial_manager).get(f"/dashboards/{tree.district.pk}/monthly/?date=2026-04-10"
                                              "&dimension=agent_staff&measure=active")
    rows = {row.record["label"]: row.record for row in page.context["table"].rows}
    # Monthly payers: active in the month they paid for, and on 10 April still in time to pay for April.
    assert [rows["Nguyễn Thị Mai"][f"m{i}"] for i in range(4)] == [2, 0, 1, 1]


def test_the_series_is_exported_and_stays_in_scope(tree, by_channel, provincial_manager, client_for, make_user):
    client = client_for(provincial_manager)
    export = client.get(f"/dashboards/{tree.province.pk}/monthly/?date=2026-04-10&dimension=agent_type"
                        "&_export=csv").content.decode()
    header = export.splitlines()[0]
    assert "01/2026" in header and "04/2026" in header
    assert client.get(f"/dashboards/{tree.other_province.pk}/monthly/").status_code == 404
    assert client.get("/dashboards/country/monthly/").status_code == 404
