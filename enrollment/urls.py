from django.urls import path

from enrollment.views import dashboards, health, home, imports, labour_force, staff, units
from enrollment.views import households, participants, renewals

urlpatterns = [
    path("", home.home, name="home"),
    path("healthz", health.healthz, name="healthz"),
    path("units/", units.unit_browser, name="unit_browser"),
    path("units/<int:pk>/", units.unit_detail, name="unit_detail"),
    path("units/<int:pk>/villages/add/", units.village_add, name="village_add"),
    path("units/<int:pk>/move/", units.commune_move_view, name="commune_move"),
    path("officers/", staff.staff_list, name="staff_list"),
    path("officers/new/", staff.staff_edit, name="staff_new"),
    path("officers/<int:pk>/", staff.staff_edit, name="staff_edit"),
    path("labour-force/", labour_force.labour_force_list, name="labour_force_list"),
    path("imports/", imports.import_list, name="import_list"),
    path("imports/new/<slug:kind>/", imports.import_new, name="import_new"),
    path("imports/<int:pk>/", imports.import_detail, name="import_detail"),
    path("imports/<int:pk>/status/", imports.import_status, name="import_status"),
    path("imports/template/<slug:kind>.<str:file_format>", imports.import_template, name="import_template"),
    path("dashboards/", dashboards.dashboard_home, name="dashboard_home"),
    path("dashboards/country/", dashboards.dashboard_national, name="dashboard_national"),
    path("dashboards/country/tables/", dashboards.dashboard_table_national, name="dashboard_table_national"),
    path("dashboards/<int:pk>/", dashboards.dashboard_unit, name="dashboard_unit"),
    path("dashboards/<int:pk>/tables/", dashboards.dashboard_table_unit, name="dashboard_table_unit"),
    # register
    path("participants/", participants.participant_list, name="participant_list"),
    path("participants/new/", participants.participant_new, name="participant_new"),
    path("participants/lookup/", participants.participant_lookup, name="participant_lookup"),
    path("participants/contribution/", participants.contribution_preview, name="contribution_preview"),
    path("participants/<int:pk>/", participants.participant_detail, name="participant_detail"),
    path("participants/<int:pk>/payments/new/", participants.payment_new, name="payment_new"),
    path("renewals/", renewals.renewal_list, name="renewal_list"),
    path("renewals/figures/", renewals.renewal_figures_page, name="renewal_figures"),
    path("renewals/<int:pk>/outcome/", renewals.renewal_outcome_new, name="renewal_outcome_record"),
    path("households/", households.household_list, name="household_list"),
    path("households/new/", households.household_new, name="household_new"),
    path("households/<int:pk>/", households.household_detail, name="household_detail"),
]
