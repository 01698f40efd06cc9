"""File imports of villages and labour force."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment.imports.services import Importer, RowError, collect_row, register
from enrollment.imports.tabular import Column
from enrollment.shared.scoping import scope_queryset
from enrollment.territory.models.units import (
    CodeSet,
    LabourForce,
    Level,
    Unit,
    UnitType,
    fold,
)
from enrollment.territory.services.units import name_key, next_village_code

VILLAGE_TYPE_WORDS = {fold(word): value for value, word in [
    (UnitType.VILLAGE, "thôn"), (UnitType.HAMLET, "ấp"), (UnitType.RESIDENTIAL_GROUP, "tổ dân phố"),
    (UnitType.HIGHLAND_VILLAGE, "bản"), (UnitType.VILLAGE, "thon"), (UnitType.RESIDENTIAL_GROUP, "to_dan_pho"),
    (UnitType.HAMLET, "ap"), (UnitType.HIGHLAND_VILLAGE, "ban"),
]}


def units_by_code(user, codes, levels):
    """Units of the 2025 set the user may see, by code."""
    queryset = Unit.objects.filter(code_set=CodeSet.CURRENT, level__in=levels, code__in=set(codes))
    return {unit.code: unit for unit in scope_queryset(user, queryset, unit_field=None)}


def unit_codes_known(codes, levels):
    return set(
        Unit.objects.filter(code_set=CodeSet.CURRENT, level__in=levels, code__in=set(codes)).values_list("code", flat=True)
    )


def check_unit(code, column, visible, known):
    if not code:
        raise RowError(column, _("required"))
    if code in visible:
        return visible[code]
    if code in known:
        raise RowError(column, _("unit %(code)s is outside your area") % {"code": code})
    raise RowError(column, _("unknown unit code %(code)s") % {"code": code})


def check_whole_number(text, column, minimum=0, maximum=None):
    cleaned = text.replace(".", "").replace(",", "").replace(" ", "")
    if not text:
        raise RowError(column, _("required"))
    if not cleaned.lstrip("-").isdigit():
        raise RowError(column, _("“%(value)s” is not a whole number") % {"value": text})
    number = int(cleaned)
    if number < minimum:
        raise RowError(column, _("must be at least %(minimum)s") % {"minimum": minimum})
    if maximum is not None and number > maximum:
        raise RowError(column, _("must be at most %(maximum)s") % {"maximum": maximum})
    return number


@register
class VillageImporter(Importer):
    kind = "villages"
    label = gettext_lazy("Villages")
    columns = [
        Column("commune_code", gettext_lazy("Commune code"), help=gettext_lazy("5-digit code of the 2025 commune")),
        Column("name", gettext_lazy("Village name")),
        Column("village_type", gettext_lazy("Village type"), required=False,
               help=gettext_lazy("thôn, ấp, tổ dân phố or bản; thôn when empty"),
               choices=(("thon", "thôn"), ("ap", "ấp"), ("to_dan_pho", "tổ dân phố"), ("ban", "bản"))),
        Column("village_code", gettext_lazy("Village code"), required=False,
               help=gettext_lazy("Leave empty to number villages automatically")),
    ]
    examples = [["28594", "Ấp Bình Thạnh", "ấp", ""], ["28594", "Ấp Bình Thới", "ấp", ""]]

    def prepare(self, rows, context):
        codes = [row.get("commune_code", "") for _line, row in rows]
        context.cache["communes"] = units_by_code(context.user, codes, [Level.COMMUNE])
        context.cache["known"] = unit_codes_known(codes, [Level.COMMUNE])
        communes = context.cache["communes"].values()
        context.cache["existing"] = {
            (v.parent_id, name_key(v.name)): v for v in Unit.objects.filter(parent__in=communes, level=Level.VILLAGE)
        }

    def clean_row(self, row, context, line):
        def village_type():
            text = fold(row.get("village_type", "")).strip()
            if not text:
                return UnitType.VILLAGE
            if text not in VILLAGE_TYPE_WORDS:
                raise RowError("village_type", _("unknown village type “%(value)s”") % {"value": row["village_type"]})
            return VILLAGE_TYPE_WORDS[text]

        def name():
            value = " ".join(row.get("name", "").split())
            if not value:
                raise RowError("name", _("required"))
            return value

        values = collect_row([
            ("commune", lambda: check_unit(row.get("commune_code", ""), "commune_code",
                                           context.cache["communes"], context.cache["known"])),
            ("name", name),
            ("unit_type", village_type),
        ])
        earlier = context.first_line_with((values["commune"].pk, name_key(values["name"])), line)
        if earlier:
            raise RowError("name", _("same village as line %(line)s") % {"line": earlier})
        values["code"] = row.get("village_code", "")
        return values

    def save(self, cleaned_rows, context):
        created = updated = 0
        existing = context.cache["existing"]
        for values in cleaned_rows:
            commune = values["commune"]
            village = existing.get((commune.pk, name_key(values["name"])))
            if village is None:
                Unit.objects.create(
                    code_set=commune.code_set, level=Level.VILLAGE, parent=commune, name=values["name"],
                    unit_type=values["unit_type"], code=values["code"] or next_village_code(commune),
                )
                created += 1
            elif village.unit_type != values["unit_type"]:
                village.unit_type = values["unit_type"]
                village.save(update_fields=["unit_type"])
                updated += 1
        return created, updated


@register
class LabourForceImporter(Importer):
    kind = "labour_force"
    label = gettext_lazy("Labour force")
    columns = [
        Column("unit_code", gettext_lazy("Unit code"), help=gettext_lazy("Code of a 2025 province, district or commune")),
        Column("year", gettext_lazy("Year")),
        Column("labour_force", gettext_lazy("Working-age labour force")),
        Column("source", gettext_lazy("Source"), required=False),
    ]
    examples = [["82", "2026", "2350000", "Cục Thống kê"], ["28594", "2026", "9800", ""]]
    levels = [Level.PROVINCE, Level.DISTRICT, Level.COMMUNE]

    def prepare(self, rows, context):
        codes = [row.get("unit_code", "") for _line, row in rows]
        context.cache["units"] = units_by_code(context.user, codes, self.levels)
        context.cache["known"] = unit_codes_known(codes, self.levels)

    def clean_row(self, row, context, line):
        values = collect_row([
            ("unit", lambda: check_unit(row.get("unit_code", ""), "unit_code",
                                        context.cache["units"], context.cache["known"])),
            ("year", lambda: check_whole_number(row.get("year", ""), "year", 2000, 2100)),
            ("labour_force", lambda: check_whole_number(row.get("labour_force", ""), "labour_force")),
        ])
        earlier = context.first_line_with((values["unit"].pk, values["year"]), line)
        if earlier:
            raise RowError("unit_code", _("same unit and year as line %(line)s") % {"line": earlier})
        values["source"] = row.get("source", "")[:200]
        return values

    def save(self, cleaned_rows, context):
        existing = {
            (r.unit_id, r.year): r
            for r in LabourForce.objects.filter(unit__in=[v["unit"] for v in cleaned_rows])
        }
        to_create, to_update = [], []
        for values in cleaned_rows:
            record = existing.get((values["unit"].pk, values["year"]))
            if record is None:
                to_create.append(LabourForce(**values))
            elif (record.labour_force, record.source) != (values["labour_force"], values["source"]):
                record.labour_force, record.source = values["labour_force"], values["source"]
                to_update.append(record)
        LabourForce.objects.bulk_create(to_create)
        LabourForce.objects.bulk_update(to_update, ["labour_force", "source"])
        return len(to_create), len(to_update)
