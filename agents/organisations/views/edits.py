"""Creating and editing organisations, contracts and collection points, within the user's area."""

from django.contrib import messages
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from agents.organisations.forms import ContractForm, OrganisationForm, PointForm
from agents.organisations.models import Contract
from agents.organisations.services import point_save
from agents.shared.editing import edit_page
from agents.shared.scoping import (
    get_in_scope,
    managed_communes,
    managed_organisations,
    managed_points,
    organisations_for_points,
    visible_networks,
)
from enrollment.shared.access import scoped_view
from enrollment.shared.models.users import OFFICE_ROLES
from enrollment.territory.selectors import office_units


@scoped_view(roles=OFFICE_ROLES)
def organisation_edit(request, pk=None):
    organisation = get_in_scope(managed_organisations(request.user), pk=pk) if pk else None
    form = OrganisationForm(request.POST or None, instance=organisation, units=office_units(request.user),
                            networks=visible_networks(request.user))
    if request.method == "POST" and form.is_valid():
        organisation = form.save()
        messages.success(request, _("Agent organisation %(name)s was saved.") % {"name": organisation.name})
        return redirect("agents:organisation_detail", pk=organisation.pk)
    if organisation is None:
        return edit_page(request, form, title=_("Add an agent organisation"),
                         back_url=reverse("agents:organisation_list"), back_label=_("Collection agents"))
    return edit_page(request, form, title=_("Edit %(name)s") % {"name": organisation.name},
                     back_url=reverse("agents:organisation_detail", args=[organisation.pk]),
                     back_label=organisation.name)


@scoped_view(roles=OFFICE_ROLES)
def contract_edit(request, organisation_pk=None, pk=None):
    if pk:
        contract = get_in_scope(Contract.objects.filter(organisation__in=managed_organisations(request.user))
                                .select_related("organisation"), pk=pk)
    else:
        contract = Contract(organisation=get_in_scope(managed_organisations(request.user), pk=organisation_pk))
    organisation = contract.organisation
    form = ContractForm(request.POST or None, instance=contract)
    back_url = reverse("agents:organisation_detail", args=[organisation.pk]) + "?table=contracts"
    if request.method == "POST" and form.is_valid():
        contract = form.save()
        messages.success(request, _("Contract %(number)s was saved.") % {"number": contract.number})
        return redirect(back_url)
    title = (_("Contract %(number)s") % {"number": contract.number} if pk
             else _("Add a contract with %(name)s") % {"name": organisation.name})
    return edit_page(request, form, title=title, back_url=back_url, back_label=organisation.name)


@scoped_view(roles=OFFICE_ROLES)
def point_edit(request, pk=None):
    user = request.user
    point = get_in_scope(managed_points(user).select_related("organisation", "unit"), pk=pk) if pk else None
    organisation = request.GET.get("organisation", "")
    initial = {"organisation": organisation} if organisation.isdigit() else {}
    communes = managed_communes(user)
    form = PointForm(request.POST or None, instance=point, initial=initial,
                     organisations=organisations_for_points(user), communes=communes)
    if request.method == "POST" and form.is_valid():
        point = point_save(point=form.save(commit=False), communes=form.cleaned_data["communes"],
                           area_communes=communes)
        messages.success(request, _("Collection point %(name)s was saved.") % {"name": point.name})
        return redirect("agents:organisation_detail", pk=point.organisation_id)
    if point is None:
        return edit_page(request, form, title=_("Add a collection point"),
                         back_url=reverse("agents:organisation_list"), back_label=_("Collection agents"))
    return edit_page(request, form, title=_("Edit %(name)s") % {"name": point.name},
                     back_url=reverse("agents:organisation_detail", args=[point.organisation_id]),
                     back_label=point.organisation.name)

