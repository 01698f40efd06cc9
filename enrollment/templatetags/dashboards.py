from django import template

from enrollment.progress.selectors.standing import standing_of, standing_of_percent
from enrollment.shared.formats import gap_text, growth_text

register = template.Library()


@register.filter
def negate(value):
    """A gap below zero reads as people ahead of the plan."""
    return -value if value is not None else None


@register.filter
def growth(snapshot):
    """A snapshot's growth on the same day last year: "+11.554 (+61,4%)"; coverage in points."""
    if snapshot is None or snapshot.growth is None:
        return ""
    digits = 2 if snapshot.metric == "coverage" else 0
    return growth_text(snapshot.growth, snapshot.growth_percent, digits)


@register.filter
def standing(snapshot):
    """Where a snapshot stands against its phased plan: `.key` (green/amber/red/none), `.label`."""
    return standing_of(snapshot)


@register.filter
def standing_of_share(percent):
    return standing_of_percent(percent)


@register.filter
def gap(snapshot):
    """The snapshot's gap to the phased plan in words: "Thiếu 56", "Vượt 761"."""
    if snapshot is None:
        return ""
    coverage = snapshot.metric == "coverage"
    return gap_text(snapshot.gap, 2 if coverage else 0, percent_points=coverage)
