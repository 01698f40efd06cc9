from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from enrollment.models import ImportJob, LabourForce, Staff, Unit, User


def _is_national(request):
    user = request.user
    return user.is_active and user.is_staff and (user.is_superuser or user.is_national)


# Reference data is national: the admin serves national administrators only, everyone else
# works through the scoped pages.
admin.site.has_permission = _is_national


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
class StaffAdmin(admin.ModelAdmin):
    list_display = ("full_name", "position", "unit", "phone", "is_active")
    list_filter = ("position", "is_active")
    search_fields = ("full_name", "unit__name")
    raw_id_fields = ("unit", "user")
    list_select_related = ("unit",)


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "full_name", "role", "scope_unit", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("scope_unit",)
    fieldsets = BaseUserAdmin.fieldsets + ((_("Role and area"), {"fields": ("full_name", "role", "scope_unit")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("Role and area"), {"fields": ("full_name", "role", "scope_unit")}),)


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("created_at", "kind", "filename", "user", "status", "total_rows")
    list_filter = ("kind", "status")
    exclude = ("content",)
    readonly_fields = [f.name for f in ImportJob._meta.fields if f.name != "content"]
