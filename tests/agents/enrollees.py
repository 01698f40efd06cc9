"""Helpers for tests of named enrollees: a result naming people, recorded through the service."""

import uuid
from datetime import date

from agents.campaigns.services.enrollees import enrollee_clean
from agents.campaigns.services.results import result_record
from agents.models import EnrolleeKind

DAY = date(2026, 5, 23)


def named(personal_id, full_name="Phạm Văn Tư", kind=EnrolleeKind.VOLUNTARY_SI, phone=""):
    return enrollee_clean(kind=kind, full_name=full_name, personal_id=personal_id, phone=phone)


def log(agent, commune, *people, new_si=None, day=DAY, campaign=None, **counts):
    si = sum(1 for p in people if p["kind"] == EnrolleeKind.VOLUNTARY_SI)
    hi = sum(1 for p in people if p["kind"] == EnrolleeKind.HOUSEHOLD_HI)
    result, _created = result_record(agent=agent, idempotency_key=uuid.uuid4(), day=day, commune=commune, user=None,
                                     campaign=campaign, enrollees=people, new_si=si if new_si is None else new_si,
                                     new_hi=counts.pop("new_hi", hi), **counts)
    return result
