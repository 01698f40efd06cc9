"""The one place that decides what part of the tree a user may see.

Every queryset that reaches a view, table, chart or export goes through `scope_queryset`
(or `visible_units`, its form for units). Deny by default: an anonymous user, or a user
without a scope unit who is not a national administrator, sees nothing.
"""

from django.db.models import Q
from django.http import Http404

from enrollment.shared.reform import legacy_paths_of
from enrollment.territory.models.units import CodeSet, Level, Unit


def scope_path(user):
    """The path prefix the user may see: "" for everything, None for nothing."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_national:
        return ""
    if user.scope_unit_id is None:
        return None
    return user.scope_unit.path


def legacy_scope_paths(user):
    """Path prefixes of the units before the 2025 reform the user may see besides their own subtree:
    the former provinces their 2025 province took in, the former district their office area is named
    after, the former wards of their commune (docs/PROGRESS.md, "Units before the 2025 reform")."""
    prefix = scope_path(user)
    if not prefix:
        return ()
    unit = user.scope_unit
    if unit.code_set != CodeSet.CURRENT or unit.level > Level.COMMUNE:
        return ()
    return legacy_paths_of(unit.level, unit.code)


def scope_queryset(user, queryset, unit_field="unit", legacy=False):
    """Filter any queryset to rows whose `unit_field` lies in the user's subtree; with `legacy`, also
    in the former units their area took in (`legacy_scope_paths`)."""
    prefix = scope_path(user)
    if prefix is None:
        return queryset.none()
    if prefix == "":
        return queryset
    lookup = "path__startswith" if unit_field is None else f"{unit_field}__path__startswith"
    condition = Q(**{lookup: prefix})
    for path in legacy_scope_paths(user) if legacy else ():
        condition |= Q(**{lookup: path})
    return queryset.filter(condition)


def visible_units(user, legacy=False):
    return scope_queryset(user, Unit.objects.all(), unit_field=None, legacy=legacy)


def get_object_in_scope(user, queryset, unit_field="unit", legacy=False, **lookup):
    """Fetch one object of the user's scope; anything else, existing or not, is a 404."""
    try:
        return scope_queryset(user, queryset, unit_field, legacy=legacy).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def get_unit_for_user(user, pk, legacy=False):
    """A unit of the user's area (with `legacy`, a former unit their area took in too), else a 404."""
    return get_object_in_scope(user, Unit.objects.select_related("parent"), unit_field=None, legacy=legacy, pk=pk)


def unit_in_scope(user, unit, legacy=False):
    prefix = scope_path(user)
    if prefix is None:
        return False
    return unit.path.startswith(prefix) or (legacy and any(unit.path.startswith(p) for p in legacy_scope_paths(user)))
