"""Loaded by pytest before Django (pytest.ini: -p tests.environment): the development settings the suite
runs with when the environment has none. The settings refuse to start without SECRET_KEY."""

import os

os.environ.setdefault("SECRET_KEY", "dev-only-key-for-the-test-suite-never-in-production")
# Plain static names in tests: a manifest left in staticfiles/ by an earlier collectstatic would point the pages
# at stale copies. tests/bhxh_targets/test_static_files_are_hashed_and_cached.py collects into its own folder.
os.environ.setdefault("STATICFILES_BACKEND", "whitenoise.storage.CompressedStaticFilesStorage")
