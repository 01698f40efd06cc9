"""Fault 6 (imports): whatever an import meets — a cell over the longest a cell may be, a database that
refuses the save — the job ends (rejected or failed) with a message in Vietnamese, nothing half saved,
and a failed job can be tried again from its page."""

import pytest
from django.conf import settings
from django.db import connection
from django.utils import timezone

from enrollment.models import ImportJob, Participant, Payment

pytestmark = pytest.mark.django_db
HEADER = "personal_id,full_name,birth_date,sex,commune_code,paid_on,method,monthly_income\n"


def rows(tree):
    today = timezone.localdate().strftime("%d/%m/%Y")
    return (f"082190000001,Lê Thị Hoa,02/03/1990,Nữ,{tree.commune.code},{today},monthly,2.000.000\n"
            f"082079000002,Trần Văn Nam,05/06/1979,Nam,{tree.commune.code},{today},monthly,2.000.000\n")


def test_a_cell_over_the_field_limit_rejects_the_file_with_its_line(tree, national_admin, client_for, upload_import):
    huge = "x" * (settings.IMPORT_MAX_CELL_CHARS + 10)
    content = HEADER + rows(tree) + f'082088000003,"{huge}",07/08/1988,Nam,{tree.commune.code},01/12/2026,monthly,1\n'

    job = upload_import(client_for(national_admin), "participants", content.encode())

    assert job.status == "rejected"
    assert job.errors[0]["message"] == "Dòng 4: có ô dài hơn 10.000 ký tự."
    assert not Participant.objects.exists()


def test_a_save_the_database_refuses_fails_plainly_and_can_be_tried_again(
        tree, national_admin, client_for, upload_import, django_capture_on_commit_callbacks):
    if connection.vendor != "postgresql":
        pytest.skip("a constraint added NOT VALID is PostgreSQL's")
    client = client_for(national_admin)
    with connection.cursor() as cursor:  # rolled back with the test's transaction
        cursor.execute(f"ALTER TABLE {Payment._meta.db_table} ADD CONSTRAINT refuse_every_payment "
                       "CHECK (months < 0) NOT VALID")

    job = upload_import(client, "participants", (HEADER + rows(tree)).encode())

    assert job.status == "failed" and job.finished_at is not None
    assert job.message.startswith("Cơ sở dữ liệu từ chối lưu (CheckViolation)")
    assert not Participant.objects.exists() and not Payment.objects.exists()
    page = client.get(f"/imports/{job.pk}/").content.decode()
    assert "Thử lại" in page

    with connection.cursor() as cursor:
        cursor.execute(f"ALTER TABLE {Payment._meta.db_table} DROP CONSTRAINT refuse_every_payment")
    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(f"/imports/{job.pk}/retry/")
    assert response.status_code == 302
    job = ImportJob.objects.get()
    assert (job.status, job.created_rows, job.attempts) == ("done", 2, 2)
    assert Payment.objects.count() == 2
