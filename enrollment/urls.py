from django.urls import path

from enrollment.views import dashboards, health, home, imports, labour_force, staff, units
from enrollment.views import households, participants, renewals
from enrollment.views import plans, plans_allocation, quotas

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
    # Plans, allocation and quotas
    path("plans/", plans.plans_home, name="plans_home"),
    path("plans/<int:pk>/", plans.plan_overview, name="plan_overview"),
    path("plans/<int:pk>/versions/new/", plans.plan_version_new, name="plan_version_new"),
    path("plans/versions/<int:pk>/approve/", plans.plan_version_approve_view, name="plan_version_approve"),
    path("plans/versions/<int:pk>/phasing/", plans.phasing_edit, name="phasing_edit"),
    path("plans/<int:pk>/history/", plans.plan_history_view, name="plan_history"),
    path("plans/<int:pk>/allocation/", plans_allocation.allocation_grid_view, name="allocation_grid"),
    path("plans/<int:pk>/allocation/template.<str:file_format>", plans_allocation.allocation_template,
         name="allocation_template"),
    path("plans/<int:pk>/allocation/upload/", plans_allocation.allocation_upload, name="allocation_upload"),
    path("quotas/", quotas.officer_quotas, name="officer_quotas"),
]
