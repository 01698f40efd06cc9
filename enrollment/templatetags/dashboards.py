from django import template

register = template.Library()


@register.filter
def negate(value):
    """A gap below zero reads as people ahead of the plan."""
    return -value if value is not None else None
