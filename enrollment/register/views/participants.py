"""Participants: the list, the entry form, a participant's page, further payments, and the form's JSON helpers."""

from django.conf import settings
from django.contrib import messages
from django.http import JsonResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.formats import number_format
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django_ratelimit.core import is_ratelimited

from enrollment.register.filters import ParticipantFilter
from enrollment.register.forms import ParticipantEntryForm, PaymentFields, PaymentForm
from enrollment.register.models.parameters import ParameterMissing, ParameterTable
from enrollment.register.models.participants import Participant, SupportCategory
from enrollment.register.selectors.participants import (
    EDIT_ROLES,
    ENTRY_ROLES,
    PersonalDataPolicy,
    communes_for,
    get_participant_for,
    mask_birth_date,
    mask_id,
    mask_name,
    mask_phone,
    participant_history,
    participants_for,
)
from enrollment.register.services.contributions import (
    ContributionError,
    contribution_compute,
)
from enrollment.register.services.participants import (
    next_due_month,
    participant_get_or_create,
    payment_record,
    supported_months_so_far,
)
from enrollment.register.tables import ParticipantTable, PaymentTable
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import render_table
from enrollment.shared.formats import percent
from enrollment.shared.submissions import already_saved, earlier_result, submitted_once


def _get_participant_for_user(user, pk):
    return get_participant_for(user, pk, Participant.objects.select_related("commune", "village"))


@scoped_view
def participant_list(request):
    participants = participants_for(request.user, Participant.objects.select_related("commune", "village").keys_first())
    full = PersonalDataPolicy(request.user).full
    if not full:  # the order of full names would give them away
        participants = participants.order_by("masked_search_name", "pk")
    filters = ParticipantFilter(request.GET, queryset=participants, communes=communes_for(request.user),
                               request=request)
    table = ParticipantTable(filters.qs, user=request.user)
    return render_table(request, table, "enrollment/participants/list.html", {
        "filter": filters, "can_enter": request.user.role in ENTRY_ROLES, "full": full,
        "searched": filters.form.is_valid() and filters.form.cleaned_data.get("q"),
    }, filename="participants")


@scoped_view(roles=ENTRY_ROLES)
def participant_new(request):
    form = ParticipantEntryForm(request.POST or None, user=request.user)
    if request.method == "POST":
        earlier = earlier_result(request)
        if earlier is not None:
            return already_saved(request, earlier)
        existing = _existing_in_scope(request, request.POST.get("personal_id", ""))
        if existing is not None:
            return existing
        if form.is_valid():
            outcome = {}
            url, first = submitted_once(request, "participant_new", lambda: _register(request, form, outcome))
            if not first:
                return already_saved(request, url)
            participant = outcome["participant"]
            if outcome["created"]:
                messages.success(request, _("%(name)s was registered; the first payment is recorded.")
                                 % {"name": participant.full_name})
            else:
                messages.warning(request, _("This personal ID was registered a moment ago; here is that person."))
            return redirect(url)
    return render(request, "enrollment/participants/entry.html", {"form": form})


def _register(request, form, outcome):
    data = form.cleaned_data
    participant, created = participant_get_or_create(
        user=request.user, **{k: data[k] for k in (
            "personal_id", "full_name", "birth_date", "sex", "si_number", "phone", "commune", "village",
            "target_group", "support_category")},
    )
    if created:
        payment_record(participant=participant, paid_on=data["paid_on"], method=data["method"],
                       months=data.get("months"), monthly_income=data["monthly_income"],
                       user=request.user, **form.payment_links())
    outcome.update(participant=participant, created=created)
    return reverse("participant_detail", args=[participant.pk])


def _lookup_limited(request):
    """Whether the user has asked whether IDs are registered more often than a person typing does
    (each answer tells whether someone is in the register, even outside the user's reach)."""
    return is_ratelimited(request, group="participant-lookup", key="user", rate=settings.PARTICIPANT_LOOKUP_RATE,
                          increment=True)


LOOKUP_LIMITED = gettext_lazy("Too many personal IDs looked up in a short time: wait a minute, then try again.")
REGISTERED_ELSEWHERE = gettext_lazy("This personal ID is already registered elsewhere.")


def _existing_in_scope(request, typed_id):
    """Entering an ID already in the register opens that person instead of creating a second one."""
    cleaned = "".join(ch for ch in typed_id if ch.isdigit())
    if len(cleaned) != 12:
        return None  # the form says what is wrong with it
    if _lookup_limited(request):
        messages.error(request, LOOKUP_LIMITED)
        return render(request, "enrollment/participants/entry.html",
                      {"form": ParticipantEntryForm(request.POST, user=request.user)}, status=429)
    existing = Participant.objects.filter(personal_id=cleaned).first()
    if existing is None:
        return None
    if participants_for(request.user).filter(pk=existing.pk).exists():
        messages.info(request, _("This personal ID is already in the register: %(name)s.") % {"name": existing.full_name})
        return redirect("participant_detail", pk=existing.pk)
    messages.error(request, f"{REGISTERED_ELSEWHERE} {_('Ask the provincial office.')}")
    return redirect("participant_new")


@scoped_view
def participant_detail(request, pk):
    participant = _get_participant_for_user(request.user, pk)
    policy = PersonalDataPolicy(request.user, [participant.pk])
    payments = participant.payments.select_related("collected_by_staff", "mobilised_by_staff").order_by("-period_start")
    can_edit = request.user.role in EDIT_ROLES
    return render(request, "enrollment/participants/detail.html", {
        "can_edit": can_edit, "history": participant_history(participant) if policy.full else None,
        "participant": participant, "shows": policy.shows(participant.pk), "masked": {
            "full_name": mask_name(participant.full_name), "personal_id": mask_id(participant.personal_id),
            "birth_date": mask_birth_date(participant.birth_date), "phone": mask_phone(participant.phone)},
        "payments": PaymentTable(payments, orderable=False, exclude=() if can_edit else ("edit",)),
        "outcomes": participant.renewal_outcomes.select_related("recorded_by").order_by("-due_month"),
        "next_due": next_due_month(participant), "can_enter": request.user.role in ENTRY_ROLES,
        "supported_months": supported_months_so_far(participant),
    })


@scoped_view(roles=ENTRY_ROLES)
def payment_new(request, pk):
    participant = _get_participant_for_user(request.user, pk)
    form = PaymentForm(request.POST or None, user=request.user, participant=participant)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data

        def save():
            payment_record(participant=participant, paid_on=data["paid_on"], method=data["method"],
                           months=data.get("months"), monthly_income=data["monthly_income"], user=request.user,
                           **form.payment_links())
            return reverse("participant_detail", args=[participant.pk])

        url, first = submitted_once(request, "payment_new", save)
        if not first:
            return already_saved(request, url)
        messages.success(request, _("The payment is recorded."))
        return redirect(url)
    return render(request, "enrollment/participants/payment_form.html", {"form": form, "participant": participant})


@scoped_view(roles=ENTRY_ROLES)
def participant_lookup(request):
    """Instant ID lookup for the entry form: is this person already in the register?"""
    typed = request.GET.get("personal_id", "")
    cleaned = "".join(ch for ch in typed if ch.isdigit())
    if len(cleaned) != 12:
        return JsonResponse({"found": False, "complete": False})
    if _lookup_limited(request):
        return JsonResponse({"found": None, "limited": True, "message": str(LOOKUP_LIMITED)}, status=429)
    existing = Participant.objects.filter(personal_id=cleaned).first()
    if existing is None:
        return JsonResponse({"found": False, "complete": True})
    if not participants_for(request.user).filter(pk=existing.pk).exists():
        return JsonResponse({"found": True, "in_scope": False, "message": str(REGISTERED_ELSEWHERE)})
    return JsonResponse({
        "found": True, "in_scope": True, "url": reverse("participant_detail", args=[existing.pk]),
        "message": _("Already in the register: %(name)s, paid through %(month)s.") % {
            "name": existing.full_name,
            "month": existing.paid_through.strftime("%m/%Y") if existing.paid_through else "—"},
    })


def _money(value):
    return number_format(value, 0, force_grouping=True)


def _preview_category(request):
    """Support category and support months used so far: the participant's own when paying again."""
    participant_pk = request.GET.get("participant", "")
    if participant_pk.isdigit():
        participant = participants_for(request.user).filter(pk=participant_pk).first()
        if participant is not None:
            return participant.support_category, supported_months_so_far(participant)
    return request.GET.get("support_category") or SupportCategory.OTHER, 0


@scoped_view(roles=ENTRY_ROLES)
def contribution_preview(request):
    """The amounts the entry form shows as it is filled, computed by the same rules as the saved payment."""
    form = PaymentFields(request.GET, user=request.user)
    form.is_valid()
    data = form.cleaned_data
    if not all(data.get(k) is not None for k in ("paid_on", "method", "monthly_income")):
        return JsonResponse({"ok": False, "errors": {name: " ".join(errs) for name, errs in form.errors.items()}})
    category, supported_before = _preview_category(request)
    try:
        result = contribution_compute(on_date=data["paid_on"], monthly_income=data["monthly_income"],
                                      method=data["method"], months=data.get("months"), support_category=category,
                                      supported_months_before=supported_before, params=ParameterTable())
    except ContributionError as error:
        return JsonResponse({"ok": False, "errors": {error.field: error.message}})
    except ParameterMissing:
        return JsonResponse({"ok": False, "errors": {"paid_on": _("No contribution rules are set for this date.")}})
    return JsonResponse({
        "ok": True, "months": result.months, "rule": result.rule,
        "gross": _money(result.gross), "state_support": _money(result.state_support),
        "local_support": _money(result.local_support), "net": _money(result.net),
        "supported_months": result.supported_months, "adjustment": _money(result.adjustment),
        "fund_return": "" if result.fund_return is None else _("fund return %(rate)s a year") % {
            "rate": percent(result.fund_return * 100, 2)},
        "support_rate": number_format(result.support_rate * 100, 0) + "%",
        "floor": _money(result.limits.floor), "ceiling": _money(result.limits.ceiling),
    })
