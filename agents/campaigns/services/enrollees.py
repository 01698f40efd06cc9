"""Named enrollees of a result: recorded once per person and kind, linked to the register by personal ID."""

from django.core.exceptions import ValidationError
from django.db import IntegrityError, transaction
from django.db.models import Exists, OuterRef, Subquery
from django.db.models.functions import Coalesce
from django.utils.translation import gettext as _

from agents.campaigns.models.enrollees import EnrolleeKind, ResultEnrollee
from enrollment.register.models.households import HouseholdMember
from enrollment.register.models.participants import Participant, Payment
from enrollment.shared.identity import (
    IdentityError,
    personal_id_check,
    phone_check,
)


def enrollee_clean(*, kind, full_name, personal_id, phone=""):
    """The enrollee's values, normalised like the register does, or ValidationError (keyed by field)."""
    errors = {}
    name = " ".join((full_name or "").split())
    if not name:
        errors["full_name"] = _("Enter the full name.")
    try:
        personal_id = personal_id_check(personal_id)
    except IdentityError as error:
        errors["personal_id"] = str(error)
    try:
        phone = phone_check(phone or "")
    except IdentityError as error:
        errors["phone"] = str(error)
    if kind not in EnrolleeKind.values:
        errors["kind"] = _("Choose voluntary SI or household HI.")
    if errors:
        raise ValidationError(errors)
    return {"kind": kind, "full_name": name, "personal_id": personal_id, "phone": phone}


def enrollee_logged_elsewhere(*, kind, personal_id, result=None):
    """The enrollee of another result already naming this person for this kind, or None."""
    others = ResultEnrollee.objects.filter(kind=kind, personal_id=personal_id).select_related("result__agent")
    if result is not None and result.pk:
        others = others.exclude(result=result)
    return others.first()


def already_logged_message(other):
    return _("%(name)s (personal ID %(id)s) is already logged by %(agent)s on %(day)s; nobody is counted twice.") % {
        "name": other.full_name, "id": other.personal_id, "agent": other.result.agent.full_name,
        "day": other.result.day.strftime("%d/%m/%Y"),
    }


def enrollees_replace(*, result, enrollees):
    """Make `enrollees` (cleaned dicts) the result's named enrollees; link those the register knows.

    Runs inside the caller's transaction: a person named elsewhere raises ValidationError before
    anything is written, and the unique constraint settles two agents saving the same person at once.
    """
    for enrollee in enrollees:
        other = enrollee_logged_elsewhere(kind=enrollee["kind"], personal_id=enrollee["personal_id"], result=result)
        if other is not None:
            raise ValidationError(already_logged_message(other))
    result.enrollees.all().delete()
    try:
        with transaction.atomic():
            ResultEnrollee.objects.bulk_create([ResultEnrollee(result=result, **enrollee) for enrollee in enrollees])
    except IntegrityError:
        for enrollee in enrollees:
            other = enrollee_logged_elsewhere(kind=enrollee["kind"], personal_id=enrollee["personal_id"],
                                              result=result)
            if other is not None:
                raise ValidationError(already_logged_message(other)) from None
        raise ValidationError(_("The same person is named twice in this report.")) from None
    if enrollees:
        enrollees_link(personal_ids=[e["personal_id"] for e in enrollees])


def enrollees_link(*, personal_ids=None):
    """Link enrollees the register now knows, then credit their agents on first payments naming nobody.

    `personal_ids=None` looks at every enrollee still unlinked (after an import): two statements
    whatever the size of the import, and only unlinked enrollees are visited, not the register. Voluntary
    SI enrollees link to the participant, household HI enrollees to the household member.
    """
    _link(ResultEnrollee.objects.filter(kind=EnrolleeKind.VOLUNTARY_SI, participant=None), "participant",
          Participant.objects.all(), personal_ids)
    _link(ResultEnrollee.objects.filter(kind=EnrolleeKind.HOUSEHOLD_HI, household_member=None), "household_member",
          HouseholdMember.objects.order_by("valid_from", "pk"), personal_ids)
    payments_credit_enrollees(personal_ids=personal_ids)


def _link(waiting, field_name, register, personal_ids):
    if personal_ids is not None:
        waiting = waiting.filter(personal_id__in=personal_ids)
    same_person = register.filter(personal_id=OuterRef("personal_id"))
    waiting.filter(Exists(same_person)).update(**{field_name: Subquery(same_person.values("pk")[:1])})


CREDITED_REASON = "credited to the agent who named the person"


def payments_credit_enrollees(*, personal_ids=None):
    """A first payment that names no mobilising agent is credited to the agent who named the person."""
    named = ResultEnrollee.objects.filter(participant=OuterRef("participant"), kind=EnrolleeKind.VOLUNTARY_SI)
    # From the few linked enrollees to their payments, never a scan of the register's payments.
    linked = ResultEnrollee.objects.filter(kind=EnrolleeKind.VOLUNTARY_SI).exclude(participant=None)
    payments = Payment.objects.filter(participant__in=linked.values("participant"), is_first=True,
                                      mobilised_by_agent=None)
    if personal_ids is not None:
        payments = payments.filter(participant__personal_id__in=personal_ids)
    credited = list(payments.values_list("pk", flat=True))
    if not credited:
        return
    Payment.objects.filter(pk__in=credited).update(
        mobilised_by_agent=Subquery(named.values("result__agent")[:1]),
        campaign=Coalesce("campaign", Subquery(named.values("result__campaign")[:1])),
    )
    # Kept in the payments' history, like a change made by hand.
    Payment.history.bulk_history_create(list(Payment.objects.filter(pk__in=credited)), update=True,
                                        default_change_reason=CREDITED_REASON)


def on_register_people_written(sender, personal_ids=None, **kwargs):
    enrollees_link(personal_ids=personal_ids)
