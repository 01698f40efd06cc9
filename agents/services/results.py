"""Recording what agent staff did in the field."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _

from agents.models import CampaignResult

COUNT_FIELDS = ("households_visited", "people_consulted", "attendees", "new_si", "new_hi")


def communes_of(agent):
    """The communes an agent staff member works in: those their point serves, else the point's own commune."""
    communes = list(agent.point.communes.order_by("name"))
    return communes or [agent.point.unit]


def result_record(*, agent, idempotency_key, day, commune, user, campaign=None, notes="", **counts):
    """Record one result; the same submission key sent again returns the first record, unchanged.

    Returns (result, created). A double tap or a retry after a lost response carries the key the
    form was rendered with, so the database's unique constraint turns it into a no-op.
    """
    existing = CampaignResult.objects.filter(idempotency_key=idempotency_key).first()
    if existing is not None:
        return existing, False
    if commune.pk not in {c.pk for c in communes_of(agent)}:
        raise ValidationError({"commune": _("This commune is not served by your collection point.")})
    if campaign is not None and not (campaign.starts_on <= day <= campaign.ends_on):
        raise ValidationError({"campaign": _("The campaign does not run on this day.")})
    values = {name: int(counts.get(name) or 0) for name in COUNT_FIELDS}
    try:
        with transaction.atomic():
            result = CampaignResult.objects.create(
                agent=agent, idempotency_key=idempotency_key, day=day, commune=commune, campaign=campaign,
                notes=notes, recorded_by=user, **values,
            )
    except IntegrityError:
        return CampaignResult.objects.get(idempotency_key=idempotency_key), False
    return result, True
