from django.db.models import Count, Exists, OuterRef, Q, Subquery
from django.shortcuts import render
from django.utils import timezone

from agents.models import AgentCard, AgentStaff, ContractStatus, TrainingCourse, TrainingRecord, TrainingResult
from agents.models.organisations import Contract
from agents.selectors.scoping import (
    agent_profile, get_in_scope, managed_courses, managed_organisations, visible_courses, visible_organisations,
    visible_points, visible_results, visible_staff,
)
from agents.selectors.enrollees import enrollees_of, enrollees_shown
from agents.selectors.training import counts_by_organisation, counts_by_unit
from agents.tables import (
    mask,
    AgentStaffTable, CardTable, ContractTable, OrganisationTable, PointTable, TrainingCountTable, TrainingRecordTable,
)
from bhxh_targets.search import search_query
from enrollment.models import OFFICE_ROLES, Level, Role, Unit
from enrollment.scoping import scoped_view
from enrollment.selectors.scoping import visible_units
from enrollment.views.exporting import render_table


def shows_phone(user, member):
    """Offices call agent staff; viewers need no phone, and agent staff only their own."""
    if user.role == Role.AGENT_STAFF:
        profile = agent_profile(user)
        return profile is not None and profile.pk == member.pk
    return user.role in OFFICE_ROLES


def writes_agents(user):
    """Office roles write the points, staff, training and cards they see (docs/AGENTS.md)."""
    return user.role in OFFICE_ROLES


def _without_edit(user, *columns):
    return columns if writes_agents(user) else columns + ("edit",)


def _organisations(user):
    staff_here = visible_staff(user, AgentStaff.objects.filter(is_active=True))
    contract = Contract.objects.filter(organisation=OuterRef("pk"), status=ContractStatus.ACTIVE).order_by("-valid_from")
    return (visible_organisations(user).select_related("unit")
            .annotate(point_count=Count("points", filter=Q(points__in=visible_points(user)), distinct=True),
                      staff_count=Count("points__staff", filter=Q(points__staff__in=staff_here), distinct=True),
                      contract_number=Subquery(contract.values("number")[:1])))


@scoped_view
def organisation_list(request):
    table = OrganisationTable(_organisations(request.user))
    return render_table(request, table, "agents/organisation_list.html",
                        {"can_write": writes_agents(request.user)}, filename="agent-organisations")


@scoped_view
def organisation_detail(request, pk):
    user = request.user
    organisation = get_in_scope(_organisations(user), pk=pk)
    can_edit = managed_organisations(user).filter(pk=pk).exists()
    tab = request.GET.get("table", "points")
    if tab == "contracts":
        table = ContractTable(organisation.contracts.all(), exclude=() if can_edit else ("edit",))
    else:
        points = (visible_points(user, organisation.points.all()).select_related("unit", "organisation")
                  .prefetch_related("communes")
                  .annotate(staff_count=Count("staff", filter=Q(staff__is_active=True))))
        table = PointTable(points, exclude=_without_edit(user, "organisation"))
    return render_table(request, table, "agents/organisation_detail.html",
                        {"organisation": organisation, "tab": tab, "can_edit": can_edit,
                         "can_write": writes_agents(user)}, filename=f"agent-organisation-{tab}")


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
        staff = staff.filter(full_name__icontains=name)
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
        table = CardTable(member.cards.all(), exclude=_without_edit(user))
    else:
        table = TrainingRecordTable(member.training_records.select_related("course", "staff__point"),
                                    exclude=_without_edit(user, "staff", "point"))
    return render_table(request, table, "agents/staff_detail.html",
                        {"member": member, "tab": tab, "can_write": writes_agents(user),
                         "named": enrollees_shown(user, enrollees_of(member, visible_results(user))),
                         "phone": member.phone if shows_phone(user, member) else mask(member.phone)},
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
    table = TrainingRecordTable(records, exclude=_without_edit(request.user, "course"))
    can_edit = managed_courses(request.user).filter(pk=pk).exists()
    return render_table(request, table, "agents/course_detail.html", {"course": course, "can_edit": can_edit},
                        filename="training-course")
