"""Redis as a cache the pages never need: while Redis is down a read misses and a write is dropped.

Dashboards then read the database directly (their figures are the snapshots, not the cache), and
entries and payments are never answered with an error for a cache they do not depend on.
"""

import logging

from django.core.cache.backends.redis import RedisCache
from redis.exceptions import RedisError

log = logging.getLogger(__name__)

# A counter that cannot be read counts as zero: rate limits (django-ratelimit) let people work on.
_MISS_ON_ERROR = {"get": "default", "get_many": {}, "has_key": False, "add": False, "touch": False,
                  "delete": False, "set": None, "set_many": [], "delete_many": None, "clear": None,
                  "incr": 0, "decr": 0}


def _tolerant(name, fallback):
    method = getattr(RedisCache, name)

    def call(self, *args, **kwargs):
        try:
            return method(self, *args, **kwargs)
        except RedisError as exc:
            log.warning("cache %s skipped: Redis is unavailable (%s)", name, exc)
            if fallback == "default":
                return kwargs.get("default", args[1] if len(args) > 1 else None)
            return type(fallback)(fallback) if fallback is not None else None

    call.__name__ = name
    return call


class TolerantRedisCache(RedisCache):
    pass


for _name, _fallback in _MISS_ON_ERROR.items():
    setattr(TolerantRedisCache, _name, _tolerant(_name, _fallback))
