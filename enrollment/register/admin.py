from django.contrib import admin

from enrollment.register.models.households import Household, HouseholdMember
from enrollment.register.models.parameters import Parameter
from enrollment.register.models.participants import Participant, Payment, RenewalOutcome
from enrollment.shared.history_admin import HistoryAdmin


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
class ParticipantAdmin(HistoryAdmin):
    list_display = ("full_name", "personal_id", "commune", "target_group", "support_category", "paid_through")
    list_filter = ("target_group", "support_category", "sex")
    search_fields = ("personal_id", "full_name", "si_number")
    raw_id_fields = ("commune", "village", "created_by")
    list_select_related = ("commune",)
    readonly_fields = ("first_paid_on", "paid_through")
    inlines = [PaymentInline]


@admin.register(Payment)
class PaymentAdmin(HistoryAdmin):
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
