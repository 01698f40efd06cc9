"""django-tables2 reads the signature of a column's render method for every cell it draws.

`inspect.signature` is slow (a quarter of a participant list's CPU), and a function's signature
never changes, so it is read once per function and kept. Installed once, from the settings'
apps (`EnrollmentConfig.ready`).
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


def install():
    utils.signature = _signature
