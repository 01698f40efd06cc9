"""Static files with hashed, compressed names (whitenoise), served with a cache of ten years.

`collectstatic` writes the manifest of hashed names; WhiteNoise then serves those files as immutable.
A file the manifest does not know (no collectstatic yet, in development and tests) keeps its plain
name and is served from the finders with a short cache, instead of failing the page.
"""

from whitenoise.storage import CompressedManifestStaticFilesStorage


class StaticFilesStorage(CompressedManifestStaticFilesStorage):
    def stored_name(self, name):
        try:
            return super().stored_name(name)
        except ValueError:  # "Missing staticfiles manifest entry"
            return name
