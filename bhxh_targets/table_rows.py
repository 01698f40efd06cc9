"""The rows of every table drawn in Python: `{% table_rows table %}` (templates/tables/table.html).

django-tables2's template draws each cell through the template engine — an attribute lookup, a
localisation test and a filter per cell, about half of a 50-row page's CPU. This tag writes the same
markup (each row's attributes, each cell's `td` attributes and its value, localised or not as the
column says, escaped as the template would) in a loop of Python, with the same empty-table row.
A column's `td` attributes are worked out once per table unless one of them is computed per record,
and the columns are listed once per table rather than searched by name for every cell.
"""

from django import template
from django.template.base import render_value_in_context
from django.templatetags.l10n import localize, unlocalize
from django.utils.safestring import mark_safe

register = template.Library()


def _computed(values):
    return any(callable(value) or (isinstance(value, dict) and _computed(value)) for value in values.values())


def _per_record(column):
    """Whether the column's `td` attributes depend on the record (a callable among them)."""
    attrs = {**column._table.attrs, **column.column.attrs}
    return _computed(attrs.get("td", attrs.get("cell", {})))


def _cell(column, cell, context):
    if column.localize is None:
        return render_value_in_context(cell, context)
    return render_value_in_context(localize(cell) if column.localize else unlocalize(cell), context)


@register.simple_tag(takes_context=True)
def table_rows(context, table):
    html, td_once = [], {}
    columns = list(table.columns)  # the visible ones, in order, looked up once rather than per cell
    for row in table.paginated_rows:
        html.append(f"\n<tr {row.attrs.as_html()}>")
        for column in columns:
            # What `row.items()` does for each cell, without finding the column by its name again.
            cell = row._get_and_render_with(column, render_func=row._call_render, default=column.default)
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
