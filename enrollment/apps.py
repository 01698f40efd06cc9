from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class EnrollmentConfig(AppConfig):
    name = "enrollment"
    verbose_name = _("Territory and enrollment")

    def ready(self):
        # Importers register themselves by kind when their module loads.
        from enrollment.services import register_imports, unit_imports  # noqa: F401
        # Register's actual sources (priority 10) join the registry of plans.
        from enrollment.selectors import register_actuals  # noqa: F401

        # The daily digest's schedules exist after every migrate; the admin edits them.
        from django.db.models.signals import post_migrate

        from enrollment.services.digest import digest_schedule_ensure

        post_migrate.connect(digest_schedule_ensure, sender=self)

        from enrollment.services.parameter_seed import parameters_ensure

        post_migrate.connect(parameters_ensure, sender=self)
        from enrollment.services import allocation_imports  # noqa: F401
        from enrollment.selectors import actuals  # noqa: F401  (registers the reported-figure sources)
