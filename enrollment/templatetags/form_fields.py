from django import template
from django.utils.html import format_html

from enrollment.shared.forms import date_input
from enrollment.shared.submissions import FIELD, submission_key_new

register = template.Library()


@register.filter
def get_field(form, name):
    """The bound field, or None when the form has no such field (agent fields exist only with the agents app)."""
    return form[name] if name in form.fields else None


@register.simple_tag
def date_box(name, value, label=""):
    """The one dd/mm/yyyy date box (a text box, never the browser's own date picker, whose order follows the
    browser's language): for a GET form outside a Django form, e.g. the dashboards' date."""
    return date_input().render(name, value, attrs={"aria-label": label} if label else None)


@register.simple_tag
def submission_key():
    """A fresh key for a form that writes register or money rows: the server saves each key once."""
    return format_html('<input type="hidden" name="{}" value="{}">', FIELD, submission_key_new())
