"""Whom an agent figure or quota is for."""

from django.db.models import TextChoices
from django.utils.translation import gettext_lazy as _


class Level(TextChoices):
    STAFF = "staff", _("Agent staff")
    POINT = "point", _("Collection points")
    ORGANISATION = "organisation", _("Agent organisations")
    OFFICER = "officer", _("Officers")
