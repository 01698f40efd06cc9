from django.urls import path

from agents.views import campaigns, field, organisations, performance

app_name = "agents"

urlpatterns = [
    path("agents/", organisations.organisation_list, name="organisation_list"),
    path("agents/organisations/<int:pk>/", organisations.organisation_detail, name="organisation_detail"),
    path("agents/staff/", organisations.staff_list, name="staff_list"),
    path("agents/staff/<int:pk>/", organisations.staff_detail, name="staff_detail"),
    path("agents/training/", organisations.training_counts, name="training_counts"),
    path("agents/training/courses/<int:pk>/", organisations.course_detail, name="course_detail"),
    path("agents/campaigns/", campaigns.campaign_list, name="campaign_list"),
    path("agents/campaigns/new/", campaigns.campaign_new, name="campaign_new"),
    path("agents/campaigns/<int:pk>/", campaigns.campaign_detail, name="campaign_detail"),
    path("agents/quotas/", performance.quotas, name="quotas"),
    path("agents/performance/", performance.performance, name="performance"),
    path("agents/leaderboard/", performance.leaderboard, name="leaderboard"),
    path("agents/reviews/", performance.review_list, name="review_list"),
    path("agents/reviews/check/", performance.review_check, name="review_check"),
    path("agents/reviews/<int:pk>/decide/", performance.review_decide_view, name="review_decide"),
    path("field/", field.field, name="field"),
]
