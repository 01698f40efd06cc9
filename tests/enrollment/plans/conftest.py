import pytest

from enrollment.models import Metric
from enrollment.plans.services.versions import plan_version_create


@pytest.fixture
def province_plan(tree, provincial_manager):
    """An approved initial plan of 1,000 new participants for the province in 2026."""
    return plan_version_create(user=provincial_manager, unit=tree.province, year=2026, metric=Metric.SI_NEW,
                               target=1000, document_number="100/QĐ-BHXH")
