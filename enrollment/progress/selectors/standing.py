"""Where a unit stands against its phased plan to date: green, amber or red (settings
PROGRESS_STATUS_THRESHOLDS, docs/PROGRESS.md "Status colours"). One mapping for every card,
ranking, table and chart."""

from dataclasses import dataclass
from decimal import ROUND_HALF_UP, Decimal

from django.conf import settings
from django.utils.translation import gettext_lazy as _

from enrollment.shared.colours import STANDING

LABELS = {
    "green": _("On pace"),
    "amber": _("Slightly behind"),
    "red": _("Behind"),
    "none": _("No phased plan"),
}


@dataclass(frozen=True)
class Standing:
    key: str  # "green", "amber", "red" or "none"

    @property
    def label(self):
        return LABELS[self.key]

    @property
    def colour(self):
        return STANDING[self.key]

    def __str__(self):
        return self.key


def standing_of_percent(percent):
    """The standing of a share of the phased plan (113.04 → green with the default thresholds)."""
    if percent is None or percent == "":
        return Standing("none")
    shown = Decimal(str(percent)).quantize(Decimal("0.1"), rounding=ROUND_HALF_UP)
    thresholds = settings.PROGRESS_STATUS_THRESHOLDS
    if shown >= Decimal(thresholds["green"]):
        return Standing("green")
    if shown >= Decimal(thresholds["amber"]):
        return Standing("amber")
    return Standing("red")


def standing_of(snapshot):
    """The standing of a snapshot row: its achievement of the phased plan."""
    return standing_of_percent(getattr(snapshot, "achievement_phased", None))


def thresholds_text():
    thresholds = settings.PROGRESS_STATUS_THRESHOLDS
    return _("green from %(green)s%% of the phased plan, amber from %(amber)s%%, red below") % thresholds

