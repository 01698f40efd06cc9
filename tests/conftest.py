import os
from dataclasses import dataclass

import pytest
from django.conf import settings

from enrollment.models import Role
from tests.factories import UnitFactory, UserFactory

# Playwright drives the browser from the test thread while live_server answers.
os.environ.setdefault("DJANGO_ALLOW_ASYNC_UNSAFE", "true")


@dataclass
class Tree:
    province: object
    district: object
    commune: object
    village: object
    other_district: object
    other_commune: object
    other_province: object
    far_commune: object


@pytest.fixture
def tree(db):
    """Two provinces; the first with two districts, each with a commune."""
    province = UnitFactory(code="82", name="Tỉnh Đồng Tháp")
    district = UnitFactory(parent=province, code="822", name="BHXH cơ sở huyện Chợ Gạo")
    commune = UnitFactory(parent=district, code="28594", name="Xã Chợ Gạo")
    village = UnitFactory(parent=commune, code="2859401", name="Ấp Bình Thạnh")
    other_district = UnitFactory(parent=province, code="815", name="BHXH cơ sở thành phố Mỹ Tho")
    other_commune = UnitFactory(parent=other_district, code="28249", name="Phường Mỹ Tho")
    other_province = UnitFactory(code="01", name="Thành phố Hà Nội", unit_type="thanh_pho_tw")
    far_district = UnitFactory(parent=other_province, code="001", name="BHXH cơ sở quận Ba Đình")
    far_commune = UnitFactory(parent=far_district, code="00004", name="Phường Ba Đình")
    return Tree(province, district, commune, village, other_district, other_commune, other_province, far_commune)


@pytest.fixture
def make_user(db):
    def make(role, scope_unit=None, **kwargs):
        return UserFactory(role=role, scope_unit=scope_unit, **kwargs)

    return make


@pytest.fixture
def national_admin(make_user):
    return make_user(Role.NATIONAL_ADMIN, is_staff=True)


@pytest.fixture
def provincial_manager(make_user, tree):
    return make_user(Role.PROVINCIAL_MANAGER, tree.province)


@pytest.fixture
def district_staff(make_user, tree):
    return make_user(Role.DISTRICT_STAFF, tree.district)


@pytest.fixture
def agent_staff(make_user, tree):
    return make_user(Role.AGENT_STAFF, tree.commune)


@pytest.fixture
def viewer(make_user, tree):
    return make_user(Role.VIEWER, tree.district)


@pytest.fixture
def client_for(client):
    def login(user):
        client.force_login(user)
        return client

    return login


@pytest.fixture
def celery_worker(transactional_db):
    """A real Celery worker thread on the configured broker (Redis in CI, memory otherwise)."""
    from celery.contrib.testing.worker import start_worker

    from bhxh_targets.celery import app

    app.conf.task_always_eager = False
    try:
        with start_worker(app, pool="solo", perform_ping_check=False, shutdown_timeout=10) as worker:
            yield worker
    finally:
        app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER


@pytest.fixture
def wait_for_job():
    """Wait for an ImportJob that a worker runs to finish."""
    import time

    def wait(job, seconds=30):
        deadline = time.monotonic() + seconds
        while time.monotonic() < deadline:
            job.refresh_from_db()
            if job.is_finished:
                return job
            time.sleep(0.1)
        raise AssertionError(f"import still {job.status} after {seconds}s")

    return wait


@pytest.fixture
def eager_tasks():
    """Run queued tasks in the test's own thread (the worker tests use `celery_worker` instead)."""
    from bhxh_targets.celery import app

    app.conf.task_always_eager = True
    yield
    app.conf.task_always_eager = settings.CELERY_TASK_ALWAYS_EAGER


@pytest.fixture
def upload_import(django_capture_on_commit_callbacks, eager_tasks):
    """Upload a file on the import page and run the queued job as a worker would."""
    from django.core.files.uploadedfile import SimpleUploadedFile

    from enrollment.models import ImportJob

    def upload(client, kind, content, name="data.csv", **options):
        with django_capture_on_commit_callbacks(execute=True):
            response = client.post(f"/imports/new/{kind}/", {"file": SimpleUploadedFile(name, content), **options})
        assert response.status_code == 302, response.content
        return ImportJob.objects.latest("pk")

    return upload


@pytest.fixture(autouse=True)
def _dated_parameters_survive_flushes(request):
    """A transactional test flushes every table, and with them the dated parameters a migration
    seeds: put them back so that the register works in whatever test runs next."""
    marker = request.node.get_closest_marker("django_db")
    names = request.fixturenames
    if not ("transactional_db" in names or "live_server" in names or (marker and marker.kwargs.get("transaction"))):
        return
    import importlib

    from django.apps import apps

    request.getfixturevalue("transactional_db")
    importlib.import_module("enrollment.migrations.0004_seed_parameters").seed(apps, None)


@dataclass
class FaultRig:
    redis: object
    worker: object
    log: object


@pytest.fixture
def fault_rig(transactional_db, settings, tmp_path):
    """A Redis of the test's own and a real worker process on it (started by the test: `rig.worker.start()`);
    this test process is the web side, pointed at the same Redis. See tests/faults.py."""
    from bhxh_targets import settings as project_settings
    from bhxh_targets.celery import app
    from tests.faults import OwnRedis, WorkerProcess, point_at, restore

    own = OwnRedis()
    own.start()
    point_at(settings, own)
    log = tmp_path / "worker.log"
    worker = WorkerProcess(own.url, log_path=log)
    try:
        yield FaultRig(own, worker, log)
    finally:
        worker.stop()
        own.stop()
        restore(app, project_settings)
