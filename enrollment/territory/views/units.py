from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.db.models import Count, Q
from django.shortcuts import redirect, render
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from bhxh_targets.search import search_query
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import render_table
from enrollment.shared.scoping import get_unit_for_user, scope_path, visible_units
from enrollment.territory.forms import CommuneMoveForm, VillageForm
from enrollment.territory.models.units import CodeSet, LabourForce, Level, fold
from enrollment.territory.selectors import unit_ancestors, unit_children
from enrollment.territory.services.units import commune_move, village_create
from enrollment.territory.tables import UnitSearchTable, UnitTable


def _search(user, query, code_set):
    folded = fold(query).strip()
    units = visible_units(user).filter(code_set=code_set)
    return units.filter(Q(search_name__contains=folded) | Q(code__startswith=query.strip()))


@scoped_view
def unit_browser(request):
    """The top of the tree the user may see: every province for national users, else their scope."""
    user = request.user
    query = search_query(request)
    code_set = request.GET.get("code_set", CodeSet.CURRENT)
    if code_set not in CodeSet.values:
        code_set = CodeSet.CURRENT
    if not query and not user.is_national and user.scope_unit_id:
        return redirect("unit_detail", pk=user.scope_unit_id)
    if query:
        units = _search(user, query, code_set).select_related("parent").annotate(child_count=Count("children"))
        table = UnitSearchTable(units)
    else:
        provinces = visible_units(user).filter(code_set=code_set, level=Level.PROVINCE)
        table = UnitTable(provinces.annotate(child_count=Count("children")))
    return render_table(request, table, "enrollment/unit_browser.html", {
        "query": query, "code_set": code_set, "code_sets": CodeSet.choices,
        "has_scope": scope_path(user) is not None,
    }, filename="units")


@scoped_view
def unit_detail(request, pk):
    user = request.user
    unit = get_unit_for_user(user, pk)
    query = search_query(request)
    if query:
        units = _search(user, query, unit.code_set).filter(path__startswith=unit.path).exclude(pk=unit.pk)
        table = UnitSearchTable(units.select_related("parent").annotate(child_count=Count("children")))
    else:
        table = UnitTable(unit_children(unit))
    context = {
        "unit": unit,
        "query": query,
        "ancestors": unit_ancestors(user, unit),
        "labour_forces": LabourForce.objects.filter(unit=unit).order_by("-year")[:5],
        "village_form": VillageForm() if _can_add_village(user, unit) else None,
        "move_form": CommuneMoveForm(user=user, commune=unit) if _can_move(user, unit) else None,
    }
    return render_table(request, table, "enrollment/unit_detail.html", context, filename=f"units-{unit.code}")


def _can_add_village(user, unit):
    return user.can_manage and unit.level == Level.COMMUNE


def _can_move(user, unit):
    return user.role in ("national_admin", "provincial_manager") and unit.level == Level.COMMUNE \
        and unit.code_set == CodeSet.CURRENT


@require_POST
@scoped_view
def village_add(request, pk):
    commune = get_unit_for_user(request.user, pk)
    if not _can_add_village(request.user, commune):
        raise PermissionDenied
    form = VillageForm(request.POST)
    if form.is_valid():
        try:
            village = village_create(user=request.user, commune=commune, **form.cleaned_data)
        except ValidationError as exc:
            form.add_error("name", exc)
        else:
            messages.success(request, _("Village %(name)s was added.") % {"name": village.name})
            return redirect("unit_detail", pk=commune.pk)
    return render(request, "enrollment/village_form.html", {"form": form, "unit": commune})


@require_POST
@scoped_view
def commune_move_view(request, pk):
    commune = get_unit_for_user(request.user, pk)
    if not _can_move(request.user, commune):
        raise PermissionDenied
    form = CommuneMoveForm(request.POST, user=request.user, commune=commune)
    if form.is_valid():
        try:
            commune_move(user=request.user, commune=commune, district=form.cleaned_data["district"])
        except ValidationError as exc:
            messages.error(request, " ".join(exc.messages))
        else:
            messages.success(request, _("%(commune)s now belongs to %(district)s.") % {
                "commune": commune, "district": form.cleaned_data["district"]})
    else:
        messages.error(request, _("Choose a district of the same province."))
    return redirect("unit_detail", pk=commune.pk)
