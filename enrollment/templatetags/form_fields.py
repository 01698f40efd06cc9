from django import template

register = template.Library()


@register.filter
def get_field(form, name):
    """The bound field, or None when the form has no such field (agent fields exist only with the agents app)."""
    return form[name] if name in form.fields else None
