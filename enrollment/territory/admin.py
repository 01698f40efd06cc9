from django.contrib import admin

from enrollment.shared.history_admin import HistoryAdmin
from enrollment.territory.models.officers import Staff
from enrollment.territory.models.units import LabourForce, Unit


@admin.register(Unit)
class UnitAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "level", "unit_type", "code_set", "parent")
    list_filter = ("code_set", "level", "unit_type")
    search_fields = ("name", "code", "search_name")
    raw_id_fields = ("parent",)
    readonly_fields = ("path",)
    list_select_related = ("parent",)


@admin.register(LabourForce)
class LabourForceAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "labour_force", "source")
    list_filter = ("year",)
    search_fields = ("unit__name", "unit__code")
    raw_id_fields = ("unit",)
    list_select_related = ("unit",)


@admin.register(Staff)
class StaffAdmin(HistoryAdmin):
    list_display = ("full_name", "position", "unit", "phone", "is_active")
    list_filter = ("position", "is_active")
    search_fields = ("full_name", "unit__name")
    raw_id_fields = ("unit", "user")
    list_select_related = ("unit",)
