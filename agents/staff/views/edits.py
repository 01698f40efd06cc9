"""Creating and editing agent staff, their training records and cards, and training courses."""

from django.contrib import messages
from django.core.exceptions import ValidationError
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.translation import gettext as _

from agents.shared.editing import edit_page
from agents.shared.scoping import (
    courses_for_records,
    get_in_scope,
    managed_courses,
    managed_points,
    managed_staff,
)
from agents.staff.forms import (
    AgentStaffForm,
    CardForm,
    TrainingCourseForm,
    TrainingRecordForm,
)
from agents.staff.models import AgentCard, TrainingCourse, TrainingRecord
from agents.staff.services.staff import agent_staff_save
from enrollment.shared.access import scoped_view
from enrollment.shared.models.users import OFFICE_ROLES
from enrollment.territory.selectors import office_units


@scoped_view(roles=OFFICE_ROLES)
def staff_edit(request, pk=None):
    user = request.user
    member = get_in_scope(managed_staff(user).select_related("point"), pk=pk) if pk else None
    point = request.GET.get("point", "")
    points = managed_points(user)
    if member is None:
        points = points.filter(is_active=True)
    form = AgentStaffForm(request.POST or None, instance=member, points=points, managed_staff=managed_staff(user),
                          initial={"point": point} if point.isdigit() else {})
    if request.method == "POST" and form.is_valid():
        try:
            member = agent_staff_save(staff=form.save(commit=False))
        except ValidationError as error:
            form.add_error(None, error)
        else:
            messages.success(request, _("Agent staff member %(name)s was saved.") % {"name": member.full_name})
            return redirect("agents:staff_detail", pk=member.pk)
    if member is None:
        return edit_page(request, form, title=_("Add an agent staff member"),
                         back_url=reverse("agents:staff_list"), back_label=_("Agent staff"))
    return edit_page(request, form, title=_("Edit %(name)s") % {"name": member.full_name},
                     back_url=reverse("agents:staff_detail", args=[member.pk]), back_label=member.full_name)


def _staff_page(member, tab):
    return reverse("agents:staff_detail", args=[member.pk]) + f"?table={tab}"


@scoped_view(roles=OFFICE_ROLES)
def training_record_edit(request, staff_pk=None, pk=None):
    user = request.user
    if pk:
        record = get_in_scope(TrainingRecord.objects.filter(staff__in=managed_staff(user))
                              .select_related("staff", "course"), pk=pk)
    else:
        record = TrainingRecord(staff=get_in_scope(managed_staff(user), pk=staff_pk))
    member = record.staff
    courses = courses_for_records(user)
    if pk:
        courses = courses | TrainingCourse.objects.filter(pk=record.course_id)
    form = TrainingRecordForm(request.POST or None, instance=record, courses=courses)
    if request.method == "POST" and form.is_valid():
        form.save()
        messages.success(request, _("The training of %(name)s was saved.") % {"name": member.full_name})
        return redirect(_staff_page(member, "training"))
    return edit_page(request, form, title=_("Training of %(name)s") % {"name": member.full_name},
                     back_url=_staff_page(member, "training"), back_label=member.full_name)


@scoped_view(roles=OFFICE_ROLES)
def card_edit(request, staff_pk=None, pk=None):
    user = request.user
    if pk:
        card = get_in_scope(AgentCard.objects.filter(staff__in=managed_staff(user)).select_related("staff"), pk=pk)
    else:
        card = AgentCard(staff=get_in_scope(managed_staff(user), pk=staff_pk))
    member = card.staff
    form = CardForm(request.POST or None, instance=card)
    if request.method == "POST" and form.is_valid():
        card = form.save()
        messages.success(request, _("Card %(number)s was saved.") % {"number": card.number})
        return redirect(_staff_page(member, "cards"))
    return edit_page(request, form, title=_("Card of %(name)s") % {"name": member.full_name},
                     back_url=_staff_page(member, "cards"), back_label=member.full_name)


@scoped_view(roles=OFFICE_ROLES)
def course_edit(request, pk=None):
    course = get_in_scope(managed_courses(request.user), pk=pk) if pk else None
    form = TrainingCourseForm(request.POST or None, instance=course, units=office_units(request.user))
    if request.method == "POST" and form.is_valid():
        course = form.save()
        messages.success(request, _("Training course %(name)s was saved.") % {"name": course.name})
        return redirect("agents:course_detail", pk=course.pk)
    if course is None:
        return edit_page(request, form, title=_("Add a training course"),
                         back_url=reverse("agents:training_counts"), back_label=_("Training and cards"))
    return edit_page(request, form, title=_("Edit %(name)s") % {"name": course.name},
                     back_url=reverse("agents:course_detail", args=[course.pk]), back_label=course.name)

