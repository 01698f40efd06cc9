from django.apps import AppConfig
from django.db.models.signals import post_migrate
from django.utils.translation import gettext_lazy as _


class EnrollmentConfig(AppConfig):
    name = "enrollment"
    verbose_name = _("Territory and enrollment")

    def ready(self):
        from bhxh_targets import tables_speedup

        tables_speedup.install()

        # Celery's autodiscovery looks only for `enrollment.tasks`: each concern's tasks load here.
        from enrollment.imports import tasks as import_tasks  # noqa: F401

        # Reported-figure sources, then the register's actual sources (priority 10), join the plans' registry.
        from enrollment.plans.selectors import actuals  # noqa: F401

        # Importers register themselves by kind when their module loads.
        from enrollment.plans.services import allocation_imports  # noqa: F401
        from enrollment.progress import tasks as progress_tasks  # noqa: F401

        # The daily digest's schedules and the contribution parameters exist after every migrate.
        from enrollment.progress.services.digest import digest_schedule_ensure
        from enrollment.register.selectors import actuals as register_actuals  # noqa: F401
        from enrollment.register.services import imports as register_imports  # noqa: F401
        from enrollment.register.services.parameter_seed import parameters_ensure
        from enrollment.territory.services import imports as unit_imports  # noqa: F401

        post_migrate.connect(digest_schedule_ensure, sender=self)
        post_migrate.connect(parameters_ensure, sender=self)
