from django import template
from django.utils.formats import number_format

register = template.Library()


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None


@register.filter
def percent(value, digits=1):
    """113.04 → "113,0%" in Vietnamese, "113.0%" in English; empty for no value."""
    if value is None or value == "":
        return ""
    return f"{number_format(value, int(digits), force_grouping=True)}%"


@register.filter
def number(value, digits=0):
    if value is None or value == "":
        return ""
    return number_format(value, int(digits), force_grouping=True)
