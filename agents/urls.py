from django.urls import path

from agents.campaigns.views import campaigns, field
from agents.organisations.views import edits as organisation_edits
from agents.organisations.views import networks
from agents.organisations.views import pages as organisations
from agents.performance import views as performance
from agents.staff.views import edits as staff_edits
from agents.staff.views import pages as staff_pages

app_name = "agents"

urlpatterns = [
    path("agents/", organisations.organisation_list, name="organisation_list"),
    path("agents/organisations/new/", organisation_edits.organisation_edit, name="organisation_new"),
    path("agents/organisations/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path("agents/organisations/<int:pk>/edit/", organisation_edits.organisation_edit, name="organisation_edit"),
    path("agents/organisations/<int:organisation_pk>/contracts/new/", organisation_edits.contract_edit,
         name="contract_new"),
    path("agents/contracts/<int:pk>/edit/", organisation_edits.contract_edit, name="contract_edit"),
    path("agents/networks/", networks.network_list, name="network_list"),
    path("agents/networks/<int:pk>/", networks.network_detail, name="network_detail"),
    path("agents/points/new/", organisation_edits.point_edit, name="point_new"),
    path("agents/points/<int:pk>/edit/", organisation_edits.point_edit, name="point_edit"),
    path("agents/staff/", staff_pages.staff_list, name="staff_list"),
    path("agents/staff/new/", staff_edits.staff_edit, name="staff_new"),
    path("agents/staff/<int:pk>/", staff_pages.staff_detail, name="staff_detail"),
    path("agents/staff/<int:pk>/edit/", staff_edits.staff_edit, name="staff_edit"),
    path("agents/staff/<int:staff_pk>/training/new/", staff_edits.training_record_edit, name="training_record_new"),
    path("agents/training/records/<int:pk>/edit/", staff_edits.training_record_edit, name="training_record_edit"),
    path("agents/staff/<int:staff_pk>/cards/new/", staff_edits.card_edit, name="card_new"),
    path("agents/cards/<int:pk>/edit/", staff_edits.card_edit, name="card_edit"),
    path("agents/training/", staff_pages.training_counts, name="training_counts"),
    path("agents/training/courses/new/", staff_edits.course_edit, name="course_new"),
    path("agents/training/courses/<int:pk>/", staff_pages.course_detail, name="course_detail"),
    path("agents/training/courses/<int:pk>/edit/", staff_edits.course_edit, name="course_edit"),
    path("agents/campaigns/", campaigns.campaign_list, name="campaign_list"),
    path("agents/campaigns/new/", campaigns.campaign_new, name="campaign_new"),
    path("agents/campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("agents/campaigns/<int:pk>/edit/", campaigns.campaign_edit, name="campaign_edit"),
    path("agents/quotas/", performance.quotas, name="quotas"),
    path("agents/performance/", performance.performance, name="performance"),
    path("agents/leaderboard/", performance.leaderboard, name="leaderboard"),
    path("agents/reviews/", performance.review_list, name="review_list"),
    path("agents/reviews/check/", performance.review_check, name="review_check"),
    path("agents/reviews/<int:pk>/decide/", performance.review_decide_view, name="review_decide"),
    path("field/", field.field, name="field"),
    path("field/results/<int:pk>/", field.field_result_edit, name="field_result_edit"),
    path("field/results/<int:pk>/delete/", field.field_result_delete, name="field_result_delete"),
]
