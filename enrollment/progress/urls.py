from django.urls import path

from enrollment.progress.views import dashboards, health, monthly

urlpatterns = [
    path("healthz", health.healthz, name="healthz"),
    path("dashboards/", dashboards.dashboard_home, name="dashboard_home"),
    path("dashboards/country/", dashboards.dashboard_national, name="dashboard_national"),
    path("dashboards/country/tables/", dashboards.dashboard_table_national, name="dashboard_table_national"),
    path("dashboards/<int:pk>/", dashboards.dashboard_unit, name="dashboard_unit"),
    path("dashboards/<int:pk>/tables/", dashboards.dashboard_table_unit, name="dashboard_table_unit"),
    path("dashboards/country/monthly/", monthly.monthly_national, name="dashboard_monthly_national"),
    path("dashboards/<int:pk>/monthly/", monthly.monthly_unit, name="dashboard_monthly_unit"),
    path("dashboards/recompute/", dashboards.dashboard_recompute, name="dashboard_recompute"),
    path("dashboards/recompute/<int:pk>/status/", dashboards.dashboard_recompute_status,
         name="dashboard_recompute_status"),
]
