"""Pages of a long list read in two steps: the page's keys, then those rows alone."""

from django.db import models
from django.db.models.query import ModelIterable


class KeysFirstQuerySet(models.QuerySet):
    """With `keys_first()`, a slice (a page of a table) first reads the primary keys of its rows in the list's
    order, which an index holding the filter, the order and the key gives without touching the table, and then
    reads those rows by key. Otherwise PostgreSQL reads every row the filter keeps (thousands, scattered over
    the table) to sort them, or walks the whole table in the list's order."""

    _keys_first = False

    def keys_first(self):
        clone = self._chain()
        clone._keys_first = True
        return clone

    def _clone(self):
        clone = super()._clone()
        clone._keys_first = self._keys_first
        return clone

    def __getitem__(self, k):
        if not (self._keys_first and isinstance(k, slice) and self._iterable_class is ModelIterable
                and self._result_cache is None):
            return super().__getitem__(k)
        keys = list(self.values_list("pk", flat=True)[k])
        rows = {row.pk: row for row in self.filter(pk__in=keys)}
        return [rows[key] for key in keys if key in rows]
