import datetime

import pytest
from django.utils import timezone

from enrollment.imports.models import ImportJob, ImportStatus
from enrollment.models import Metric, OfficerQuota
from enrollment.plans.services.allocation import allocation_save
from enrollment.plans.services.versions import plan_version_create
from tests.factories import StaffFactory
from tests.progress_factories import snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def today():
    return timezone.localdate()


@pytest.fixture
def figures(tree, today):
    """The province ahead of yesterday by 12; one district well behind its phased plan, the other ahead."""
    yesterday = today - datetime.timedelta(days=1)
    snapshot(tree.province, yesterday, 1_188, plan_initial=2_000, phased=1_300)
    snapshot(tree.province, today, 1_200, plan_initial=2_000, phased=1_300)
    snapshot(tree.district, today, 400, plan_initial=1_000, phased=650)
    snapshot(tree.other_district, today, 800, plan_initial=1_000, phased=650)


def test_a_manager_sees_the_area_against_the_phased_plan_and_who_is_behind(client_for, provincial_manager, tree,
                                                                        figures):
    page = client_for(provincial_manager).get("/").content.decode()
    key = page.split('id="key-figures"')[1].split("</section>")[0]
    assert "1.200" in key and "92,3%" in key and "+12 so với hôm trước" in key
    behind = page.split('id="units-behind"')[1].split("</section>")[0]
    assert "BHXH cơ sở huyện Chợ Gạo" in behind and "61,5%" in behind
    assert "Mỹ Tho" not in behind  # ahead of its phased plan


def test_a_manager_sees_drafts_waiting_and_failed_imports(
        client_for, provincial_manager, district_staff, tree, figures):
    plan_version_create(user=provincial_manager, unit=tree.district, year=2026, metric=Metric.SI_NEW, target=100)
    draft = allocation_save(user=district_staff, unit=tree.district, year=2026, metric=Metric.SI_NEW,
                            targets={tree.commune.pk: 120})
    ImportJob.objects.create(kind="participants", user=provincial_manager, filename="thang-11.xlsx", content=b"",
                             status=ImportStatus.REJECTED)
    page = client_for(provincial_manager).get("/").content.decode()
    assert f"/plans/allocations/{draft.pk}/approve/" in page and "tổng không khớp" in page
    assert '<span class="count">1</span>' in page.split('id="awaiting-approval"')[1].split("</h2>")[0]
    assert "thang-11.xlsx" in page
    assert "Chưa có nhân viên" not in page and 'id="flagged-agents"' in page  # the agents' panel is there


def test_district_staff_get_entry_shortcuts_renewals_and_their_officers_quotas(client_for, district_staff, tree,
                                                                               today, figures):
    officer = StaffFactory(unit=tree.district, full_name="Cán bộ Hòa")
    OfficerQuota.objects.create(staff=officer, year=today.year, month=None, metric=Metric.SI_NEW, target=3)
    page = client_for(district_staff).get("/").content.decode()
    assert 'id="enter-participant"' in page and 'href="/participants/new/"' in page
    assert 'id="renewals-due"' in page and 'id="open-worklist"' in page
    assert "Cán bộ Hòa" in page.split('id="officer-quotas"')[1]
    assert 'id="awaiting-approval"' not in page and 'id="units-behind"' not in page


def test_the_home_page_costs_the_same_for_one_draft_or_many(client_for, provincial_manager, district_staff, tree,
                                                           figures, django_assert_max_num_queries):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    client = client_for(provincial_manager)
    for district in (tree.district, tree.other_district):
        plan_version_create(user=provincial_manager, unit=district, year=2026, metric=Metric.SI_NEW, target=100)
    allocation_save(user=provincial_manager, unit=tree.district, year=2026, metric=Metric.SI_NEW,
                    targets={tree.commune.pk: 120})
    with CaptureQueriesContext(connection) as one:
        assert client.get("/").status_code == 200
    allocation_save(user=provincial_manager, unit=tree.other_district, year=2026, metric=Metric.SI_NEW,
                    targets={tree.other_commune.pk: 90})
    with django_assert_max_num_queries(len(one)):
        client.get("/")
    assert len(one) <= 30
