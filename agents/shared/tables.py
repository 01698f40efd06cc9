import django_tables2 as tables
from django.urls import reverse
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _


def mask(value, keep=3):
    """0912345678 → *******678: for roles that do not need to call or identify the person."""
    value = value or ""
    return "*" * max(len(value) - keep, 0) + value[-keep:] if value else ""


class EditColumn(tables.Column):
    """A link to the row's edit page, for those who may write; never exported."""

    def __init__(self, url_name, **kwargs):
        kwargs.update(empty_values=(), orderable=False, exclude_from_export=True, verbose_name="")
        super().__init__(**kwargs)
        self.url_name = url_name

    def render(self, record):
        return format_html('<a href="{}">{}</a>', reverse(self.url_name, args=[record.pk]), _("Edit"))


class PartialNameColumn(tables.Column):
    """An organisation's name, marked when the user sees only its points in their area (docs/AGENTS.md)."""

    def render(self, record, value):
        if not getattr(record, "partial", False):
            return value
        return format_html('{} <span class="badge" title="{}">{}</span>', value,
                           _("Only its points in your area: their staff's results against their points' quotas."),
                           _("part in your area"))

    def value(self, record, value):
        return f"{value} ({_('part in your area')})" if getattr(record, "partial", False) else value
