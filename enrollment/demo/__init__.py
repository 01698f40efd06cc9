"""Demo data of the enrollment app, one module per capability."""

from enrollment.demo import territory  # noqa: F401
from enrollment.demo import dashboards  # noqa: F401
from enrollment.demo import plans  # noqa: F401,E402
from enrollment.demo import progress  # noqa: F401
from enrollment.demo import register  # noqa: F401,E402
