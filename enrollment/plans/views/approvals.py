"""Safe approval: the queue of drafts waiting for a manager, and a confirmation page for each."""

from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from enrollment.plans.forms import ApprovalForm
from enrollment.plans.models.plans import Allocation, Metric, PlanStatus, PlanVersion
from enrollment.plans.selectors.approvals import (
    allocation_review,
    allocations_awaiting,
    previous_version,
    versions_awaiting,
)
from enrollment.plans.services.allocation import allocation_approve, can_approve_allocation
from enrollment.plans.services.versions import can_set_plans, plan_version_approve
from enrollment.plans.views.allocation import grid_url
from enrollment.plans.views.plans import digits_for, overview_url
from enrollment.shared.access import scoped_view
from enrollment.shared.models.users import MANAGER_ROLES
from enrollment.shared.scoping import get_object_in_scope


@scoped_view(roles=MANAGER_ROLES)
def approval_queue(request):
    allocations = allocations_awaiting(request.user)
    versions = [(v, previous_version(v)) for v in versions_awaiting(request.user)]
    return render(request, "enrollment/plans/approvals.html", {"allocations": allocations, "versions": versions})


def _confirmed(request, form, approve):
    """Run `approve` once the form is valid; (done, status) for the page to answer."""
    if request.method != "POST":
        return False, 200
    if form.is_valid():
        try:
            approve(**form.cleaned_data)
        except ValidationError as exc:
            form.add_error(None, exc)
        else:
            return True, 200
    messages.error(request, _("Nothing was approved: correct the fields marked below."))
    return False, 400


@scoped_view(roles=MANAGER_ROLES)
def allocation_approval(request, pk):
    allocation = get_object_in_scope(request.user, Allocation.objects.select_related("plan__unit", "created_by"),
                                     unit_field="plan__unit", pk=pk)
    plan = allocation.plan
    if not can_approve_allocation(request.user, plan.unit):
        raise PermissionDenied
    if allocation.status != PlanStatus.DRAFT:
        messages.info(request, _("This allocation is already approved."))
        return redirect(grid_url(plan.unit, plan.year, plan.metric))
    review = allocation_review(allocation)
    form = ApprovalForm(request.POST or None, needs_reason=not review.matches)
    done, status = _confirmed(request, form, lambda **data: allocation_approve(
        user=request.user, allocation=allocation, **data))
    if done:
        messages.success(request, _("The allocation is approved: the units below have their plans."))
        return redirect(grid_url(plan.unit, plan.year, plan.metric))
    return render(request, "enrollment/plans/approve_allocation.html", {
        "allocation": allocation, "plan": plan, "review": review, "form": form, "digits": digits_for(plan.metric),
        "is_rate": Metric.is_rate(plan.metric), "grid_url": grid_url(plan.unit, plan.year, plan.metric),
    }, status=status)


@scoped_view(roles=MANAGER_ROLES)
def version_approval(request, pk):
    version = get_object_in_scope(request.user, PlanVersion.objects.select_related("plan__unit", "created_by"),
                                  unit_field="plan__unit", pk=pk)
    plan = version.plan
    if not can_set_plans(request.user, plan.unit):
        raise PermissionDenied
    back = overview_url(plan.unit, plan.year, plan.metric)
    if version.status != PlanStatus.DRAFT:
        messages.info(request, _("Version %(seq)s is approved and in force.") % {"seq": version.seq})
        return redirect(back)
    form = ApprovalForm(request.POST or None)
    done, status = _confirmed(request, form, lambda **data: plan_version_approve(
        user=request.user, version=version, **data))
    if done:
        messages.success(request, _("Version %(seq)s is approved and in force.") % {"seq": version.seq})
        return redirect(back)
    previous = previous_version(version)
    return render(request, "enrollment/plans/approve_version.html", {
        "version": version, "plan": plan, "previous": previous, "form": form, "digits": digits_for(plan.metric),
        "change": version.target - previous.target if previous else None, "back": back,
    }, status=status)
