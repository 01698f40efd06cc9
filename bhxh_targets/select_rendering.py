"""Select boxes written in Python, the same markup as Django's own templates.

Django draws a `<select>` through one template per option (with another for its attributes): a
commune or officer list of a few hundred options costs tens of milliseconds, most of an entry
form's CPU. `FORM_RENDERER = "bhxh_targets.select_rendering.Renderer"` writes `select.html` with its
standard options directly — every value escaped, localised and formatted as those templates do —
and leaves every other template (and any select with an option template of its own) to Django.
"""

from django.forms.renderers import DjangoTemplates
from django.template import Context
from django.template.base import render_value_in_context
from django.utils.html import conditional_escape
from django.utils.safestring import SafeData, mark_safe

SELECT = "django/forms/widgets/select.html"
OPTION = "django/forms/widgets/select_option.html"


def _formatted(value):
    """`{{ value|stringformat:'s' }}`"""
    try:
        text = "%s" % value  # noqa: UP031 - exactly what stringformat:"s" does, tuples included
    except (ValueError, TypeError):
        text = ""
    return conditional_escape(mark_safe(text) if isinstance(value, SafeData) else text)


def _attrs(attrs, context):
    """django/forms/widgets/attrs.html"""
    return "".join(f" {render_value_in_context(name, context)}" + ("" if value is True else f'="{_formatted(value)}"')
                   for name, value in attrs.items() if value is not False)


def _select(widget, context):
    html = [f'<select name="{render_value_in_context(widget["name"], context)}"{_attrs(widget["attrs"], context)}>']
    for group_name, options, _index in widget["optgroups"]:
        if group_name:
            html.append(f'\n  <optgroup label="{render_value_in_context(group_name, context)}">')
        for option in options:
            html.append(f'\n  <option value="{_formatted(option["value"])}"{_attrs(option["attrs"], context)}>'
                        f'{render_value_in_context(option["label"], context)}</option>\n')
        if group_name:
            html.append("\n  </optgroup>")
    html.append("\n</select>")
    return "".join(html)


class Renderer(DjangoTemplates):
    def render(self, template_name, context, request=None):
        widget = context.get("widget") if template_name == SELECT else None
        if widget is None or any(option["template_name"] != OPTION
                                 for _name, options, _index in widget["optgroups"] for option in options):
            return super().render(template_name, context, request)
        return _select(widget, Context(autoescape=True)).strip()
