"""Records read in the admin, never added, edited or deleted there: audit records (who exported what, every
change of a plan) and the figures the progress engine computes (a hand edit would be undone by its next run)."""

from django.contrib import admin


class ReadOnlyAdmin(admin.ModelAdmin):
    def has_add_permission(self, request):
        return False

    def has_change_permission(self, request, obj=None):
        return False

    def has_delete_permission(self, request, obj=None):
        return False
