"""Names shown beside breakdown keys, stored in Vietnamese (the language of the reports).

Choice keys (target group, agent type) can be shown in another language from their key.
"""

from django.apps import apps
from django.utils.translation import override

from enrollment.progress.models import BreakdownDimension
from enrollment.register.models.participants import TargetGroup
from enrollment.territory.models.officers import Staff

D = BreakdownDimension


def _names(model, keys):
    ids = [int(k) for k in keys if str(k).isdigit()]
    return {str(pk): str(obj) for pk, obj in model.objects.in_bulk(ids).items()} if ids else {}


def _agent_model(name):
    try:
        return apps.get_model("agents", name)
    except LookupError:
        return None


def breakdown_labels(breakdowns):
    """{(dimension, key): label} for the keys of `breakdowns` ({(unit, day, dimension, key): ...})."""
    keys = {}
    for _unit, _day, dimension, key in breakdowns:
        keys.setdefault(dimension, set()).add(key)
    labels = {}
    with override("vi"):
        for key in keys.get(D.TARGET_GROUP, ()):
            labels[(D.TARGET_GROUP, key)] = str(dict(TargetGroup.choices).get(key, key))
        for key, name in _names(Staff, keys.get(D.OFFICER, ())).items():
            labels[(D.OFFICER, key)] = name
        agent_staff, campaign = _agent_model("AgentStaff"), _agent_model("Campaign")
        if agent_staff:
            for key, name in _names(agent_staff, keys.get(D.AGENT_STAFF, ())).items():
                labels[(D.AGENT_STAFF, key)] = name
        if campaign:
            for key, name in _names(campaign, keys.get(D.CAMPAIGN, ())).items():
                labels[(D.CAMPAIGN, key)] = name
        organisation = _agent_model("AgentOrganisation")
        if organisation:
            choices = dict(organisation._meta.get_field("organisation_type").choices)
            for key in keys.get(D.AGENT_TYPE, ()):
                labels[(D.AGENT_TYPE, key)] = str(choices.get(key, key))
    return labels
