from django import template

from enrollment.shared.formats import growth_text

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
