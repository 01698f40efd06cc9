"""The allocation grid as a file: a template pre-filled with the children, uploaded back whole."""

from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from enrollment.imports.cells import choices_by_word, fold
from enrollment.imports.services import Importer, RowError, collect_row, register
from enrollment.imports.tabular import Column
from enrollment.plans.models.plans import AllocationRule, Metric
from enrollment.plans.selectors.plans import plan_in_force
from enrollment.plans.services.allocation import (
    allocation_save,
    can_allocate,
    parse_figure,
)
from enrollment.territory.models.units import Level
from enrollment.territory.services.imports import (
    check_unit,
    check_whole_number,
    unit_codes_known,
    units_by_code,
)

LEVELS = [Level.DISTRICT, Level.COMMUNE, Level.VILLAGE]


@register
class AllocationImporter(Importer):
    kind = "allocation"
    label = gettext_lazy("Plan allocation")
    partial_allowed = False
    columns = [
        Column("unit_code", gettext_lazy("Unit code"), help=gettext_lazy("Code of a unit below the allocating unit")),
        Column("unit_name", gettext_lazy("Unit name"), required=False, help=gettext_lazy("For reading only")),
        Column("year", gettext_lazy("Year")),
        Column("metric", gettext_lazy("Kind of plan"), help=gettext_lazy("A name from the list"),
               choices=tuple(Metric.choices)),
        Column("target", gettext_lazy("Target"),
               help=gettext_lazy("Whole people; for coverage a percent such as 2,5")),
    ]
    examples = [["822", "BHXH cơ sở huyện Chợ Gạo", "2026", "Người tham gia BHXH tự nguyện (cuối năm)", "1250"]]

    def prepare(self, rows, context):
        codes = [row.get("unit_code", "") for _line, row in rows]
        context.cache["units"] = units_by_code(context.user, codes, LEVELS)
        context.cache["known"] = unit_codes_known(codes, LEVELS)
        context.cache["first"] = None  # (line, parent, year, metric) of the first good row
        context.cache["plans"] = {}
        context.cache["seen_units"] = set()

    def _metric(self, row):
        """The metric by its code or its label in either language (the template offers the labels)."""
        text = row.get("metric", "").strip()
        if not text:
            raise RowError("metric", _("required"))
        value = self._metrics().get(fold(text))
        if value is None:
            raise RowError("metric", _("unknown metric “%(value)s”; use %(choices)s") % {
                "value": text, "choices": "; ".join(str(label) for label in Metric.labels)})
        return value

    def _metrics(self):
        if not hasattr(self, "_metric_words"):
            self._metric_words = choices_by_word(Metric.choices)
        return self._metric_words

    def _target(self, row):
        metric = self._metrics().get(fold(row.get("metric", "").strip()), Metric.SI_NEW)
        try:
            return parse_figure(row.get("target", ""), metric)
        except ValueError as exc:
            raise RowError("target", str(exc)) from None

    def _parent_plan(self, context, parent, year, metric):
        key = (parent.pk, year, metric)
        if key not in context.cache["plans"]:
            context.cache["plans"][key] = plan_in_force(parent, year, metric)
        return context.cache["plans"][key]

    def clean_row(self, row, context, line):
        unit = context.cache["units"].get(row.get("unit_code", ""))
        if unit is not None:
            context.cache["seen_units"].add(unit.pk)

        def not_a_duplicate():
            earlier = context.first_line_with(unit.pk, line) if unit is not None else None
            if earlier:
                raise RowError("unit_code", _("same unit as line %(line)s") % {"line": earlier})

        values = collect_row([
            ("duplicate", not_a_duplicate),
            ("unit", lambda: check_unit(row.get("unit_code", ""), "unit_code",
                                        context.cache["units"], context.cache["known"])),
            ("year", lambda: check_whole_number(row.get("year", ""), "year", 2000, 2100)),
            ("metric", lambda: self._metric(row)),
            ("target", lambda: self._target(row)),
        ])
        unit, year, metric = values["unit"], values["year"], values["metric"]
        parent = unit.parent
        first = context.cache["first"]
        if first is None:
            if not can_allocate(context.user, parent):
                raise RowError("unit_code", _("you cannot allocate the plan of %(unit)s") % {"unit": parent.name})
            if self._parent_plan(context, parent, year, metric) is None:
                raise RowError("year", _("%(unit)s has no approved %(metric)s plan for %(year)s") % {
                    "unit": parent.name, "metric": Metric(metric).label, "year": year})
            context.cache["first"] = (line, parent, year, metric)
        else:
            first_line, first_parent, first_year, first_metric = first
            if parent.pk != first_parent.pk:
                raise RowError("unit_code", _("%(unit)s is not under %(parent)s like line %(line)s") % {
                    "unit": unit.name, "parent": first_parent.name, "line": first_line})
            if year != first_year:
                raise RowError("year", _("a different year from line %(line)s") % {"line": first_line})
            if metric != first_metric:
                raise RowError("metric", _("a different metric from line %(line)s") % {"line": first_line})
        return values

    def check_file(self, cleaned_rows, context):
        first = context.cache.get("first")
        if first is None:
            return []
        parent = first[1]
        missing = [c for c in parent.children.order_by("code") if c.pk not in context.cache["seen_units"]]
        return [{"line": "", "column": "unit_code",
                 "message": _("missing row for %(code)s %(name)s") % {"code": c.code, "name": c.name}}
                for c in missing]

    def save(self, cleaned_rows, context):
        _line, parent, year, metric = context.cache["first"]
        allocation_save(user=context.user, unit=parent, year=year, metric=metric, rule=AllocationRule.UPLOAD,
                        targets={row["unit"].pk: row["target"] for row in cleaned_rows})
        return len(cleaned_rows), 0
