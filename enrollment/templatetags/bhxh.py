from django import template

from enrollment.shared import formats

register = template.Library()
register.filter("percent", formats.percent)
register.filter("number", formats.number)


@register.filter
def get_item(mapping, key):
    return mapping.get(key) if mapping else None
