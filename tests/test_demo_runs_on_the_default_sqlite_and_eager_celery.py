"""`make demo` with nothing configured: a SQLite file, Celery eager, the demo data and its logins."""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
CHECK_REQUESTS = """
import django, json
django.setup()
from django.conf import settings
from django.test import Client
assert settings.DATABASES["default"]["ENGINE"].endswith("sqlite3"), settings.DATABASES
assert settings.CELERY_TASK_ALWAYS_EAGER
client = Client()
health = json.loads(client.get("/healthz").content)
# Through the login page, as a user does (the login protection needs the request).
login = client.post("/accounts/login/", {"username": "chogao", "password": "demo12345"})
assert login.status_code == 302, login.status_code
unit_page = client.get("/units/", follow=True)
print(json.dumps({"health": health, "status": unit_page.status_code,
                  "has_commune": "Xã Chợ Gạo" in unit_page.content.decode()}))
"""


def run(args, env):
    return subprocess.run([sys.executable, *args], cwd=ROOT, env=env, capture_output=True, text=True, timeout=600)


@pytest.mark.slow
def test_the_demo_seeds_and_serves_without_any_service(tmp_path):
    env = {k: v for k, v in os.environ.items() if k not in ("DATABASE_URL", "REDIS_URL", "CELERY_BROKER_URL")}
    env["SQLITE_PATH"] = str(tmp_path / "demo.sqlite3")
    env["DJANGO_SETTINGS_MODULE"] = "bhxh_targets.settings"
    migrate = run(["manage.py", "migrate", "--no-input", "-v0"], env)
    assert migrate.returncode == 0, migrate.stderr
    seed = run(["manage.py", "seed_demo"], env)
    assert seed.returncode == 0, seed.stderr
    assert "tinh82" in seed.stdout and "demo12345" in seed.stdout
    again = run(["manage.py", "seed_demo"], env)
    assert again.returncode == 0, again.stderr
    checked = run(["-c", CHECK_REQUESTS], env)
    assert checked.returncode == 0, checked.stderr
    result = json.loads(checked.stdout.strip().splitlines()[-1])
    health = result["health"]
    assert {k: health[k] for k in ("database", "redis", "celery", "celery_workers")} == {
        "database": "ok", "redis": "not configured", "celery": "not configured", "celery_workers": 0}
    assert health["figures"]["healthy"] and health["figures"]["waiting_changes"] == 0
    assert result["status"] == 200 and result["has_commune"]
