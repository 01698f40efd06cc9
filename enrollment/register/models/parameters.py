"""Dated parameters: base salary, poverty line, rates. Edited in the admin, never constants in code."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class ParameterMissing(LookupError):
    pass


class Parameter(models.Model):
    """A value in force from `valid_from` until the next value of the same key."""

    key = models.CharField(_("key"), max_length=64, db_index=True)
    valid_from = models.DateField(_("valid from"))
    value = models.DecimalField(_("value"), max_digits=16, decimal_places=4)
    note = models.CharField(_("note"), max_length=255, blank=True, help_text=_("Legal basis, e.g. the decree"))

    class Meta:
        verbose_name = _("dated parameter")
        verbose_name_plural = _("dated parameters")
        ordering = ["key", "-valid_from"]
        constraints = [models.UniqueConstraint(fields=["key", "valid_from"], name="parameter_unique_per_date")]

    def __str__(self):
        return f"{self.key} ({self.valid_from:%d/%m/%Y}) = {self.value}"


class ParameterTable:
    """Every parameter loaded in one query, for code that looks many up (imports, renewals, seeding)."""

    def __init__(self, rows=None):
        if rows is None:
            rows = Parameter.objects.order_by("key", "-valid_from").values_list("key", "valid_from", "value", "note")
        self._by_key = {}
        for key, valid_from, value, note in rows:
            self._by_key.setdefault(key, []).append((valid_from, value, note))

    def entry(self, key, on_date):
        """(valid_from, value, note) in force on `on_date`."""
        for valid_from, value, note in self._by_key.get(key, ()):
            if valid_from <= on_date:
                return valid_from, value, note
        raise ParameterMissing(f"No value of parameter {key!r} in force on {on_date:%Y-%m-%d}")

    def __call__(self, key, on_date):
        return self.entry(key, on_date)[1]


def parameter_entry(key, on_date):
    row = (
        Parameter.objects.filter(key=key, valid_from__lte=on_date)
        .order_by("-valid_from").values_list("key", "valid_from", "value", "note").first()
    )
    return ParameterTable([row] if row else []).entry(key, on_date)


def parameter(key, on_date):
    """The Decimal value of `key` in force on `on_date` (ParameterMissing when none)."""
    return parameter_entry(key, on_date)[1]
