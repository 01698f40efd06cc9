"""Correcting a participant or one of their payments; every change goes into the history on the person's page."""

from django.contrib import messages
from django.http import Http404
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _

from enrollment.register.forms import ParticipantEditForm, PaymentEditForm
from enrollment.register.models.participants import Payment
from enrollment.register.selectors.participants import EDIT_ROLES, get_participant_for, participants_for
from enrollment.register.services.contributions import ContributionError
from enrollment.register.services.edits import EditError, participant_update, payment_update
from enrollment.shared.access import scoped_view

PERSON_FIELDS = ("personal_id", "full_name", "birth_date", "sex", "phone", "si_number", "commune", "village",
                 "target_group", "support_category")


@scoped_view(roles=EDIT_ROLES)
def participant_edit(request, pk):
    participant = get_participant_for(request.user, pk)
    form = ParticipantEditForm(request.POST or None, participant=participant, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            changed = participant_update(participant=participant, reason=data["reason"],
                                         **{name: data[name] for name in PERSON_FIELDS})
        except EditError as error:
            form.add_error(error.field, error.message)
        else:
            if changed:
                messages.success(request, _("The changes are saved and kept in the history."))
            else:
                messages.info(request, _("Nothing was changed."))
            return redirect("participant_detail", pk=participant.pk)
    return render(request, "enrollment/participants/edit.html", {"form": form, "participant": participant})


@scoped_view(roles=EDIT_ROLES)
def payment_edit(request, pk):
    payment = Payment.objects.filter(pk=pk, participant__in=participants_for(request.user)).select_related(
        "participant").first()
    if payment is None:
        raise Http404
    form = PaymentEditForm(request.POST or None, payment=payment, user=request.user)
    if request.method == "POST" and form.is_valid():
        data = form.cleaned_data
        try:
            payment_update(payment=payment, paid_on=data["paid_on"], monthly_income=data["monthly_income"],
                           collected_by_staff=data["collected_by_staff"],
                           mobilised_by_staff=data["mobilised_by_staff"], reason=data["reason"])
        except ContributionError as error:
            form.add_error(error.field if error.field in form.fields else None, error.message)
        else:
            messages.success(request, _("The changes are saved and kept in the history."))
            return redirect("participant_detail", pk=payment.participant_id)
    return render(request, "enrollment/participants/payment_edit.html", {
        "form": form, "payment": payment, "participant": payment.participant})
