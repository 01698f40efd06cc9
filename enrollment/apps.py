from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrollmentConfig(AppConfig):
    name = "enrollment"
    verbose_name = _("Territory and enrollment")

    def ready(self):
        # Importers register themselves by kind when their module loads.
        from enrollment.services import unit_imports  # noqa: F401
