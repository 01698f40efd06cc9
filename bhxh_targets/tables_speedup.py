"""django-tables2 reads the signature of a column's render method for every cell it draws.

`inspect.signature` is slow (a quarter of a participant list's CPU), and a function's signature
never changes, so it is read once per function and kept. The model field a column's accessor names is
looked up for every cell too, and is kept the same way. Installed once, from the settings' apps
(`EnrollmentConfig.ready`).
"""

import weakref

from django_tables2 import utils

_original = utils.signature
_known = weakref.WeakKeyDictionary()


def _signature(fn):
    function = getattr(fn, "__func__", fn)
    bound = function is not fn
    try:
        cached = _known.get(function)
    except TypeError:  # not weak-referenceable: a callable object, rare
        return _original(fn)
    if cached is None:
        cached = _known[function] = {}
    if bound not in cached:
        cached[bound] = _original(fn)
    return cached[bound]


_fields = {}
_original_get_field = utils.Accessor.get_field


def _get_field(accessor, model):
    """The model field an accessor names depends only on the accessor and the record's class, and is
    looked up for every cell: looked up once per pair."""
    if not hasattr(model, "_meta"):
        return None
    key = (str(accessor), model._meta.label)
    if key not in _fields:
        _fields[key] = _original_get_field(accessor, model)
    return _fields[key]


def install():
    utils.signature = _signature
    utils.Accessor.get_field = _get_field
