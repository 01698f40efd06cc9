"""Every log line of a request carries its id and its user; the response carries the id (X-Request-ID)."""

import contextvars
import logging
import re
import uuid
from dataclasses import dataclass

HEADER = "X-Request-ID"
# An id from the proxy in front is kept when it cannot break a log line: short, no spaces or controls.
SAFE_ID = re.compile(r"[A-Za-z0-9][A-Za-z0-9._:-]{0,99}")


@dataclass
class RequestContext:
    request_id: str
    user: str = "-"


_current = contextvars.ContextVar("request_context", default=None)


def current_request_id():
    context = _current.get()
    return context.request_id if context else None


class RequestIdMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        incoming = request.headers.get(HEADER, "")
        context = RequestContext(incoming if SAFE_ID.fullmatch(incoming) else uuid.uuid4().hex)
        request.log_context = context
        token = _current.set(context)
        try:
            response = self.get_response(request)
        finally:
            _current.reset(token)
        response[HEADER] = context.request_id
        return response

    def process_view(self, request, view_func, view_args, view_kwargs):
        # Runs after the authentication middleware: the user is known from here on.
        user = getattr(request, "user", None)
        if user is not None and user.is_authenticated:
            request.log_context.user = user.get_username()


class RequestContextFilter(logging.Filter):
    """Adds `request_id` and `user` to every record ("-" outside a request).

    Django logs 4xx and 5xx responses once the middleware has returned; those records carry the request.
    """

    def filter(self, record):
        if hasattr(record, "request_id"):  # another handler's filter was there first
            return True
        context = _current.get() or getattr(getattr(record, "request", None), "log_context", None)
        record.request_id = context.request_id if context else "-"
        record.user = context.user if context else "-"
        return True
