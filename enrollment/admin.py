from django.contrib import admin
from django.contrib.auth.admin import UserAdmin as BaseUserAdmin
from django.utils.translation import gettext_lazy as _

from bhxh_targets.audit_admin import AuditRecordAdmin
from enrollment.models import ExportRecord, ImportJob, LabourForce, Staff, Unit, User
from enrollment.models.progress import ProgressBreakdown, ProgressSnapshot, RecomputeRun


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


@admin.register(ExportRecord)
class ExportRecordAdmin(AuditRecordAdmin):
    list_display = ("exported_at", "user", "filename", "rows", "path")
    list_filter = ("exported_at",)
    search_fields = ("user__username", "filename", "path")


# --- register ---------------------------------------------------------------------------------
from enrollment.models import (  # noqa: E402
    Household, HouseholdMember, Parameter, Participant, Payment, RenewalOutcome,
)


@admin.register(Parameter)
class ParameterAdmin(admin.ModelAdmin):
    list_display = ("key", "valid_from", "value", "note")
    list_filter = ("key",)
    search_fields = ("key", "note")
    date_hierarchy = "valid_from"


class PaymentInline(admin.TabularInline):
    model = Payment
    extra = 0
    raw_id_fields = ("commune", "collected_by_staff", "mobilised_by_staff", "collected_by_agent", "mobilised_by_agent",
                     "campaign", "created_by")
    fields = ("paid_on", "period_start", "period_end", "months", "method", "monthly_income", "gross",
              "state_support", "local_support", "net", "is_first")


@admin.register(Participant)
class ParticipantAdmin(admin.ModelAdmin):
    list_display = ("full_name", "personal_id", "commune", "target_group", "support_category", "paid_through")
    list_filter = ("target_group", "support_category", "sex")
    search_fields = ("personal_id", "full_name", "si_number")
    raw_id_fields = ("commune", "village", "created_by")
    list_select_related = ("commune",)
    readonly_fields = ("first_paid_on", "paid_through")
    inlines = [PaymentInline]


@admin.register(Payment)
class PaymentAdmin(admin.ModelAdmin):
    list_display = ("participant", "paid_on", "period_start", "period_end", "method", "gross", "net", "is_first")
    list_filter = ("method", "is_first")
    search_fields = ("participant__personal_id", "participant__full_name", "import_key")
    raw_id_fields = ("participant", "commune", "collected_by_staff", "mobilised_by_staff", "collected_by_agent",
                     "mobilised_by_agent", "campaign", "created_by")
    list_select_related = ("participant",)
    date_hierarchy = "paid_on"


class HouseholdMemberInline(admin.TabularInline):
    model = HouseholdMember
    extra = 0
    raw_id_fields = ("participant",)


@admin.register(Household)
class HouseholdAdmin(admin.ModelAdmin):
    list_display = ("head_name", "commune", "address")
    search_fields = ("head_name", "address")
    raw_id_fields = ("commune", "village", "created_by")
    list_select_related = ("commune",)
    inlines = [HouseholdMemberInline]


@admin.register(RenewalOutcome)
class RenewalOutcomeAdmin(admin.ModelAdmin):
    list_display = ("participant", "due_month", "outcome", "promised_on", "reason", "recorded_at")
    list_filter = ("outcome",)
    search_fields = ("participant__personal_id", "participant__full_name")
    raw_id_fields = ("participant", "recorded_by")


# --- progress engine ---------------------------------------------------------------------------

@admin.register(ProgressSnapshot)
class ProgressSnapshotAdmin(admin.ModelAdmin):
    list_display = ("date", "unit", "metric", "actual", "plan_in_force", "phased_to_date", "achievement_in_force",
                    "status", "computed_at")
    list_filter = ("metric", "status", "date")
    search_fields = ("unit__name", "unit__code")
    raw_id_fields = ("unit",)
    list_select_related = ("unit",)
    date_hierarchy = "date"


@admin.register(ProgressBreakdown)
class ProgressBreakdownAdmin(admin.ModelAdmin):
    list_display = ("date", "unit", "dimension", "key", "label", "new_participants", "active_participants")
    list_filter = ("dimension", "date")
    search_fields = ("unit__name", "unit__code", "label")
    raw_id_fields = ("unit",)
    list_select_related = ("unit",)


@admin.register(RecomputeRun)
class RecomputeRunAdmin(admin.ModelAdmin):
    list_display = ("created_at", "kind", "status", "triggered_by", "percent", "as_of", "added_participants",
                    "snapshot_rows", "started_at", "finished_at")
    list_filter = ("kind", "status")
    readonly_fields = [f.name for f in RecomputeRun._meta.fields]


# --- plans, allocations, quotas ------------------------------------------------------------------
from enrollment.models.plans import (  # noqa: E402
    Allocation, AllocationLine, Plan, PlanChange, PlanVersion, ReportedFigure,
)
from enrollment.models.quotas import OfficerQuota  # noqa: E402


class PlanVersionInline(admin.TabularInline):
    model = PlanVersion
    extra = 0
    fields = ("seq", "kind", "target", "status", "document_number", "document_date", "curve", "approved_by")
    readonly_fields = ("approved_by",)


@admin.register(Plan)
class PlanAdmin(admin.ModelAdmin):
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
class PlanChangeAdmin(AuditRecordAdmin):
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
class OfficerQuotaAdmin(admin.ModelAdmin):
    list_display = ("staff", "year", "month", "metric", "target", "note")
    list_filter = ("year", "month", "metric")
    search_fields = ("staff__full_name", "staff__unit__name")
    raw_id_fields = ("staff",)
    list_select_related = ("staff",)
