"""Every table of the application renders, paginates and exports the same way.

An export is written by one writer: CSV as the table's header and rows; XLSX with a title block (what
the table is, the unit, the data date, the metric, who exported it and when, in Asia/Ho_Chi_Minh), a
frozen header with an auto-filter, Excel number formats (a percentage is stored as 1.8889 shown 188,9%),
and a totals row under the columns that add up.
"""

from dataclasses import dataclass
from datetime import date

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django.utils.encoding import force_str
from django.utils.formats import date_format
from django.utils.translation import gettext as _
from django_tables2 import RequestConfig

from bhxh_targets.spreadsheets import csv_content, xlsx_content
from enrollment.shared.export_records import export_record

EXPORT_FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
PERCENT_KINDS = ("percent", "signed_percent")
SUMMED_KINDS = ("number", "signed_number")


@dataclass
class ExportTitle:
    """What the title block of an XLSX export says besides who exported it and when."""

    heading: str = ""
    unit: str = ""
    data_date: date | None = None
    metric: str = ""


def number_format_for(kind, digits=0):
    """The Excel number format of a column kind (Excel shows its separators in the reader's language)."""
    decimals = "." + "0" * digits if digits else ""
    if kind in ("number", "signed_number"):
        plain = f"#,##0{decimals}"
        return f"+{plain};-{plain};{plain}" if kind == "signed_number" else plain
    if kind in PERCENT_KINDS:
        plain = f"0{decimals}%"
        return f"+{plain};-{plain};{plain}" if kind == "signed_percent" else plain
    return None


def _exported_columns(table):
    """The columns an export holds, as django-tables2's as_values() picks them (invisible ones too)."""
    return [column for column in table.columns.iterall() if not column.column.exclude_from_export]


def _sheet_value(value, kind):
    if value is None or value == "":
        return None
    if kind in PERCENT_KINDS and isinstance(value, (int, float)):
        return round(value / 100, 8)  # 188.89 → 1.8889, shown 188,9% by the % format
    return value


def table_sheet(table):
    """(header, rows, number formats, totals) of a table as its XLSX export holds them."""
    columns = _exported_columns(table)
    kinds = [getattr(column.column, "kind", None) for column in columns]
    header = [force_str(column.header, strings_only=True) for column in columns]
    rows = [[_sheet_value(force_str(row.get_cell_value(column.name), strings_only=True), kind)
             for column, kind in zip(columns, kinds, strict=True)] for row in table.rows]
    formats = [number_format_for(kind, getattr(column.column, "digits", 0)) for column, kind in
               zip(columns, kinds, strict=True)]
    totals = None
    summed = [index for index, (column, kind) in enumerate(zip(columns, kinds, strict=True))
              if kind in SUMMED_KINDS and getattr(column.column, "summable", False) and index > 0]
    if getattr(table, "export_totals", True) and summed and rows:
        sums = [None] * len(columns)
        for index in summed:
            sums[index] = sum(row[index] for row in rows if isinstance(row[index], (int, float)))
            if isinstance(sums[index], float):
                sums[index] = round(sums[index], getattr(columns[index].column, "digits", 0) or 0)
        totals = (_("Total"), sums)
    return header, rows, formats, totals


def title_block(request, title):
    """The lines above an XLSX table: unit, data date, metric, who exported it and when."""
    title = title or ExportTitle()
    user = request.user
    unit = title.unit or (user.scope_unit.name if getattr(user, "scope_unit", None) else _("Whole country"))
    lines = [(_("Unit"), unit)]
    if title.data_date:
        lines.append((_("Data date"), date_format(title.data_date, "d/m/Y")))
    if title.metric:
        lines.append((_("Metric"), str(title.metric)))
    lines.append((_("Exported by"), str(user) if user.is_authenticated else ""))
    lines.append((_("Exported at"), date_format(timezone.localtime(), "d/m/Y H:i")))
    return str(title.heading or ""), lines


def table_export(request, table, export_format, filename, title=None):
    """The file of an export (CSV or XLSX), recorded with who took it."""
    if export_format == "csv":
        header, *rows = table.as_values()
        content = csv_content(header, rows)
        response = HttpResponse(content, content_type="text/csv; charset=utf-8")
    else:
        header, rows, formats, totals = table_sheet(table)
        heading, lines = title_block(request, title)
        content = xlsx_content(header, rows, title=heading[:31] or None, column_widths="adaptive",
                               heading=heading or None, title_lines=lines, number_formats=formats, totals=totals)
        response = HttpResponse(content, content_type=XLSX_CONTENT_TYPE)
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    export_record(user=request.user, path=request.get_full_path(), filename=filename, rows=len(table.rows))
    return response


def render_table(request, table, template, context, *, filename, per_page=50, export_title=None):
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        RequestConfig(request, paginate=False).configure(table)
        stamp = timezone.localdate().strftime("%Y%m%d")
        return table_export(request, table, export_format, f"{filename}-{stamp}.{export_format}", export_title)
    RequestConfig(request, paginate={"per_page": per_page}).configure(table)
    return render(request, template, {**context, "table": table, "export_formats": EXPORT_FORMATS})


def export_response(request, tables_by_name, filename, export_title=None):
    """On a page with several tables: the export of `?_export=xlsx&table=<name>`, or None."""
    export_format = request.GET.get("_export")
    table = tables_by_name.get(request.GET.get("table", ""))
    if export_format not in EXPORT_FORMATS or table is None:
        return None
    RequestConfig(request, paginate=False).configure(table)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return table_export(request, table, export_format, f"{filename}-{request.GET['table']}-{stamp}.{export_format}",
                        export_title)


def spreadsheet_download(header, rows, filename, file_format, *, sheet_title=None, column_widths=None):
    """A file to fill in (import templates, allocation grids): CSV with a BOM for Excel, or XLSX."""
    if file_format == "csv":
        response = HttpResponse("\ufeff" + csv_content(header, rows), content_type="text/csv; charset=utf-8")
    elif file_format == "xlsx":
        response = HttpResponse(xlsx_content(header, rows, title=sheet_title, column_widths=column_widths,
                                             freeze_header=False), content_type=XLSX_CONTENT_TYPE)
    else:
        raise Http404
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    return response
