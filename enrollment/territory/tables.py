import django_tables2 as tables
from django.utils.translation import gettext_lazy as _

from enrollment.shared.tables import YearColumn
from enrollment.territory.models.officers import Staff
from enrollment.territory.models.units import LabourForce, Unit


class UnitTable(tables.Table):
    name = tables.Column(linkify=("unit_detail", {"pk": tables.A("pk")}), verbose_name=_("Name"))
    code = tables.Column(verbose_name=_("Code"))
    unit_type = tables.Column(verbose_name=_("Unit type"))
    child_count = tables.Column(verbose_name=_("Units below"), attrs={"td": {"class": "num"}, "th": {"class": "num"}})

    class Meta:
        model = Unit
        fields = ("name", "code", "unit_type", "child_count")
        order_by = ("code",)
        attrs = {"class": "table", "id": "units"}


class UnitSearchTable(UnitTable):
    parent = tables.Column(verbose_name=_("Belongs to"), accessor="parent__name", orderable=False)
    level = tables.Column(verbose_name=_("Level"))

    class Meta(UnitTable.Meta):
        fields = ("name", "code", "level", "unit_type", "parent", "child_count")


class StaffTable(tables.Table):
    unit = tables.Column(accessor="unit__name", verbose_name=_("Unit"))
    full_name = tables.Column(linkify=("staff_edit", {"pk": tables.A("pk")}), verbose_name=_("Full name"))

    class Meta:
        model = Staff
        fields = ("full_name", "position", "unit", "phone", "email", "is_active")
        attrs = {"class": "table"}


class LabourForceTable(tables.Table):
    unit = tables.Column(accessor="unit__name", verbose_name=_("Unit"))
    unit_code = tables.Column(accessor="unit__code", verbose_name=_("Code"))
    year = YearColumn(verbose_name=_("Year"))
    labour_force = tables.Column(verbose_name=_("Working-age labour force"), attrs={"td": {"class": "num"}, "th": {"class": "num"}})

    class Meta:
        model = LabourForce
        fields = ("unit", "unit_code", "year", "labour_force", "source")
        attrs = {"class": "table"}
