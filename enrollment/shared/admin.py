from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from bhxh_targets.read_only_admin import ReadOnlyAdmin
from enrollment.shared.models.exports import ExportRecord
from enrollment.shared.models.users import User


def _is_national(request):
    user = request.user
    return user.is_active and user.is_staff and (user.is_superuser or user.is_national)


# Reference data is national: the admin serves national administrators only, everyone else
# works through the scoped pages.
admin.site.has_permission = _is_national


@admin.register(User)
class UserAdmin(BaseUserAdmin):
    list_display = ("username", "full_name", "role", "scope_unit", "is_active")
    list_filter = ("role", "is_active")
    raw_id_fields = ("scope_unit",)
    fieldsets = BaseUserAdmin.fieldsets + ((_("Role and area"), {"fields": ("full_name", "role", "scope_unit")}),)
    add_fieldsets = BaseUserAdmin.add_fieldsets + ((_("Role and area"), {"fields": ("full_name", "role", "scope_unit")}),)


@admin.register(ExportRecord)
class ExportRecordAdmin(ReadOnlyAdmin):
    list_display = ("exported_at", "user", "filename", "rows", "path")
    list_filter = ("exported_at",)
    search_fields = ("user__username", "filename", "path")
