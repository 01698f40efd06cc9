"""Two views for the logging tests: one that logs, one that fails."""

import logging

from django.http import HttpResponse
from django.urls import path

from enrollment.shared.access import scoped_view

log = logging.getLogger("bhxh_targets.example")


@scoped_view
def logs(request):
    log.warning("figures looked at")
    return HttpResponse("ok")


@scoped_view
def fails(request):
    raise RuntimeError("the figures are missing")


urlpatterns = [path("logs/", logs), path("fails/", fails)]
