"""The production settings of deploy/production.env.example pass Django's deployment checks, and a server
without a SECRET_KEY refuses to start."""

import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parents[3]
pytestmark = pytest.mark.slow


def run(command, env):
    return subprocess.run(["bash", "-c", command], cwd=ROOT, env=env, capture_output=True, text=True, timeout=300)


def clean_environment():
    return {k: v for k, v in os.environ.items()
            if k in ("PATH", "HOME", "LANG", "LC_ALL", "TMPDIR", "VIRTUAL_ENV")}


def python():
    return sys.executable  # .venv/bin/python


def test_the_example_production_environment_has_no_deploy_issues():
    result = run(f"set -a; . deploy/production.env.example; set +a; {python()} manage.py check --deploy",
                 clean_environment())
    assert result.returncode == 0, result.stderr
    assert "System check identified no issues" in result.stdout


def test_without_a_secret_key_the_server_refuses_to_start():
    result = run(f"DEBUG=False {python()} manage.py check", clean_environment())
    assert result.returncode != 0
    assert "ImproperlyConfigured: SECRET_KEY is not set" in result.stderr


def test_a_developer_may_run_without_one_in_debug_mode():
    result = run(f"DEBUG=True {python()} manage.py check", clean_environment())
    assert result.returncode == 0, result.stderr
