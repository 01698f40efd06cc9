import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from enrollment.imports.models import ImportJob


class ImportJobTable(tables.Table):
    filename = tables.Column(linkify=("import_detail", {"pk": tables.A("pk")}), verbose_name=_("File"))
    error_count = tables.Column(verbose_name=_("Errors"), accessor="errors", orderable=False)

    def render_error_count(self, value):
        return len(value)

    class Meta:
        model = ImportJob
        fields = ("created_at", "kind", "filename", "status", "total_rows", "created_rows", "updated_rows")
        attrs = {"class": "table"}
