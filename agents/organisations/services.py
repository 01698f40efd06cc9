"""Writes on agent organisations' collection points."""

from django.db import transaction


@transaction.atomic
def point_save(*, point, communes, area_communes):
    """Save a point and the communes it serves.

    `communes` are those chosen by a user who sees only `area_communes`: the communes the point
    served outside that area (set by an office above) are kept. A point serving nothing serves
    the commune it is in.
    """
    point.save()
    kept = list(point.communes.exclude(pk__in=area_communes.values("pk")))
    point.communes.set(list(communes) + kept or [point.unit])
    return point
