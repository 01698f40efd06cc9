"""Hooks other apps listen to; the register never imports them (docs/ENROLLMENT.md)."""

from django.dispatch import Signal

# Sent after participants or first payments are written. `personal_ids` lists the people written,
# or is None after a bulk import (listeners then look at every record still waiting for the register).
register_people_written = Signal()
