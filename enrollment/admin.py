"""Django's admin loads this module: each concern registers its own models."""

from enrollment.imports import admin as imports_admin  # noqa: F401
from enrollment.plans import admin as plans_admin  # noqa: F401
from enrollment.progress import admin as progress_admin  # noqa: F401
from enrollment.register import admin as register_admin  # noqa: F401
from enrollment.shared import admin as shared_admin  # noqa: F401
from enrollment.territory import admin as territory_admin  # noqa: F401
