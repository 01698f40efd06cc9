from django.contrib import admin

from bhxh_targets.read_only_admin import ReadOnlyAdmin
from enrollment.plans.models.plans import (
    Allocation,
    AllocationLine,
    Plan,
    PlanChange,
    PlanVersion,
    ReportedFigure,
)
from enrollment.plans.models.quotas import OfficerQuota
from enrollment.shared.history_admin import HistoryAdmin


class PlanVersionInline(admin.TabularInline):
    model = PlanVersion
    extra = 0
    fields = ("seq", "kind", "target", "status", "document_number", "document_date", "curve", "approved_by")
    readonly_fields = ("approved_by",)


@admin.register(Plan)
class PlanAdmin(HistoryAdmin):
    list_display = ("unit", "year", "metric")
    list_filter = ("year", "metric")
    search_fields = ("unit__name", "unit__code")
    raw_id_fields = ("unit",)
    list_select_related = ("unit",)
    inlines = [PlanVersionInline]


class AllocationLineInline(admin.TabularInline):
    model = AllocationLine
    extra = 0
    raw_id_fields = ("unit",)


@admin.register(Allocation)
class AllocationAdmin(admin.ModelAdmin):
    list_display = ("plan", "seq", "status", "rule", "created_by", "approved_by", "approved_at")
    list_filter = ("status", "rule", "plan__year", "plan__metric")
    search_fields = ("plan__unit__name", "plan__unit__code")
    raw_id_fields = ("plan", "parent_version")
    inlines = [AllocationLineInline]


@admin.register(PlanChange)
class PlanChangeAdmin(ReadOnlyAdmin):
    list_display = ("created_at", "user", "unit", "year", "metric", "action", "subject", "old_value", "new_value")
    list_filter = ("action", "year", "metric")
    search_fields = ("unit__name", "unit__code", "subject")
    list_select_related = ("unit", "user")
    readonly_fields = [f.name for f in PlanChange._meta.fields]


@admin.register(ReportedFigure)
class ReportedFigureAdmin(admin.ModelAdmin):
    list_display = ("unit", "year", "month", "metric", "value")
    list_filter = ("year", "metric")
    search_fields = ("unit__name", "unit__code")
    raw_id_fields = ("unit",)
    list_select_related = ("unit",)


@admin.register(OfficerQuota)
class OfficerQuotaAdmin(HistoryAdmin):
    list_display = ("staff", "year", "month", "metric", "target", "note")
    list_filter = ("year", "month", "metric")
    search_fields = ("staff__full_name", "staff__unit__name")
    raw_id_fields = ("staff",)
    list_select_related = ("staff",)
