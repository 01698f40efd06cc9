from django.db.models import Count

from enrollment.shared.scoping import scope_path, visible_units
from enrollment.territory.models.units import CodeSet, Level, Unit


def unit_children(unit):
    return unit.children.annotate(child_count=Count("children")).order_by("code")


def unit_ancestors(user, unit):
    """The units above `unit` that the user may open, from the top down (one query)."""
    codes = unit.path.strip("/").split("/")
    prefixes = ["/".join(codes[:i]) + "/" for i in range(2, len(codes))]
    prefix = scope_path(user) or ""
    return list(Unit.objects.filter(path__in=[p for p in prefixes if p.startswith(prefix)]).order_by("level"))


def districts_of_province(user, unit):
    province_path = "/".join(unit.path.split("/")[:2]) + "/"
    return visible_units(user).filter(level=Level.DISTRICT, path__startswith=province_path).order_by("name")


def subtree_counts(user):
    """How many units of each level the user's area holds."""
    rows = visible_units(user).values_list("code_set", "level").annotate(n=Count("id")).order_by()
    counts = {}
    for code_set, level, n in rows:
        counts.setdefault(code_set, {})[level] = n
    return counts


def office_units(user):
    """The offices of the user's area: provinces and grassroots (district) offices of the 2025 set."""
    return visible_units(user).filter(code_set=CodeSet.CURRENT, level__lte=Level.DISTRICT).order_by("path")
