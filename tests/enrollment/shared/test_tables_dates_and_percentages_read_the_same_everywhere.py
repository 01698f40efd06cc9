"""The pager in Vietnamese, one dd/mm/yyyy date box, one rounding rule for every percentage."""

import datetime
from decimal import Decimal

import django_tables2 as tables
from django.test import RequestFactory
from django.utils import translation
from django_tables2 import RequestConfig

from enrollment.models import Metric, ReportedFigure
from enrollment.shared.formats import percent, percent_of
from tests.progress_factories import snapshot

DAY = datetime.date(2026, 11, 30)


class Rows(tables.Table):
    name = tables.Column(verbose_name="Name")


def test_the_table_pager_speaks_vietnamese():
    request = RequestFactory().get("/units/?page=2")
    table = Rows([{"name": f"Xã {n}"} for n in range(60)])
    RequestConfig(request, paginate={"per_page": 25}).configure(table)
    with translation.override("vi"):
        html = table.as_html(request)
    assert "Trang trước" in html and "Trang sau" in html and "Dòng 26–50 trên 60" in html
    assert ">next" not in html and "previous<" not in html


def test_one_rounding_rule_worked_out_once_from_the_counts():
    assert percent_of(24_592, 15_000) == Decimal("163.95")  # 163,9466…: kept to two decimals, half up
    assert percent(percent_of(24_592, 15_000)) == "164,0%"
    assert percent_of(130, 232) == Decimal("56.03") and percent_of(1, 0) is None and percent_of(None, 5) is None


def test_the_dashboard_and_the_plan_page_show_the_same_figure(client_for, provincial_manager, tree):
    client = client_for(provincial_manager)
    assert client.post(f"/plans/{tree.province.pk}/versions/new/", {
        "year": "2026", "metric": "si_participants", "target": "15.000", "document_number": "1/QĐ",
        "document_date": "15/01/2026", "curve": "seasonal", "approve": "on"}).status_code == 302
    ReportedFigure.objects.create(unit=tree.province, year=2026, month=12, metric=Metric.SI_PARTICIPANTS,
                                  value=24_592)
    snapshot(tree.province, DAY, 24_592, 15_000, 15_000, 14_000)
    plan_page = client.get(f"/plans/{tree.province.pk}/?year=2026&metric=si_participants").content.decode()
    dashboard = client.get(f"/dashboards/{tree.province.pk}/?date=30/11/2026").content.decode()
    assert "164,0%" in plan_page and "164,0%" in dashboard
    assert "163,9%" not in plan_page + dashboard


def test_the_dashboard_date_box_is_the_dd_mm_yyyy_box_of_every_form(client_for, provincial_manager, tree):
    snapshot(tree.province, DAY, 100, 100, 100, 100)
    client = client_for(provincial_manager)
    body = client.get(f"/dashboards/{tree.province.pk}/?date=30/11/2026").content.decode()
    assert 'type="date"' not in body
    assert 'name="date" value="30/11/2026"' in body and 'placeholder="dd/mm/yyyy"' in body
    iso = client.get(f"/dashboards/{tree.province.pk}/?date=2026-11-30").content.decode()  # links keep working
    assert 'name="date" value="30/11/2026"' in iso
    wrong = client.get(f"/dashboards/{tree.province.pk}/?date=31/02/2026").content.decode()
    assert "Nhập ngày hợp lệ (dd/mm/yyyy)." in wrong
