from django.urls import path

from enrollment.plans.views import allocation, approvals, plans, quotas

urlpatterns = [
    path("plans/", plans.plans_home, name="plans_home"),
    path("plans/<int:pk>/", plans.plan_overview, name="plan_overview"),
    path("plans/<int:pk>/versions/new/", plans.plan_version_new, name="plan_version_new"),
    path("plans/approvals/", approvals.approval_queue, name="approval_queue"),
    path("plans/versions/<int:pk>/approve/", approvals.version_approval, name="plan_version_approve"),
    path("plans/allocations/<int:pk>/approve/", approvals.allocation_approval, name="allocation_approve"),
    path("plans/versions/<int:pk>/phasing/", plans.phasing_edit, name="phasing_edit"),
    path("plans/<int:pk>/history/", plans.plan_history_view, name="plan_history"),
    path("plans/<int:pk>/allocation/", allocation.allocation_grid_view, name="allocation_grid"),
    path("plans/<int:pk>/allocation/template.<str:file_format>", allocation.allocation_template,
         name="allocation_template"),
    path("plans/<int:pk>/allocation/upload/", allocation.allocation_upload, name="allocation_upload"),
    path("quotas/", quotas.officer_quotas, name="officer_quotas"),
]
