"""Who exported what and every change of a plan stay as they were written, and the figures as the engine wrote
them: the admin shows them only."""

import datetime

import pytest

from enrollment.models import ExportRecord
from enrollment.plans.models.plans import PlanChange
from tests.progress_factories import snapshot

pytestmark = pytest.mark.django_db


@pytest.fixture
def superuser(national_admin):
    national_admin.is_superuser = True
    national_admin.save()
    return national_admin


@pytest.fixture
def records(superuser, tree):
    export = ExportRecord.objects.create(user=superuser, path="/participants/?_export=csv", filename="p.csv", rows=3)
    change = PlanChange.objects.create(user=superuser, unit=tree.province, year=2026, metric="si_new",
                                       action="create", subject="Kế hoạch", old_value="", new_value="1.000")
    figures = snapshot(tree.province, datetime.date(2026, 11, 30), 18_816, 16_650)
    return {"exportrecord": export, "planchange": change, "progresssnapshot": figures}


@pytest.mark.parametrize("model", ["exportrecord", "planchange", "progresssnapshot"])
def test_a_superuser_cannot_delete_one(client_for, superuser, records, model):
    record = records[model]
    client = client_for(superuser)
    assert client.post(f"/admin/enrollment/{model}/{record.pk}/delete/", {"post": "yes"}).status_code == 403
    response = client.post(f"/admin/enrollment/{model}/", {"action": "delete_selected", "_selected_action": [record.pk],
                                                            "post": "yes"})
    assert type(record).objects.filter(pk=record.pk).exists()
    assert "delete_selected" not in client.get(f"/admin/enrollment/{model}/").content.decode()
    assert response.status_code in (200, 302)


@pytest.mark.parametrize("model", ["exportrecord", "planchange", "progresssnapshot"])
def test_a_superuser_reads_but_cannot_change_one(client_for, superuser, records, model):
    record = records[model]
    client = client_for(superuser)
    page = client.get(f"/admin/enrollment/{model}/{record.pk}/change/")
    assert page.status_code == 200 and 'name="_save"' not in page.content.decode()
    assert client.post(f"/admin/enrollment/{model}/{record.pk}/change/", {}).status_code == 403
    assert client.get(f"/admin/enrollment/{model}/add/").status_code == 403
