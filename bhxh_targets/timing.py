"""With SERVER_TIMING=True every response tells how much CPU its request took: `Server-Timing: cpu;dur=<ms>`.

The load benchmark sums it per page type; it is the figure that survives a noisy machine.
"""

import time

from django.conf import settings


class ServerTimingMiddleware:
    def __init__(self, get_response):
        self.get_response = get_response
        self.enabled = settings.SERVER_TIMING

    def __call__(self, request):
        if not self.enabled:
            return self.get_response(request)
        started = time.thread_time()
        response = self.get_response(request)
        response["Server-Timing"] = f"cpu;dur={(time.thread_time() - started) * 1000:.1f}"
        return response
