"""Demo data of the enrollment app, one module per capability."""

from enrollment.demo import dashboards, legacy, plans, progress, register, territory  # noqa: F401
