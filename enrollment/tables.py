import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from enrollment.models import ImportJob, LabourForce, Staff, Unit


class UnitTable(tables.Table):
    name = tables.Column(linkify=("unit_detail", {"pk": tables.A("pk")}), verbose_name=_("name"))
    code = tables.Column(verbose_name=_("code"))
    unit_type = tables.Column(verbose_name=_("unit type"))
    child_count = tables.Column(verbose_name=_("units below"), attrs={"td": {"class": "num"}})

    class Meta:
        model = Unit
        fields = ("name", "code", "unit_type", "child_count")
        order_by = ("code",)
        attrs = {"class": "table", "id": "units"}


class UnitSearchTable(UnitTable):
    parent = tables.Column(verbose_name=_("in"), accessor="parent__name", orderable=False)
    level = tables.Column(verbose_name=_("level"))

    class Meta(UnitTable.Meta):
        fields = ("name", "code", "level", "unit_type", "parent", "child_count")


class StaffTable(tables.Table):
    unit = tables.Column(accessor="unit__name", verbose_name=_("unit"))

    class Meta:
        model = Staff
        fields = ("full_name", "position", "unit", "phone", "email", "is_active")
        attrs = {"class": "table"}


class LabourForceTable(tables.Table):
    unit = tables.Column(accessor="unit__name", verbose_name=_("unit"))
    unit_code = tables.Column(accessor="unit__code", verbose_name=_("code"))

    class Meta:
        model = LabourForce
        fields = ("unit", "unit_code", "year", "labour_force", "source")
        attrs = {"class": "table"}


class ImportJobTable(tables.Table):
    filename = tables.Column(linkify=("import_detail", {"pk": tables.A("pk")}))
    error_count = tables.Column(verbose_name=_("errors"), accessor="errors", orderable=False)

    def render_error_count(self, value):
        return len(value)

    class Meta:
        model = ImportJob
        fields = ("created_at", "kind", "filename", "status", "total_rows", "created_rows", "updated_rows")
        attrs = {"class": "table"}
