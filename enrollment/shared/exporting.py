"""Every table of the application renders, paginates and exports the same way."""

from django.http import Http404, HttpResponse
from django.shortcuts import render
from django.utils import timezone
from django_tables2 import RequestConfig

from bhxh_targets.spreadsheets import SafeTableExport, csv_content, xlsx_content
from enrollment.shared.export_records import export_record

EXPORT_FORMATS = ("csv", "xlsx")
XLSX_CONTENT_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def _exported(request, table, export_format, filename):
    """The file of an export, recorded with who took it."""
    response = SafeTableExport(export_format, table).response(filename)
    export_record(user=request.user, path=request.get_full_path(), filename=filename, rows=len(table.rows))
    return response


def render_table(request, table, template, context, *, filename, per_page=50):
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        RequestConfig(request, paginate=False).configure(table)
        stamp = timezone.localdate().strftime("%Y%m%d")
        return _exported(request, table, export_format, f"{filename}-{stamp}.{export_format}")
    RequestConfig(request, paginate={"per_page": per_page}).configure(table)
    return render(request, template, {**context, "table": table, "export_formats": EXPORT_FORMATS})


def export_response(request, tables_by_name, filename):
    """On a page with several tables: the export of `?_export=xlsx&table=<name>`, or None."""
    export_format = request.GET.get("_export")
    table = tables_by_name.get(request.GET.get("table", ""))
    if export_format not in EXPORT_FORMATS or table is None:
        return None
    RequestConfig(request, paginate=False).configure(table)
    stamp = timezone.localdate().strftime("%Y%m%d")
    return _exported(request, table, export_format, f"{filename}-{request.GET['table']}-{stamp}.{export_format}")


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
