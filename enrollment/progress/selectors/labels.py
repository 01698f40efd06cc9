"""Breakdown keys as a reader sees them: a choice key (target group, agent type) by its label in the
reader's language, never "farmer" or "vietnam_post"; other keys by the name stored with the figures."""

from django.apps import apps

from enrollment.progress.models import BreakdownDimension
from enrollment.register.models.participants import TargetGroup


def _choices(dimension):
    if dimension == BreakdownDimension.TARGET_GROUP:
        return dict(TargetGroup.choices)
    if dimension == BreakdownDimension.AGENT_TYPE:
        try:
            organisation = apps.get_model("agents", "AgentOrganisation")
        except LookupError:
            return {}
        return dict(organisation._meta.get_field("organisation_type").choices)
    return {}


def shown_label(dimension, key, stored=""):
    label = _choices(dimension).get(key)
    return str(label) if label is not None else (stored or key)
