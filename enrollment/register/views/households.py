"""Household health insurance: households, their members in order, and the premium each pays."""

import django_tables2 as tables
from django.contrib import messages
from django.db.models import Count, Max, Sum
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment.register.forms import HouseholdForm, HouseholdMemberFormSet
from enrollment.register.models.households import Household
from enrollment.register.models.participants import Participant
from enrollment.register.selectors.participants import (
    PersonalDataPolicy,
    mask_birth_date,
    mask_id,
    mask_name,
)
from enrollment.register.services.households import (
    household_enroll,
    household_monthly_premium,
)
from enrollment.register.tables import MoneyColumn
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import render_table
from enrollment.shared.models.users import OFFICE_ROLES, Role
from enrollment.shared.scoping import get_object_in_scope, scope_queryset
from enrollment.shared.submissions import already_saved, submitted_once


class HouseholdTable(tables.Table):
    head_name = tables.Column(verbose_name=gettext_lazy("Head of household"),
                              linkify=("household_detail", {"pk": tables.A("pk")}))
    commune = tables.Column(verbose_name=gettext_lazy("Commune"), accessor="commune__name")
    member_count = tables.Column(verbose_name=gettext_lazy("Members"), attrs={"td": {"class": "num"}})
    insured_to = tables.DateColumn(verbose_name=gettext_lazy("Insured to"), format="d/m/Y")
    total_premium = MoneyColumn(verbose_name=gettext_lazy("Premium"))

    class Meta:
        model = Household
        fields = ("head_name", "commune", "address", "member_count", "insured_to", "total_premium")
        attrs = {"class": "table", "id": "households"}

    def __init__(self, data, *args, user, **kwargs):
        super().__init__(data, *args, **kwargs)
        self.shows = user.role in OFFICE_ROLES

    def render_head_name(self, value):
        return value if self.shows else mask_name(value)

    def render_address(self, value):
        return value if self.shows else "—"


# Household health insurance is the offices' work; agent staff have none of it to see.
HOUSEHOLD_READERS = (*OFFICE_ROLES, Role.VIEWER)


@scoped_view(roles=HOUSEHOLD_READERS)
def household_list(request):
    households = scope_queryset(request.user, Household.objects.select_related("commune"), unit_field="commune")
    households = households.annotate(member_count=Count("members"), insured_to=Max("members__valid_to"),
                                     total_premium=Sum("members__premium")).order_by("head_name")
    today = timezone.localdate()
    scale = [(order, household_monthly_premium(order, today)) for order in range(1, 6)]
    return render_table(request, HouseholdTable(households, user=request.user), "enrollment/households/list.html",
                        {"scale": scale, "can_enter": request.user.role in OFFICE_ROLES}, filename="ho-gia-dinh")


@scoped_view(roles=OFFICE_ROLES)
def household_new(request):
    form = HouseholdForm(request.POST or None, user=request.user)
    members = HouseholdMemberFormSet(request.POST or None, prefix="members")
    if request.method == "POST" and form.is_valid() and members.is_valid():
        data = form.cleaned_data
        people = [m for m in members.cleaned_data if m.get("full_name")]
        linked = {p.personal_id: p for p in scope_queryset(
            request.user, Participant.objects.filter(personal_id__in=[m["personal_id"] for m in people if m.get("personal_id")]),
            unit_field="commune")}

        def save():
            household = household_enroll(
                head_name=data["head_name"], commune=data["commune"], village=data["village"],
                address=data["address"], valid_from=data["valid_from"], months=data["months"], user=request.user,
                members=[{"full_name": m["full_name"], "personal_id": m.get("personal_id", ""),
                          "birth_date": m.get("birth_date"), "sex": m.get("sex", ""),
                          "participant": linked.get(m.get("personal_id"))} for m in people],
            )
            return reverse("household_detail", args=[household.pk])

        url, first = submitted_once(request, "household_new", save)
        if not first:
            return already_saved(request, url, fallback="household_list")
        messages.success(request, _("The household of %(name)s is insured.") % {"name": data["head_name"]})
        return redirect(url)
    return render(request, "enrollment/households/form.html", {"form": form, "members": members})


@scoped_view(roles=HOUSEHOLD_READERS)
def household_detail(request, pk):
    household = get_object_in_scope(request.user, Household.objects.select_related("commune", "village"),
                                    unit_field="commune", pk=pk)
    shows = PersonalDataPolicy(request.user).full
    members = [
        {"member": m, "full_name": m.full_name if shows else mask_name(m.full_name),
         "personal_id": m.personal_id if shows else mask_id(m.personal_id),
         "birth_date": (m.birth_date.strftime("%d/%m/%Y") if m.birth_date else "") if shows else mask_birth_date(m.birth_date)}
        for m in household.members.order_by("order")
    ]
    return render(request, "enrollment/households/detail.html", {
        "household": household, "members": members, "shows": shows,
        "head_name": household.head_name if shows else mask_name(household.head_name),
    })
