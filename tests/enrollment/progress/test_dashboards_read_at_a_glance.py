"""Dashboards read at a glance: red / amber / green against the phased plan, gaps in words, a ranking
that draws every unit or says how many it leaves out, renewals as one stacked bar, empty states that
say what to do."""

import csv
import datetime
import io
import json
import re
from decimal import Decimal

import pytest

from enrollment.models import Outcome, RenewalOutcome
from enrollment.models import ProgressMetric as M
from enrollment.progress.selectors.standing import standing_of_percent
from enrollment.progress.services.engine import progress_recompute
from enrollment.progress.views import charts
from enrollment.shared.formats import gap_text
from tests.enrollment.progress.conftest import MONTHLY
from tests.factories import UnitFactory
from tests.progress_factories import full_board, snapshot

DAY = datetime.date(2026, 11, 30)


def chart(body, name):
    found = re.search(rf'<script type="application/json" id="chart-{name}-data">(.*?)</script>', body, re.S)
    return json.loads(found.group(1))


@pytest.mark.parametrize(("percent", "key"), [
    (None, "none"), (Decimal("113.04"), "green"), (95, "green"), (Decimal("94.96"), "green"),  # shown as 95,0%
    (Decimal("94.94"), "amber"), (85, "amber"), (Decimal("84.9"), "red"), (0, "red"),
])
def test_a_share_of_the_phased_plan_maps_to_a_status_by_the_default_thresholds(percent, key):
    assert standing_of_percent(percent).key == key


def test_the_thresholds_come_from_the_settings(settings):
    settings.PROGRESS_STATUS_THRESHOLDS = {"green": 100, "amber": 90}
    assert [standing_of_percent(p).key for p in (100, Decimal("99.9"), 90, 89)] == ["green", "amber", "amber", "red"]


def test_a_gap_is_written_in_words_never_as_a_bare_minus(settings):
    settings.LANGUAGE_CODE = "vi"
    from django.utils import translation

    with translation.override("vi"):
        assert gap_text(Decimal("-761")) == "Vượt 761"
        assert gap_text(Decimal("56")) == "Thiếu 56"
        assert gap_text(Decimal("18816.4")) == "Thiếu 18.816"
        assert gap_text(Decimal("0.2")) == "Đúng kế hoạch"
        assert gap_text(Decimal("0.52"), 2, percent_points=True) == "Thiếu 0,52%"
        assert gap_text(None) == ""
    with translation.override("en"):
        assert gap_text(Decimal("-761")) == "Ahead by 761"


def test_the_key_figures_the_table_and_the_ranking_carry_the_status_colours(client_for, provincial_manager, tree):
    full_board(tree.province, DAY, children=[tree.district, tree.other_district],
               child_actuals={tree.district.pk: 60, tree.other_district.pk: 100})  # phased 110: 54,5% and 90,9%
    body = client_for(provincial_manager).get(f"/dashboards/{tree.province.pk}/?date=2026-11-30").content.decode()
    # 18.816 against 18.000 phased: ahead, green, and the gap in words.
    assert 'data-standing="green"' in body and 'data-figure="gap">Vượt 816<' in body
    assert "Còn thiếu" not in body and "−816" not in body
    assert "Theo kịp kế hoạch" in body and "104,5% kế hoạch phân kỳ" in body
    rows = dict(re.findall(r'<tr data-href="[^"]*" data-standing="(\w+)">\s*<td><a href="[^"]*">([^<]+)</a>', body))
    assert rows == {"red": tree.district.name, "amber": tree.other_district.name}
    assert "Thiếu 50" in body and "Thiếu 10" in body
    ranking = chart(body, "children")
    assert ranking["data"][0]["marker"]["color"] == ["#b3261e", "#b26a00"]  # worst at the bottom: red, then amber
    # The sections read top-down: where we stand, who is behind, why.
    assert body.index('id="where-we-stand"') < body.index('id="who-is-behind"') < body.index('id="why"')
    assert body.index('id="chart-children"') < body.index('id="why"') < body.index('id="chart-renewals"')


def test_actual_has_one_colour_on_every_chart(client_for, provincial_manager, tree):
    full_board(tree.province, DAY, children=[tree.district])
    body = client_for(provincial_manager).get(f"/dashboards/{tree.province.pk}/").content.decode()
    cumulative, by_month = chart(body, "cumulative"), chart(body, "new-by-month")
    assert cumulative["data"][0]["name"] == "Thực hiện" and cumulative["data"][0]["marker"]["color"] == "#0b5394"
    assert by_month["data"][0]["marker"]["color"] == "#0b5394"
    assert cumulative["layout"]["yaxis"]["separatethousands"] is True


def test_a_long_ranking_says_how_many_units_it_leaves_out(client_for, national_admin, tree, monkeypatch):
    monkeypatch.setattr(charts, "RANK_ALL_UP_TO", 20)
    full_board(None, DAY)
    for n in range(25):
        snapshot(UnitFactory(name=f"Tỉnh {n:02d}"), DAY, 1000 + 10 * n, 1200, 1200, 1100)
    body = client_for(national_admin).get("/dashboards/country/").content.decode()
    ranking = chart(body, "children")
    assert [trace["name"] for trace in ranking["data"]] == ["10 thấp nhất", "10 cao nhất"]
    assert ranking["data"][0]["marker"]["pattern"]["shape"] == "/"  # the lowest are hatched, the highest solid
    assert ranking["data"][1]["marker"]["pattern"]["shape"] == ""
    note = re.search(r'<p class="muted" id="ranking-hidden">(.*?)</p>', body, re.S).group(1)
    assert "5 đơn vị nằm giữa 10 cao nhất và 10 thấp nhất không được vẽ." in note
    assert 'href="/dashboards/country/tables/' in note and "Xem tất cả đơn vị" in note


def test_a_short_ranking_draws_every_unit_in_a_scrolling_box(client_for, national_admin, tree):
    full_board(None, DAY)
    for n in range(30):
        snapshot(UnitFactory(name=f"Tỉnh {n:02d}"), DAY, 1000 + 10 * n, 1200, 1200, 1100)
    body = client_for(national_admin).get("/dashboards/country/").content.decode()
    assert len(chart(body, "children")["data"][0]["y"]) == 30
    assert "chart-children scroll" in body and 'id="ranking-hidden"' not in body


def test_villages_without_plans_lead_the_office_to_allocate(client_for, district_staff, viewer, tree):
    full_board(tree.commune, DAY)
    snapshot(tree.village, DAY, 40)  # no plan
    body = client_for(district_staff).get(f"/dashboards/{tree.commune.pk}/?date=2026-11-30").content.decode()
    empty = re.search(r'<p class="empty-state" id="ranking-empty">(.*?)</p>', body, re.S).group(1)
    assert "chưa có kế hoạch cho chỉ tiêu này" in empty
    assert f'href="/plans/{tree.commune.pk}/allocation/?year=2026&amp;metric=si_participants"' in empty
    assert "Các đơn vị trực thuộc chưa có kế hoạch" in chart(body, "children")["layout"]["annotations"][0]["text"]
    body = client_for(viewer).get(f"/dashboards/{tree.commune.pk}/?date=2026-11-30").content.decode()
    assert 'id="ranking-empty"' in body and 'id="allocate-link"' not in body


def test_renewals_are_one_stacked_bar_with_the_still_unpaid(client_for, provincial_manager, tree):
    full_board(tree.province, DAY, children=[tree.district])
    snapshot(tree.province, DAY, 400, metric=M.RENEWALS_PROMISED)
    body = client_for(provincial_manager).get(f"/dashboards/{tree.province.pk}/?date=2026-11-30").content.decode()
    renewals = chart(body, "renewals")
    assert renewals["layout"]["barmode"] == "stack"
    # 6.641 due: 4.971 paid again, 400 promised, 1.100 stopped, 170 still unpaid.
    assert [(t["name"], t["x"][0]) for t in renewals["data"]] == [
        ("Đã đóng tiếp", 4971), ("Hẹn đóng", 400), ("Dừng đóng", 1100), ("Chưa đóng", 170)]
    assert [t["marker"]["color"] for t in renewals["data"]] == ["#1e7b34", "#9fc5e8", "#b3261e", "#b26a00"]
    assert "6.641 người đến hạn" in renewals["layout"]["title"]["text"]
    assert all(t["type"] == "bar" for t in renewals["data"])


@pytest.mark.django_db
def test_the_engine_counts_those_who_promised_to_pay_again(tree, enrol, figure):
    today = datetime.date(2026, 3, 15)
    promised = enrol(tree.commune, [(datetime.date(2026, 2, 1), MONTHLY)])  # due in March
    declined = enrol(tree.commune, [(datetime.date(2026, 2, 2), MONTHLY)])
    enrol(tree.commune, [(datetime.date(2026, 2, 3), MONTHLY)])  # due, nothing recorded: still unpaid
    RenewalOutcome.objects.create(participant=promised, due_month=datetime.date(2026, 3, 1), outcome=Outcome.PROMISED,
                                  promised_on=datetime.date(2026, 3, 25))
    RenewalOutcome.objects.create(participant=declined, due_month=datetime.date(2026, 3, 1), outcome=Outcome.DECLINED)
    progress_recompute(full=True, today=today)
    counts = [figure(tree.district, today, m).actual for m in
              (M.RENEWALS_DUE, M.RENEWALS_PAID, M.RENEWALS_PROMISED, M.RENEWALS_LAPSED)]
    assert counts == [3, 0, 1, 1]
    # Once March is over, a promise not kept is a lapse.
    progress_recompute(full=True, today=datetime.date(2026, 4, 2))
    assert figure(tree.commune, datetime.date(2026, 3, 31), M.RENEWALS_PROMISED).actual == 0
    assert figure(tree.commune, datetime.date(2026, 3, 31), M.RENEWALS_LAPSED).actual == 3


def test_the_table_page_colours_each_unit_and_writes_the_gap_in_words(client_for, provincial_manager, tree):
    snapshot(tree.province, DAY, 210, 200, 200, 190)
    snapshot(tree.district, DAY, 80, 100, 100, 95)  # 84,2% of the phased plan: red
    snapshot(tree.other_district, DAY, 120, 100, 100, 95)  # 126,3%: green
    client = client_for(provincial_manager)
    body = client.get(f"/dashboards/{tree.province.pk}/tables/?date=2026-11-30").content.decode()
    assert re.search(r'data-standing="red"[^>]*>.*?Chợ Gạo.*?<span class="badge tone-red">84,2%</span>.*?Thiếu 15',
                     body, re.S)
    assert re.search(r'data-standing="green"[^>]*>.*?Mỹ Tho.*?Vượt 25', body, re.S)
    rows = list(csv.reader(io.StringIO(client.get(
        f"/dashboards/{tree.province.pk}/tables/?date=2026-11-30&_export=csv").content.decode("utf-8"))))
    header = rows[0]
    by_name = {row[0]: dict(zip(header, row)) for row in rows[1:]}
    chogao = by_name[tree.district.name]
    assert chogao["So với KH phân kỳ"] == "15" and chogao["Tình trạng so với KH phân kỳ"] == "Chậm kế hoạch"


def test_the_charts_load_the_partial_bundle_and_speak_the_pages_language(client_for, provincial_manager, tree):
    full_board(tree.province, DAY, children=[tree.district])
    client = client_for(provincial_manager)
    body = client.get(f"/dashboards/{tree.province.pk}/").content.decode()
    assert "js/plotly-basic.min.js" in body and "js/plotly.min.js" not in body
    assert "js/plotly-locale-vi.js" in body
    locale = json.loads(re.search(r'<script id="plotly-locale" type="application/json">(.*?)</script>', body).group(1))
    assert locale["name"] == "vi" and locale["dictionary"]["Download plot as a PNG"] == "Tải biểu đồ về dạng PNG"
    client.cookies["django_language"] = "en"
    body = client.get(f"/dashboards/{tree.province.pk}/").content.decode()
    locale = json.loads(re.search(r'<script id="plotly-locale" type="application/json">(.*?)</script>', body).group(1))
    assert locale == {"name": "en", "dictionary": {}} and "plotly-locale-vi.js" not in body
