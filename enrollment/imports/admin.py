from django.contrib import admin

from enrollment.imports.models import ImportJob


@admin.register(ImportJob)
class ImportJobAdmin(admin.ModelAdmin):
    list_display = ("created_at", "kind", "filename", "user", "status", "total_rows")
    list_filter = ("kind", "status")
    exclude = ("content",)
    readonly_fields = [f.name for f in ImportJob._meta.fields if f.name != "content"]
