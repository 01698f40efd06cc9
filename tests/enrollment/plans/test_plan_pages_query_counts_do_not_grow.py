import datetime

from django.db import connection
from django.test.utils import CaptureQueriesContext

from enrollment.models import Metric
from enrollment.plans.services.allocation import allocation_approve, allocation_save
from enrollment.plans.services.versions import plan_version_create
from tests.factories import LabourForceFactory, UnitFactory


def _province_with(children_count, manager, tree):
    province = tree.province
    for n in range(children_count):
        district = UnitFactory(parent=province, code=f"6{n:02d}")
        LabourForceFactory(unit=district, year=2026)
    plan_version_create(user=manager, unit=province, year=2026, metric=Metric.SI_NEW, target=10_000)
    children = list(province.children.all())
    allocation = allocation_save(user=manager, unit=province, year=2026, metric=Metric.SI_NEW,
                                 targets={c.pk: 10_000 // len(children) for c in children})
    allocation_approve(user=manager, allocation=allocation, document_number="12/QĐ-BHXH",
                       document_date=datetime.date(2026, 1, 15), reason="Phần lẻ giữ lại ở tỉnh")
    return province


def _count(client, url):
    with CaptureQueriesContext(connection) as queries:
        assert client.get(url).status_code == 200
    return len(queries)


def test_overview_and_grid_cost_the_same_for_few_or_many_children(client_for, provincial_manager, tree):
    client = client_for(provincial_manager)
    province = _province_with(2, provincial_manager, tree)
    urls = [f"/plans/{province.pk}/?year=2026&metric=si_new",
            f"/plans/{province.pk}/allocation/?year=2026&metric=si_new"]
    few = [_count(client, url) for url in urls]
    for n in range(2, 25):
        UnitFactory(parent=province, code=f"7{n:02d}")
    many = [_count(client, url) for url in urls]
    assert many == few
    assert few[0] <= 80 and few[1] <= 25
