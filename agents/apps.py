from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class AgentsConfig(AppConfig):
    name = "agents"
    verbose_name = _("Collection agents")

    def ready(self):
        # Celery finds the tasks of each concern here (its autodiscovery looks only for `agents.tasks`).
        # The agent staff import registers itself with the project's imports by kind.
        from agents.campaigns.home import phone_page_landing
        from agents.campaigns.services.attribution import agent_attribution
        from agents.campaigns.services.enrollees import on_register_people_written
        from agents.performance import tasks  # noqa: F401
        from agents.performance.home import flagged_agents_panel
        from agents.staff.services import imports  # noqa: F401
        from enrollment.home.panels import register_home_panel, register_landing
        from enrollment.register.attribution import register_agent_attribution
        from enrollment.register.signals import register_people_written

        # The register cannot import agents: it announces new people and first payments, agents link them.
        register_people_written.connect(on_register_people_written, dispatch_uid="agents_link_enrollees")
        # Home cannot import agents either: agents add their panel and their staff's landing page.
        register_home_panel(flagged_agents_panel)
        register_landing(phone_page_landing)
        # The register's import reads agent columns through the checker agents give it.
        register_agent_attribution(agent_attribution)
