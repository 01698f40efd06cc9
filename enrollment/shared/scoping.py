"""The one place that decides what part of the tree a user may see.

Every queryset that reaches a view, table, chart or export goes through `scope_queryset`
(or `visible_units`, its form for units). Deny by default: an anonymous user, or a user
without a scope unit who is not a national administrator, sees nothing.
"""

from django.http import Http404

from enrollment.territory.models.units import Unit


def scope_path(user):
    """The path prefix the user may see: "" for everything, None for nothing."""
    if not user.is_authenticated or not user.is_active:
        return None
    if user.is_national:
        return ""
    if user.scope_unit_id is None:
        return None
    return user.scope_unit.path


def scope_queryset(user, queryset, unit_field="unit"):
    """Filter any queryset to rows whose `unit_field` lies in the user's subtree."""
    prefix = scope_path(user)
    if prefix is None:
        return queryset.none()
    if prefix == "":
        return queryset
    lookup = "path__startswith" if unit_field is None else f"{unit_field}__path__startswith"
    return queryset.filter(**{lookup: prefix})


def visible_units(user):
    return scope_queryset(user, Unit.objects.all(), unit_field=None)


def get_object_in_scope(user, queryset, unit_field="unit", **lookup):
    """Fetch one object of the user's scope; anything else, existing or not, is a 404."""
    try:
        return scope_queryset(user, queryset, unit_field).get(**lookup)
    except queryset.model.DoesNotExist:
        raise Http404 from None


def get_unit_for_user(user, pk):
    return get_object_in_scope(user, Unit.objects.select_related("parent"), unit_field=None, pk=pk)


def unit_in_scope(user, unit):
    prefix = scope_path(user)
    return prefix is not None and unit.path.startswith(prefix)
