"""The rows of every table drawn in Python: `{% table_rows table %}` (templates/tables/table.html).

django-tables2's template draws each cell through the template engine — an attribute lookup, a
localisation test and a filter per cell, about half of a 50-row page's CPU — and finds each cell's
value anew: the accessor parsed, the model field looked up, the choices turned into a dictionary, the
render method's signature read. This tag writes the same markup (each row's attributes, each cell's
`td` attributes and its value, localised or not as the column says, escaped as the template would)
in a loop of Python, with the same empty-table row, and works out once per table what does not change
from one row to the next (`CellValues`).
"""

import functools
import html as html_module
import inspect

from django import template
from django.db import models
from django.template.base import render_value_in_context
from django.templatetags.l10n import localize, unlocalize
from django.utils.encoding import force_str
from django.utils.safestring import SafeData, mark_safe
from django_tables2 import A, Column
from django_tables2 import utils as tables_utils
from django_tables2.columns import ManyToManyColumn
from django_tables2.columns.linkcolumn import BaseLinkColumn

register = template.Library()

_SLOW = object()


class CellValues:
    """One column's way from a record to its rendered cell, as django-tables2's `BoundRow.get_cell` finds it,
    worked out on the table's first model record and reused for the rest.

    Cells whose way is not that of a model's plain fields (a record that is not a model, a method or a
    missing attribute along the accessor, a relation that is empty, a many-to-many column, an accessor
    django-tables2 would call) go through django-tables2's own code, so what each cell shows is the same.
    """

    def __init__(self, bound_column):
        self.bound_column = bound_column
        self.column = bound_column.column
        self.bits = A(bound_column.accessor).bits
        self.model = None
        self.fast = bool(self.bits) and not isinstance(self.column, (ManyToManyColumn, BaseLinkColumn))
        self.render = bound_column.render
        self.arguments, self.any_argument = tables_utils.signature(self.render)  # kept per function (tables_speedup)
        self.link = bound_column.link
        self.as_is = getattr(self.render, "__func__", None) is Column.render and not self.link
        self.labels = None

    def _learn(self, record):
        """The model field the accessor ends on and, if it has choices shown by Django's own
        get_FOO_display, their labels in the current language."""
        self.model = type(record)
        field = A(self.bound_column.accessor).get_field(self.model)
        owner = getattr(field, "model", None)
        display = f"get_{self.bits[-1]}_display"
        if field is not None and getattr(field, "choices", None) and getattr(field, "attname", None) == self.bits[-1] and \
                isinstance(inspect.getattr_static(owner, display, None), functools.partialmethod):
            self.labels = {key: force_str(label, strings_only=True) for key, label in field.flatchoices}

    def _value(self, record):
        current = record
        for bit in self.bits[:-1]:
            current = getattr(current, bit, _SLOW)
            if not isinstance(current, models.Model):
                return _SLOW
        value = getattr(current, self.bits[-1], _SLOW)
        if callable(value):
            return _SLOW
        if self.labels is not None and value is not _SLOW:
            try:
                return self.labels.get(value, value)
            except TypeError:
                return _SLOW
        return value

    def cell(self, row):
        record = row.record
        if self.fast and isinstance(record, models.Model):
            if self.model is None:
                self._learn(record)
            if type(record) is self.model:
                value = self._value(record)
                if value is not _SLOW:
                    return self._rendered(row, value)
        return row.get_cell(self.bound_column.name)

    def _rendered(self, row, value):
        if value in self.column.empty_values:
            return self.bound_column.default
        if self.as_is:
            return value
        given = {"value": value, "record": row.record, "column": self.column, "bound_column": self.bound_column,
                 "bound_row": row, "table": row.table}
        if self.any_argument:
            content = self.render(**given)
        elif any(name not in given for name in self.arguments):
            content = None
        else:
            content = self.render(**{name: given[name] for name in self.arguments})
        return self.link(content, **given) if self.link else content


def _computed(values):
    return any(callable(value) or (isinstance(value, dict) and _computed(value)) for value in values.values())


def _per_record(column):
    """Whether the column's `td` attributes depend on the record (a callable among them)."""
    attrs = {**column._table.attrs, **column.column.attrs}
    return _computed(attrs.get("td", attrs.get("cell", {})))


def _cell(column, cell, context):
    if type(cell) is str and context.autoescape:  # most cells: what render_value_in_context does to a string, without its detours
        return html_module.escape(cell)
    if isinstance(cell, SafeData):
        return cell
    if column.localize is None:
        return render_value_in_context(cell, context)
    return render_value_in_context(localize(cell) if column.localize else unlocalize(cell), context)


@register.simple_tag(takes_context=True)
def table_rows(context, table):
    html, td_once = [], {}
    columns = [(column, CellValues(column)) for column in table.columns]  # the visible ones, in order
    row_attrs = None if _computed(table.row_attrs) else {}  # by parity, when no attribute depends on the record
    for row in table.paginated_rows:
        if row_attrs is None:
            attrs = row.attrs.as_html()
        else:
            parity = row.get_even_odd_css_class()
            attrs = row_attrs.get(parity) or row_attrs.setdefault(parity, row.attrs.as_html())
        html.append(f"\n<tr {attrs}>")
        for column, values in columns:
            cell = values.cell(row)
            column.current_value, column.current_record = cell, row.record
            td = td_once.get(column.name)
            if td is None:
                td = column.attrs["td"].as_html()
                if not _per_record(column):
                    td_once[column.name] = td
            html.append(f"<td {td}>{_cell(column, cell, context)}</td>")
        html.append("</tr>")
    if not html and table.empty_text:
        html.append(f'\n<tr><td colspan="{len(table.columns)}">{render_value_in_context(table.empty_text, context)}'
                    "</td></tr>")
    return mark_safe("".join(html))
