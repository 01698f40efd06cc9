"""Uploads are bounded: size, rows, cell length, the size an XLSX unpacks to, and the worker's time; each
refusal says why in Vietnamese, saves nothing and leaves no job hanging."""

import io
import time
import zipfile

import pytest
from django.core.files.uploadedfile import SimpleUploadedFile
from openpyxl import Workbook

from enrollment.imports.services import import_job_run
from enrollment.models import ImportJob, ImportStatus, Unit

pytestmark = pytest.mark.django_db

HEADER = "commune_code,name,village_type\n"


def villages(count):
    return (HEADER + "".join(f"28594,Ấp số {n},ấp\n" for n in range(count))).encode()


def inflating_xlsx(unpacked_mb):
    """A real workbook with one more part of `unpacked_mb` MB of zeros: a few kB on the wire."""
    workbook, buffer = Workbook(), io.BytesIO()
    workbook.active.append(["commune_code", "name", "village_type"])
    workbook.save(buffer)
    with zipfile.ZipFile(buffer, "a", compression=zipfile.ZIP_DEFLATED) as archive:
        archive.writestr("xl/media/padding.bin", b"\0" * (unpacked_mb * 1024 * 1024))
    return buffer.getvalue()


def job_for(user, name, content):
    return ImportJob.objects.create(kind="villages", user=user, scope_unit=user.scope_unit, filename=name,
                                    content=content, options={"language": "vi"})


def test_a_file_over_the_size_limit_is_refused_at_the_upload(client_for, district_staff, tree, settings):
    settings.IMPORT_MAX_UPLOAD_MB = 1
    content = villages(1) + b"#" * (1024 * 1024)
    response = client_for(district_staff).post("/imports/new/villages/", {"file": SimpleUploadedFile("a.csv", content)})
    assert response.status_code == 200
    assert "Tệp có dung lượng 1,0 MB; chỉ nhận tệp đến 1 MB" in response.content.decode()
    assert not ImportJob.objects.exists()


def test_a_small_xlsx_that_unpacks_to_a_huge_one_is_refused_at_the_upload(client_for, district_staff, tree, settings):
    settings.IMPORT_MAX_XLSX_UNPACKED_MB = 5
    content = inflating_xlsx(40)
    assert len(content) < 100_000
    started = time.monotonic()
    response = client_for(district_staff).post("/imports/new/villages/", {"file": SimpleUploadedFile("a.xlsx", content)})
    assert time.monotonic() - started < 5  # not a benchmark: nothing was unpacked
    body = response.content.decode()
    assert "Tệp Excel này khi giải nén nặng 40" in body and "quá 5 MB" in body
    assert not ImportJob.objects.exists()


def test_the_worker_refuses_it_too_without_unpacking_it(district_staff, tree, settings):
    settings.IMPORT_MAX_XLSX_UNPACKED_MB = 5
    job = import_job_run(job_id=job_for(district_staff, "a.xlsx", inflating_xlsx(40)).pk)
    assert job.status == ImportStatus.REJECTED and "giải nén" in job.errors[0]["message"]


def test_a_file_with_too_many_rows_is_refused_whole(district_staff, tree, settings):
    settings.IMPORT_MAX_ROWS = 5
    assert import_job_run(job_id=job_for(district_staff, "a.csv", villages(5)).pk).status == ImportStatus.DONE
    job = import_job_run(job_id=job_for(district_staff, "b.csv", villages(6)).pk)
    assert job.status == ImportStatus.REJECTED
    assert job.errors[0]["message"] == "Tệp có hơn 5 dòng: hãy chia thành nhiều tệp nhỏ hơn."
    assert Unit.objects.filter(name__startswith="Ấp số").count() == 5  # the first file only


def test_an_overlong_csv_cell_is_refused_with_its_line(district_staff, tree, settings):
    settings.IMPORT_MAX_CELL_CHARS = 200
    content = villages(2) + b"28594," + "Ấ".encode() * 300 + b",\xe1\xba\xa5p\n"
    job = import_job_run(job_id=job_for(district_staff, "a.csv", content).pk)
    assert job.status == ImportStatus.REJECTED
    assert job.errors[0]["message"] == "Dòng 4: có ô dài hơn 200 ký tự."


def test_an_overlong_xlsx_cell_is_refused_with_its_line(district_staff, tree, settings):
    settings.IMPORT_MAX_CELL_CHARS = 200
    workbook, buffer = Workbook(), io.BytesIO()
    workbook.active.append(["commune_code", "name", "village_type"])
    workbook.active.append(["28594", "A" * 201, "ấp"])
    workbook.save(buffer)
    job = import_job_run(job_id=job_for(district_staff, "a.xlsx", buffer.getvalue()).pk)
    assert job.errors[0]["message"] == "Dòng 2: có ô dài hơn 200 ký tự."


def test_a_file_that_takes_too_long_is_stopped_and_the_job_finishes(district_staff, tree, settings):
    settings.IMPORT_MAX_SECONDS = 0
    job = import_job_run(job_id=job_for(district_staff, "a.csv", villages(3)).pk)
    assert job.status == ImportStatus.REJECTED and job.is_finished
    assert "lâu hơn 0 giây" in job.errors[0]["message"]
    assert not Unit.objects.filter(name__startswith="Ấp số").exists()


def test_the_allocation_upload_has_the_same_limits(client_for, provincial_manager, tree, settings):
    settings.IMPORT_MAX_XLSX_UNPACKED_MB = 5
    from enrollment.plans.forms import AllocationUploadForm

    form = AllocationUploadForm({}, {"file": SimpleUploadedFile("a.xlsx", inflating_xlsx(40))})
    assert not form.is_valid() and "giải nén" in form.errors["file"][0]
