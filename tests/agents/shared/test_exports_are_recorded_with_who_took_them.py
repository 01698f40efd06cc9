"""Every table export (agent staff with their phones, the review list, the register's tables) leaves a
record of who exported what and when; looking at the page leaves none."""

import pytest

from enrollment.models import ExportRecord

pytestmark = pytest.mark.django_db


def test_exporting_the_agent_staff_is_recorded(client_for, district_staff, agents):
    client = client_for(district_staff)
    client.get("/agents/staff/")
    assert ExportRecord.objects.count() == 0
    client.get("/agents/staff/?_export=xlsx")
    record = ExportRecord.objects.get()
    assert (record.user, record.path, record.rows) == (district_staff, "/agents/staff/?_export=xlsx", 2)
    assert record.filename.startswith("agent-staff-") and record.filename.endswith(".xlsx")


def test_the_review_list_export_is_recorded(client_for, provincial_manager, agents):
    client_for(provincial_manager).get("/agents/reviews/?_export=csv")
    assert ExportRecord.objects.get().filename.startswith("contract-reviews-")
