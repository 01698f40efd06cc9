from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.utils import timezone

from agents.campaigns.selectors.enrollees import enrollees_of, enrollees_shown
from agents.shared.scoping import (
    agent_profile,
    columns_without_edit,
    get_in_scope,
    managed_courses,
    shows_phone,
    visible_courses,
    visible_organisations,
    visible_results,
    visible_staff,
    writes_agents,
)
from agents.shared.tables import mask
from agents.staff.models import (
    AgentCard,
    TrainingCourse,
    TrainingRecord,
    TrainingResult,
)
from agents.staff.selectors import counts_by_organisation, counts_by_unit
from agents.staff.tables import (
    AgentStaffTable,
    CardTable,
    TrainingCountTable,
    TrainingRecordTable,
)
from bhxh_targets.search import search_query
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import render_table
from enrollment.shared.history import history_of
from enrollment.shared.models.users import Role
from enrollment.shared.scoping import visible_units
from enrollment.territory.models.units import Level, Unit, fold


def _staff(user):
    today = timezone.localdate()
    card = AgentCard.objects.filter(staff=OuterRef("pk"), issued_on__lte=today, expires_on__gte=today).order_by(
        "-expires_on")
    passed = TrainingRecord.objects.filter(staff=OuterRef("pk"), result=TrainingResult.PASSED)
    return (visible_staff(user).select_related("point__organisation")
            .annotate(trained=Exists(passed), card_number=Subquery(card.values("number")[:1]),
                      card_expires_on=Subquery(card.values("expires_on")[:1])))


@scoped_view
def staff_list(request):
    staff = _staff(request.user)
    organisation = request.GET.get("organisation")
    if organisation and organisation.isdigit():
        staff = staff.filter(point__organisation_id=organisation)
    name = search_query(request)
    if name:
        staff = staff.filter(search_name__contains=fold(name).strip())
    table = AgentStaffTable(staff, shows_phone=lambda member: shows_phone(request.user, member))
    return render_table(request, table, "agents/staff_list.html",
                        {"organisations": visible_organisations(request.user).order_by("name"), "q": name,
                         "organisation": organisation, "can_write": writes_agents(request.user)},
                        filename="agent-staff")


@scoped_view
def staff_detail(request, pk):
    member = get_in_scope(_staff(request.user).select_related("point__unit", "user"), pk=pk)
    tab = request.GET.get("table", "training")
    user = request.user
    if tab == "cards":
        table = CardTable(member.cards.all(), exclude=columns_without_edit(user))
    else:
        table = TrainingRecordTable(member.training_records.select_related("course", "staff__point"),
                                    exclude=columns_without_edit(user, "staff", "point"))
    return render_table(request, table, "agents/staff_detail.html",
                        {"member": member, "tab": tab, "can_write": writes_agents(user),
                         "named": enrollees_shown(user, enrollees_of(member, visible_results(user))),
                         "phone": member.phone if shows_phone(user, member) else mask(member.phone),
                         "history": history_of(member, ("agents.AgentStaffQuota", {"agent_id": member.pk}))
                         if writes_agents(user) else None},
                        filename=f"agent-staff-{tab}")


def _child_units(user):
    """The units one level below the user's scope (districts of a province, communes of a district); for agent
    staff, whose data is their organisation's wherever it works, one level below its contracting unit."""
    if user.role == Role.AGENT_STAFF:
        profile = agent_profile(user)
        if profile is None or not profile.is_active:
            return Unit.objects.none()
        return Unit.objects.filter(parent=profile.point.organisation.unit_id).order_by("name")
    if user.is_national:
        return visible_units(user).filter(level=Level.PROVINCE, code_set="2025").order_by("code")
    if user.scope_unit_id is None:
        return visible_units(user).none()
    return visible_units(user).filter(parent=user.scope_unit).order_by("name")


@scoped_view
def training_counts(request):
    today = timezone.localdate()
    staff = visible_staff(request.user)
    by = request.GET.get("by", "unit")
    if by == "organisation":
        rows = counts_by_organisation(staff, today)
    else:
        rows = counts_by_unit(staff, _child_units(request.user), today)
    courses = visible_courses(request.user, TrainingCourse.objects.select_related("unit")).annotate(
        participants=Count("records", filter=Q(records__staff__in=staff)))
    return render_table(request, TrainingCountTable(rows), "agents/training_counts.html",
                        {"by": by, "courses": courses[:50], "today": today,
                         "can_write": writes_agents(request.user)}, filename=f"agent-training-by-{by}")


@scoped_view
def course_detail(request, pk):
    course = get_in_scope(visible_courses(request.user, TrainingCourse.objects.select_related("unit")), pk=pk)
    records = course.records.filter(staff__in=visible_staff(request.user)).select_related("staff__point", "course")
    table = TrainingRecordTable(records, exclude=columns_without_edit(request.user, "course"))
    can_edit = managed_courses(request.user).filter(pk=pk).exists()
    return render_table(request, table, "agents/course_detail.html", {"course": course, "can_edit": can_edit},
                        filename="training-course")
