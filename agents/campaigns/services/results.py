"""Recording what agent staff did in the field."""

from datetime import timedelta

from django.conf import settings
from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from agents.campaigns.models.campaigns import CampaignResult
from agents.campaigns.models.enrollees import EnrolleeKind
from agents.campaigns.selectors.field import communes_of
from agents.campaigns.services.enrollees import enrollees_replace

COUNT_FIELDS = ("households_visited", "people_consulted", "attendees", "new_si", "new_hi")


def result_record(*, agent, idempotency_key, day, commune, user, campaign=None, notes="", enrollees=(), **counts):
    """Record one result; the same submission key sent again returns the first record, unchanged.

    Returns (result, created). A double tap or a retry after a lost response carries the key the
    form was rendered with, so the database's unique constraint turns it into a no-op; the named
    enrollees (cleaned dicts, agents.services.enrollees) are saved with the result or not at all.
    """
    existing = CampaignResult.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    _check_where_and_when(agent, day, commune, campaign)
    values = {name: int(counts.get(name) or 0) for name in COUNT_FIELDS}
    _check_named_within_counts(values, enrollees)
    try:
        with transaction.atomic():
            result = CampaignResult.objects.create(
                agent=agent, idempotency_key=idempotency_key, day=day, commune=commune, campaign=campaign,
                notes=notes, recorded_by=user, **values,
            )
            enrollees_replace(result=result, enrollees=list(enrollees))
    except IntegrityError:
        return CampaignResult.objects.get(idempotency_key=idempotency_key), False
    return result, True


def _check_where_and_when(agent, day, commune, campaign):
    if commune.pk not in {c.pk for c in communes_of(agent)}:
        raise ValidationError({"commune": _("This commune is not served by your collection point.")})
    if campaign is not None and not (campaign.starts_on <= day <= campaign.ends_on):
        raise ValidationError({"campaign": _("The campaign does not run on this day.")})


def _check_named_within_counts(values, enrollees):
    for kind, field in ((EnrolleeKind.VOLUNTARY_SI, "new_si"), (EnrolleeKind.HOUSEHOLD_HI, "new_hi")):
        named = sum(1 for e in enrollees if e["kind"] == kind)
        if values[field] < named:
            raise ValidationError({field: _("%(named)s people are named below: the count cannot be lower.")
                                   % {"named": named}})


def correction_window(today):
    """The first day whose results their agent may still correct or delete."""
    return today - timedelta(days=settings.AGENTS_RESULT_CORRECTION_DAYS)


def correctable_results(agent, today):
    return agent.results.filter(day__gte=correction_window(today), day__lte=today)


@transaction.atomic
def result_correct(*, result, commune, campaign=None, notes="", enrollees=None, **counts):
    """Replace what a result says (and its named enrollees, when given); the same correction twice
    leaves the same result."""
    _check_where_and_when(result.agent, result.day, commune, campaign)
    values = {name: int(counts.get(name) or 0) for name in COUNT_FIELDS}
    named = list(result.enrollees.values("kind")) if enrollees is None else list(enrollees)
    _check_named_within_counts(values, named)
    result.commune, result.campaign, result.notes = commune, campaign, notes
    for name, value in values.items():
        setattr(result, name, value)
    result.save(update_fields=["commune", "campaign", "notes", *COUNT_FIELDS])
    if enrollees is not None:
        enrollees_replace(result=result, enrollees=named)
    return result


def result_remove(*, agent, result_id, today):
    """Delete one of the agent's correctable results; True if it was there (a second tap finds nothing)."""
    deleted, _counts = correctable_results(agent, today).filter(pk=result_id).delete()
    return bool(deleted)
