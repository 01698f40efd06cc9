"""Static files as production serves them: collectstatic gives them hashed names and compressed copies, and
WhiteNoise serves those for years; a file the manifest does not know keeps its plain name instead of failing."""

import re

import pytest
from django.core.management import call_command
from django.http import HttpResponse
from django.templatetags.static import static
from whitenoise.middleware import WhiteNoiseMiddleware

pytestmark = pytest.mark.django_db  # closing a response closes the request's database connections


def test_collected_files_get_hashed_names_compressed_copies_and_a_long_cache(tmp_path, settings, rf):
    source = tmp_path / "static"
    (source / "js").mkdir(parents=True)
    (source / "js" / "dashboard.js").write_text("console.log('chart');\n" * 200, encoding="utf-8")
    settings.STATICFILES_DIRS = [source]
    settings.STATIC_ROOT = tmp_path / "collected"
    settings.STATICFILES_FINDERS = ["django.contrib.staticfiles.finders.FileSystemFinder"]
    settings.STORAGES = {**settings.STORAGES, "staticfiles": {"BACKEND": "bhxh_targets.storage.StaticFilesStorage"}}
    settings.WHITENOISE_USE_FINDERS = False
    settings.WHITENOISE_AUTOREFRESH = False

    assert static("js/dashboard.js") == "/static/js/dashboard.js"  # not collected yet: the plain name
    call_command("collectstatic", interactive=False, verbosity=0)
    url = static("js/dashboard.js")
    assert re.fullmatch(r"/static/js/dashboard\.[0-9a-f]{12}\.js", url)
    assert static("js/not-collected.js") == "/static/js/not-collected.js"

    serve = WhiteNoiseMiddleware(lambda request: HttpResponse(status=404))
    response = serve(rf.get(url, HTTP_ACCEPT_ENCODING="gzip, br"))
    assert response.status_code == 200
    assert response["Cache-Control"] == "max-age=315360000, public, immutable"
    assert response["Content-Encoding"] in ("br", "gzip")
    response.close()
