"""Who changed what and when, read from django-simple-history's records, for an object's page.

Records are only read here: nothing in the application edits or deletes them, and the admin shows them
read-only with reverting disabled (SIMPLE_HISTORY_REVERT_DISABLED).
"""

from dataclasses import dataclass, field
from datetime import date, datetime

from django.utils import timezone
from django.utils.translation import gettext, pgettext_lazy
from django.utils.translation import gettext_lazy as _

from enrollment.shared.formats import number

KINDS = {"+": pgettext_lazy("history", "created"), "~": pgettext_lazy("history", "changed"),
         "-": pgettext_lazy("history", "deleted")}
SKIPPED = ["id", "created_at", "updated_at", "created_by", "search_name", "masked_search_name"]
LIMIT = 100


@dataclass
class Change:
    when: datetime
    who: str
    kind: str
    subject: str
    fields: list = field(default_factory=list)  # (label, old, new)
    reason: str = ""


def _shown(record, name, value):
    if value is None or value == "":
        return "—"
    model_field = record.instance_type._meta.get_field(name)
    if model_field.choices:
        return str(dict(model_field.flatchoices).get(value, value))
    if model_field.is_relation:
        try:
            return str(getattr(record, name))
        except Exception:  # the related row is gone; its id still says which it was
            return f"#{value}"
    if isinstance(value, bool):
        return str(_("yes") if value else _("no"))
    if isinstance(value, datetime):
        return timezone.localtime(value).strftime("%d/%m/%Y %H:%M")
    if isinstance(value, date):
        return value.strftime("%d/%m/%Y")
    if isinstance(value, (int, float)) or hasattr(value, "quantize"):
        return number(value, 0 if value == int(value) else 2)
    return str(value)


def _fields(record, older):
    if record.history_type != "~" or older is None:
        return []
    delta = record.diff_against(older, excluded_fields=SKIPPED)
    return [(str(record.instance_type._meta.get_field(c.field).verbose_name), _shown(older, c.field, c.old),
             _shown(record, c.field, c.new)) for c in delta.changes]


def changes(*histories, subject=None, limit=LIMIT):
    """The changes in one or more history querysets (an object's, its payments' ...), newest first.
    `subject(record)` names what changed (a payment's months, say); by default the kind of object."""
    records = []
    for history in histories:
        records.extend(history.select_related("history_user").order_by("-history_date", "-history_id")[:limit])
    result, latest = [], {}
    for record in sorted(records, key=lambda r: (r.history_date, r.history_id)):
        older = latest.get((type(record), record.id))
        latest[(type(record), record.id)] = record
        fields = _fields(record, older)
        if record.history_type == "~" and older is not None and not fields:
            continue  # saved without changing anything
        result.append(Change(
            when=record.history_date, who=str(record.history_user or _("the system")),
            kind=str(KINDS[record.history_type]),
            subject=subject(record) if subject else str(record.instance_type._meta.verbose_name).capitalize(),
            fields=fields, reason=gettext(record.history_change_reason) if record.history_change_reason else ""))
    return result[::-1][:limit]


def history_of(instance, *related):
    """An object's changes with those of rows that belong to it: `related` are (model label, filter), e.g.
    ("enrollment.OfficerQuota", {"staff_id": 5}); labels keep concerns from importing each other's models."""
    from django.apps import apps

    def subject(record):
        return str(record.instance_type._meta.verbose_name).capitalize() if record.instance_type is not type(instance) \
            else str(instance)

    histories = [instance.history.all()]
    histories += [apps.get_model(label).history.filter(**lookup) for label, lookup in related]
    return changes(*histories, subject=subject)
