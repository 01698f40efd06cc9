"""Exactly once for the forms that write register or money rows.

Each such form is issued a key when it is shown (`{% submission_key %}`); its view saves through
`submitted_once`, which records the key in the transaction of the writes. A repeat of the key — a
double click, a resend after a lost answer, five concurrent POSTs — waits on the unique index, fails,
and answers with the first submit's result instead of writing again.
"""

import uuid

from django.contrib import messages
from django.db import IntegrityError, transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from enrollment.shared.models.submissions import Submission

FIELD = "submission_key"


def submission_key_new():
    return str(uuid.uuid4())


def _posted_key(request):
    try:
        return uuid.UUID(request.POST.get(FIELD, ""))
    except ValueError:
        return None  # a form from before keys were issued: saved as it always was


def earlier_result(request):
    """The result URL of an earlier submit of this form's key, or None: checked before anything else a view
    says about the posted data (an entry resent is not "a person already in the register")."""
    key = _posted_key(request)
    if key is None:
        return None
    user = request.user if request.user.is_authenticated else None
    earlier = Submission.objects.filter(key=key, user=user).only("result_url").first()
    return earlier.result_url if earlier else None


def submitted_once(request, form, save):
    """Run `save()` — which writes and returns the URL to answer with — once per submission key.

    Returns (url, first): `first` is False for a repeat, whose url is the first submit's result.
    Whatever `save()` raises rolls the key back with the writes, so a corrected resubmit still saves.
    """
    key = _posted_key(request)
    if key is None:
        return save(), True
    user = request.user if request.user.is_authenticated else None
    with transaction.atomic():
        try:
            with transaction.atomic():
                record = Submission.objects.create(key=key, user=user, form=form)
        except IntegrityError:
            earlier = Submission.objects.filter(key=key, user=user).first()
            return (earlier.result_url if earlier else ""), False
        url = str(save())
        Submission.objects.filter(pk=record.pk).update(result_url=url[:500])
    return url, True


def already_saved(request, url, fallback="participant_list"):
    """The answer to a repeated submit: the first one's result, said plainly."""
    messages.info(request, _("This form was already sent and saved; it was not recorded twice."))
    return redirect(url or reverse(fallback))
