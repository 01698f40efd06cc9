"""Loaded by pytest before Django (pytest.ini: -p tests.environment): the development settings the suite
runs with when the environment has none. The settings refuse to start without SECRET_KEY."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-key-for-the-test-suite-never-in-production")
