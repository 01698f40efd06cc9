"""On the register's entry form an agent staff member picks collectors and mobilisers of their own
organisation only: another organisation's staff in the same commune are neither listed nor accepted."""

import pytest

from enrollment.models import Role
from enrollment.register.forms import ParticipantEntryForm

pytestmark = pytest.mark.django_db


@pytest.fixture
def union_user(make_user, tree, agents):
    """Hùng's account: agent staff of the farmers' union, in the same commune as the post office's Mai."""
    user = make_user(Role.AGENT_STAFF, tree.commune, username="hung")
    agents.hung.user = user
    agents.hung.save()
    return user


def test_the_entry_form_lists_only_their_organisation(client_for, union_user, agents):
    body = client_for(union_user).get("/participants/new/").content.decode()
    assert "Lê Văn Hùng" in body
    assert "Nguyễn Thị Mai" not in body


def test_a_colleague_in_another_district_can_be_named(agent_user, agents):
    form = ParticipantEntryForm(user=agent_user)
    assert set(form.fields["mobilised_by_agent"].queryset) == {agents.mai, agents.lan}


def test_another_organisations_staff_is_refused(union_user, agents):
    form = ParticipantEntryForm(data={"collected_by_agent": agents.mai.pk}, user=union_user)
    form.is_valid()
    assert "collected_by_agent" in form.errors


def test_an_office_still_sees_every_agent_of_its_area(district_staff, agents):
    form = ParticipantEntryForm(user=district_staff)
    assert set(form.fields["collected_by_agent"].queryset) == {agents.mai, agents.hung}
