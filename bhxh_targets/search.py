"""The search boxes of the application: one field cleans what is typed into any of them.

Control characters (a NUL breaks a PostgreSQL query) are refused with a message, never sent to the
database."""

import re

import django_filters
from django import forms
from django.contrib import messages
from django.core.exceptions import ValidationError
from django.utils.translation import gettext_lazy as _

CONTROL = re.compile(r"[\x00-\x1f\x7f]")
MAX_LENGTH = 100


class SearchField(forms.CharField):
    default_error_messages = {
        "control": _("The search text contains control characters; type it again without them."),
    }

    def __init__(self, **kwargs):
        kwargs.setdefault("required", False)
        kwargs.setdefault("max_length", MAX_LENGTH)
        super().__init__(**kwargs)

    def to_python(self, value):
        value = super().to_python(value)
        if CONTROL.search(value):
            raise ValidationError(self.error_messages["control"], code="control")
        return value


class SearchFilter(django_filters.CharFilter):
    field_class = SearchField


class SearchForm(forms.Form):
    q = SearchField(label=_("Search"))


def search_query(request, field="q"):
    """The cleaned search text of the query string; "" with the reason shown on the page when it is refused."""
    form = SearchForm({"q": request.GET.get(field, "")})
    if form.is_valid():
        return form.cleaned_data["q"]
    for error in form.errors["q"]:
        messages.error(request, error)
    return ""
