"""Writes on agent staff."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.utils.translation import gettext as _


def agent_staff_save(*, staff):
    """Save an agent staff member; two offices entering the same person at once get one record."""
    try:
        with transaction.atomic():
            staff.save()
    except IntegrityError:
        raise ValidationError({"personal_id": _("This personal ID is already registered.")}) from None
    return staff
