from django.db.models import Count

from enrollment.shared.reform import current_province_codes_of, legacy_paths_of
from enrollment.shared.scoping import legacy_scope_paths, scope_path, visible_units
from enrollment.territory.models.units import CodeSet, Level, Unit


def unit_children(unit):
    return unit.children.annotate(child_count=Count("children")).order_by("code")


def unit_ancestors(user, unit):
    """The units above `unit` that the user may open, from the top down (one query)."""
    codes = unit.path.strip("/").split("/")
    prefixes = ["/".join(codes[:i]) + "/" for i in range(2, len(codes))]
    allowed = [scope_path(user) or ""]
    if unit.code_set == CodeSet.LEGACY:
        allowed += legacy_scope_paths(user)
    return list(Unit.objects.filter(path__in=[p for p in prefixes if any(p.startswith(a) for a in allowed)])
                .order_by("level"))


def reform_counterparts(user, unit):
    """The units on the other side of the 2025 reform that the user may open: for a 2025 province, office
    area or commune, the former provinces or districts it took in; for a former province or district,
    the 2025 provinces or office area it went into."""
    if unit is None or unit.level > Level.COMMUNE:
        return []
    if unit.code_set == CodeSet.CURRENT:
        paths = legacy_paths_of(unit.level, unit.code)
        if unit.level == Level.COMMUNE:  # former wards have no figures of their own: their districts
            paths = {"/".join(p.split("/")[:3]) + "/" for p in paths}
        found = Unit.objects.filter(code_set=CodeSet.LEGACY, path__in=list(paths))
        return list(visible_units(user, legacy=True).filter(pk__in=found).order_by("name"))
    if unit.level == Level.PROVINCE:
        found = Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.PROVINCE,
                                    code__in=current_province_codes_of(unit.code))
    elif unit.level == Level.DISTRICT:
        found = Unit.objects.filter(code_set=CodeSet.CURRENT, level=Level.DISTRICT, code=unit.code)
    else:
        return []
    return list(visible_units(user).filter(pk__in=found).order_by("name"))


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
