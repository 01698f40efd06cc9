"""Every table of the application renders, paginates and exports the same way."""

from django.shortcuts import render
from django.utils import timezone
from django_tables2 import RequestConfig
from django_tables2.export import TableExport

EXPORT_FORMATS = ("csv", "xlsx")


def render_table(request, table, template, context, *, filename, per_page=50):
    export_format = request.GET.get("_export")
    if export_format in EXPORT_FORMATS:
        RequestConfig(request, paginate=False).configure(table)
        stamp = timezone.localdate().strftime("%Y%m%d")
        return TableExport(export_format, table).response(f"{filename}-{stamp}.{export_format}")
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
    return TableExport(export_format, table).response(f"{filename}-{request.GET['table']}-{stamp}.{export_format}")
