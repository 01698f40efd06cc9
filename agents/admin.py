from django.contrib import admin

from agents.campaigns.models.campaigns import Campaign, CampaignResult
from agents.campaigns.models.enrollees import ResultEnrollee
from agents.organisations.models import AgentNetwork, AgentOrganisation, CollectionPoint, Contract, NetworkContract
from agents.performance.models import ContractReview
from agents.staff.models import AgentCard, AgentStaff, TrainingCourse, TrainingRecord
from enrollment.shared.history_admin import HistoryAdmin


class ContractInline(admin.TabularInline):
    model = Contract
    extra = 0


class NetworkContractInline(admin.TabularInline):
    model = NetworkContract
    extra = 0


@admin.register(AgentNetwork)
class AgentNetworkAdmin(admin.ModelAdmin):
    list_display = ("name", "code", "organisation_type", "is_active")
    search_fields = ("name", "code")
    inlines = [NetworkContractInline]


@admin.register(AgentOrganisation)
class AgentOrganisationAdmin(HistoryAdmin):
    list_display = ("name", "code", "organisation_type", "unit", "network", "is_active")
    list_filter = ("organisation_type", "network", "is_active")
    search_fields = ("name", "code")
    raw_id_fields = ("unit",)
    inlines = [ContractInline]


@admin.register(CollectionPoint)
class CollectionPointAdmin(admin.ModelAdmin):
    list_display = ("name", "organisation", "unit", "is_active")
    search_fields = ("name", "organisation__name")
    raw_id_fields = ("unit", "communes")
    list_select_related = ("organisation", "unit")


class AgentCardInline(admin.TabularInline):
    model = AgentCard
    extra = 0


class TrainingRecordInline(admin.TabularInline):
    model = TrainingRecord
    extra = 0


@admin.register(AgentStaff)
class AgentStaffAdmin(HistoryAdmin):
    list_display = ("full_name", "point", "phone", "is_active")
    list_filter = ("is_active",)
    search_fields = ("full_name", "phone", "personal_id")
    raw_id_fields = ("point", "user")
    list_select_related = ("point",)
    inlines = [AgentCardInline, TrainingRecordInline]


@admin.register(TrainingCourse)
class TrainingCourseAdmin(admin.ModelAdmin):
    list_display = ("name", "unit", "starts_on", "ends_on")
    raw_id_fields = ("unit",)


@admin.register(Campaign)
class CampaignAdmin(admin.ModelAdmin):
    list_display = ("name", "campaign_type", "unit", "starts_on", "ends_on", "target_si", "target_hi")
    list_filter = ("campaign_type",)
    raw_id_fields = ("unit", "agents", "created_by")


class ResultEnrolleeInline(admin.TabularInline):
    model = ResultEnrollee
    extra = 0
    raw_id_fields = ("participant", "household_member")


@admin.register(CampaignResult)
class CampaignResultAdmin(admin.ModelAdmin):
    inlines = [ResultEnrolleeInline]
    list_display = ("day", "agent", "commune", "campaign", "households_visited", "new_si", "new_hi")
    raw_id_fields = ("campaign", "commune", "agent", "recorded_by")
    list_select_related = ("agent", "commune", "campaign")


@admin.register(ContractReview)
class ContractReviewAdmin(admin.ModelAdmin):
    list_display = ("agent", "period_end", "decision", "decided_by", "decided_at")
    list_filter = ("decision",)
    raw_id_fields = ("agent", "decided_by")
