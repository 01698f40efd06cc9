from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgentsConfig(AppConfig):
    name = "agents"
    verbose_name = _("Collection agents")

    def ready(self):
        # The agent staff import registers itself with the project's imports by kind.
        from agents.services import staff_imports  # noqa: F401
