from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgentsConfig(AppConfig):
    name = "agents"
    verbose_name = _("Collection agents")

    def ready(self):
        # Celery finds the tasks of each concern here (its autodiscovery looks only for `agents.tasks`).
        # The agent staff import registers itself with the project's imports by kind.
        from agents.campaigns.services.enrollees import on_register_people_written
        from agents.performance import tasks  # noqa: F401
        from agents.staff.services import imports  # noqa: F401
        from enrollment.register.signals import register_people_written

        # The register cannot import agents: it announces new people and first payments, agents link them.
        register_people_written.connect(on_register_people_written, dispatch_uid="agents_link_enrollees")
