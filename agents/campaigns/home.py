"""Agent staff land on their phone page rather than the home page."""

from django.urls import reverse

from agents.shared.scoping import agent_profile


def phone_page_landing(user):
    agent = agent_profile(user)
    return reverse("agents:field") if agent is not None and agent.is_active else None
