from django.contrib import admin

from bhxh_targets.read_only_admin import ReadOnlyAdmin
from enrollment.progress.models import ProgressBreakdown, ProgressChange, ProgressSnapshot, RecomputeRun


@admin.register(ProgressSnapshot)
class ProgressSnapshotAdmin(ReadOnlyAdmin):
    list_display = ("date", "unit", "metric", "actual", "plan_in_force", "phased_to_date", "achievement_in_force",
                    "status", "computed_at")
    list_filter = ("metric", "status", "date")
    search_fields = ("unit__name", "unit__code")
    raw_id_fields = ("unit",)
    list_select_related = ("unit",)
    date_hierarchy = "date"


@admin.register(ProgressBreakdown)
class ProgressBreakdownAdmin(ReadOnlyAdmin):
    list_display = ("date", "unit", "dimension", "key", "label", "new_participants", "active_participants")
    list_filter = ("dimension", "date")
    search_fields = ("unit__name", "unit__code", "label")
    raw_id_fields = ("unit",)
    list_select_related = ("unit",)


@admin.register(RecomputeRun)
class RecomputeRunAdmin(admin.ModelAdmin):
    list_display = ("created_at", "kind", "status", "triggered_by", "percent", "as_of", "added_participants",
                    "snapshot_rows", "started_at", "finished_at", "attempts", "heartbeat_at", "message")
    list_filter = ("kind", "status")
    readonly_fields = [f.name for f in RecomputeRun._meta.fields]


@admin.register(ProgressChange)
class ProgressChangeAdmin(admin.ModelAdmin):
    """The outbox, read only: the changes the figures have not caught up with."""

    list_display = ("created_at", "unit_ids", "dates")
    readonly_fields = ("created_at", "unit_ids", "dates")

    def has_add_permission(self, request):
        return False
