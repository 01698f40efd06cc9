"""With DATABASE_REPLICA_URL set, page reads use the replica; writes, and the reads right after them, the primary.

The server runs in a process of its own, configured as production would be, against the test database
(as both primary and "replica", so the test can count which connection each query went through).
"""

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest
from django.db import connection

from enrollment.models import Role

ROOT = Path(__file__).resolve().parents[2]
COUNT_QUERIES = """
import django, json
django.setup()
from django.db import connections
from django.test import Client
from django.test.utils import CaptureQueriesContext
from enrollment.models import User

client = Client()
client.force_login(User.objects.get(username="reader"))
result = {}
def count(label, method, path, **data):
    with CaptureQueriesContext(connections["replica"]) as replica, CaptureQueriesContext(connections["default"]) as primary:
        response = getattr(client, method)(path, data)
    result[label] = {"status": response.status_code, "replica": len(replica), "primary": len(primary)}
count("list", "get", "/participants/")
count("write", "post", "/i18n/setlang/", language="vi", next="/")
count("list_after_write", "get", "/participants/")
client.cookies.pop("primary_until")
count("list_later", "get", "/participants/")
print(json.dumps(result))
"""


@pytest.mark.skipif(connection.vendor != "postgresql", reason="a read replica is a PostgreSQL deployment")
def test_page_reads_go_to_the_replica_but_not_right_after_a_write(transactional_db, make_user, tree):
    make_user(Role.DISTRICT_STAFF, tree.district, username="reader")
    settings = connection.settings_dict
    url = f"postgres://{settings['USER']}@{settings['HOST']}:{settings['PORT']}/{settings['NAME']}"
    env = {**os.environ, "DATABASE_URL": url, "DATABASE_REPLICA_URL": url, "DJANGO_SETTINGS_MODULE": "bhxh_targets.settings"}
    env.pop("REDIS_URL", None)
    done = subprocess.run([sys.executable, "-c", COUNT_QUERIES], cwd=ROOT, env=env, capture_output=True, text=True,
                          timeout=120)
    assert done.returncode == 0, done.stderr
    result = json.loads(done.stdout.strip().splitlines()[-1])

    assert result["list"]["status"] == 200
    assert result["list"]["replica"] > 0
    assert result["write"]["replica"] == 0
    assert result["list_after_write"] == {**result["list_after_write"], "status": 200, "replica": 0}
    assert result["list_after_write"]["primary"] > 0
    assert result["list_later"]["replica"] > 0
