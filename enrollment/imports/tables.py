import django_tables2 as tables
from django.utils.html import format_html
from django.utils.translation import gettext_lazy as _

from enrollment.imports.models import ImportJob
from enrollment.imports.services import IMPORTERS


class ImportJobTable(tables.Table):
    filename = tables.Column(linkify=("import_detail", {"pk": tables.A("pk")}), verbose_name=_("File"))
    error_count = tables.Column(verbose_name=_("Errors"), accessor="errors", orderable=False)
    dry_run = tables.Column(verbose_name=_("Kind of run"))

    def render_kind(self, value):
        importer = IMPORTERS.get(value)
        return importer.label if importer else value

    def value_kind(self, value):
        return str(self.render_kind(value))

    def render_error_count(self, value):
        return len(value)

    def render_dry_run(self, value):
        if value:
            return format_html('<span class="badge draft dry-run">{}</span>', _("Check only"))
        return _("Import")

    def value_dry_run(self, value):
        return str(_("Check only") if value else _("Import"))

    class Meta:
        model = ImportJob
        fields = ("created_at", "kind", "filename", "dry_run", "status", "total_rows", "created_rows", "updated_rows")
        attrs = {"class": "table"}
