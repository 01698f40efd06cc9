"""Audit records (who exported what, every change of a plan) are read in the admin, never edited or deleted."""

from django.contrib import admin


class AuditRecordAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
