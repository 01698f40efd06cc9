"""Fault 5: the same payment form POSTed five times at once (a double click, a flaky network) records one
payment and moves paid-through by its months once; every answer leads to that one payment."""

import threading

import pytest
from django.db import connection
from django.test import Client
from django.utils import timezone

from enrollment.models import Participant, Payment, Submission
from enrollment.shared.months import add_months
from tests.enrollment.register.test_district_staff_enters_a_participant import entry

pytestmark = pytest.mark.django_db(transaction=True)


def post_together(user, url, data, times=5):
    start, answers = threading.Barrier(times), []

    def send():
        client = Client()
        client.force_login(user)
        start.wait(10)
        try:
            answers.append(client.post(url, data))
        finally:
            connection.close()

    threads = [threading.Thread(target=send) for _ in range(times)]
    for thread in threads:
        thread.start()
    for thread in threads:
        thread.join(60)
    return answers


def the_form(client, url):
    page = client.get(url).content.decode()
    key = page.split('name="submission_key" value="')[1].split('"')[0]
    return key


def test_five_concurrent_posts_of_one_payment_record_it_once(tree, district_staff, client_for, eager_tasks):
    client = client_for(district_staff)
    today = timezone.localdate()
    client.post("/participants/new/", entry(tree.commune, paid_on=today.strftime("%d/%m/%Y"), method="yearly"))
    person = Participant.objects.get()
    through = person.paid_through
    url = f"/participants/{person.pk}/payments/new/"
    key = the_form(client, url)

    answers = post_together(district_staff, url, {"paid_on": today.strftime("%d/%m/%Y"), "method": "quarterly",
                                                  "monthly_income": "1.500.000", "submission_key": key})

    assert [a.status_code for a in answers] == [302] * 5
    assert {a["Location"] for a in answers} == {f"/participants/{person.pk}/"}
    assert Payment.objects.filter(participant=person).count() == 2
    person.refresh_from_db()
    assert person.paid_through == add_months(through, 3)  # once, not fifteen months on
    assert Submission.objects.get(key=key).form == "payment_new"


def test_a_repeated_entry_answers_with_the_first_result_and_says_so(tree, district_staff, client_for, eager_tasks):
    client = client_for(district_staff)
    key = the_form(client, "/participants/new/")
    data = {**entry(tree.commune), "submission_key": key}
    first = client.post("/participants/new/", data)
    again = client.post("/participants/new/", data, follow=True)
    assert again.redirect_chain[0][0] == first["Location"]
    assert "không ghi hai lần" in again.content.decode()
    assert Participant.objects.count() == 1 and Payment.objects.count() == 1


def test_a_household_and_a_renewal_outcome_sent_twice_are_saved_once(tree, district_staff, client_for):
    from enrollment.models import Household, HouseholdMember

    client = client_for(district_staff)
    key = the_form(client, "/households/new/")
    data = {"head_name": "Trần Văn Bình", "commune": tree.commune.pk, "village": "", "address": "",
            "valid_from": "01/12/2026", "months": "12", "members-TOTAL_FORMS": "1", "members-INITIAL_FORMS": "0",
            "members-MIN_NUM_FORMS": "1", "members-MAX_NUM_FORMS": "1000", "members-0-full_name": "Trần Văn Bình",
            "members-0-personal_id": "", "members-0-birth_date": "", "members-0-sex": "", "submission_key": key}
    first = client.post("/households/new/", data)
    again = client.post("/households/new/", data)
    assert first.status_code == again.status_code == 302 and again["Location"] == first["Location"]
    assert Household.objects.count() == 1 and HouseholdMember.objects.count() == 1
