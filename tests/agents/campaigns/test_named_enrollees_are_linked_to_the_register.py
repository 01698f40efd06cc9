"""A person named in a result is linked to the register by personal ID, whichever comes first."""

from datetime import date

import pytest

from agents.models import Campaign, CampaignType, ResultEnrollee
from enrollment.models import Payment
from enrollment.register.services.participants import (
    participant_get_or_create,
    payment_record,
)
from tests.agents.enrollees import DAY, log, named
from tests.factories import ParticipantFactory

pytestmark = pytest.mark.django_db
PERSON = "082085000777"


def register(tree, personal_id=PERSON, paid_on=DAY, **links):
    person, _created = participant_get_or_create(
        personal_id=personal_id, full_name="Phạm Văn Tư", birth_date=date(1985, 4, 15), sex="male",
        commune=tree.commune)
    return payment_record(participant=person, paid_on=paid_on, method="monthly", monthly_income=2_000_000, **links)


def test_a_person_logged_then_registered_is_linked_and_credits_the_agent(agents, tree):
    campaign = Campaign.objects.create(name="Ra quân", campaign_type=CampaignType.MOBILISATION_DAY, unit=tree.province,
                                       starts_on=DAY, ends_on=DAY)
    log(agents.mai, tree.commune, named(PERSON), campaign=campaign)
    assert ResultEnrollee.objects.get().participant is None

    payment = register(tree, paid_on=date(2026, 5, 26), collected_by_agent=agents.lan)

    assert ResultEnrollee.objects.get().participant == payment.participant
    assert (payment.mobilised_by_agent, payment.campaign, payment.collected_by_agent) == (agents.mai, campaign,
                                                                                           agents.lan)
    assert Payment.objects.get(pk=payment.pk).mobilised_by_agent == agents.mai


def test_a_payment_naming_its_mobiliser_keeps_it(agents, tree):
    log(agents.mai, tree.commune, named(PERSON))
    payment = register(tree, mobilised_by_agent=agents.hung)
    assert Payment.objects.get(pk=payment.pk).mobilised_by_agent == agents.hung
    assert ResultEnrollee.objects.get().participant == payment.participant


def test_a_person_registered_first_is_linked_when_logged(agents, tree):
    payment = register(tree)
    log(agents.mai, tree.commune, named(PERSON))
    assert ResultEnrollee.objects.get().participant == payment.participant
    assert Payment.objects.get(pk=payment.pk).mobilised_by_agent == agents.mai


def test_an_import_links_every_named_person_at_once(client_for, district_staff, agents, tree, upload_import,
                                                    django_assert_max_num_queries):
    ids = [f"082085000{n:03d}" for n in range(1, 4)]
    log(agents.mai, tree.commune, *(named(pid, f"Người {pid[-1]}") for pid in ids[:2]))
    log(agents.hung, tree.commune, named(ids[2]))
    ParticipantFactory(personal_id="082085000999", commune=tree.commune)  # someone in the register nobody named
    rows = "".join(f"{pid},Người {pid[-1]},15/04/1985,Nam,28594,05/05/2026,monthly,1.500.000\n" for pid in ids)
    job = upload_import(client_for(district_staff), "participants",
                        ("personal_id,full_name,birth_date,sex,commune_code,paid_on,method,monthly_income\n"
                         + rows).encode())

    assert job.created_rows == 3, job.errors
    linked = dict(ResultEnrollee.objects.values_list("personal_id", "participant__personal_id"))
    assert linked == {pid: pid for pid in ids}
    credited = dict(Payment.objects.values_list("participant__personal_id", "mobilised_by_agent"))
    assert credited == {ids[0]: agents.mai.pk, ids[1]: agents.mai.pk, ids[2]: agents.hung.pk}


def test_linking_after_an_import_costs_the_same_for_any_number_of_people(agents, tree, django_assert_num_queries):
    from agents.campaigns.services.enrollees import enrollees_link

    for n in range(5):
        log(agents.mai, tree.commune, named(f"082085100{n:03d}"))
        ParticipantFactory(personal_id=f"082085100{n:03d}", commune=tree.commune)
    with django_assert_num_queries(3):
        enrollees_link()
    assert not ResultEnrollee.objects.filter(participant=None).exists()


def test_a_household_hi_enrollee_links_to_the_insured_household_member(agents, tree):
    from enrollment.register.services.households import household_enroll

    log(agents.mai, tree.commune, named("082190000555", "Trần Thị Sáu", kind="hi"))
    household = household_enroll(head_name="Trần Văn Bảy", commune=tree.commune, valid_from=DAY, months=12, members=[
        {"full_name": "Trần Văn Bảy", "personal_id": "082085000444"},
        {"full_name": "Trần Thị Sáu", "personal_id": "082190000555"}])
    enrollee = ResultEnrollee.objects.get()
    assert enrollee.household_member == household.members.get(order=2)
    assert enrollee.participant is None
