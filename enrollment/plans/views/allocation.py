"""The allocation grid: a unit's plan split among all its children, by hand, by rule or by file."""


from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enrollment.imports.services import import_job_create
from enrollment.plans.forms import (
    AllocationMetaForm,
    AllocationRuleForm,
    AllocationUploadForm,
)
from enrollment.plans.models.plans import AllocationRule, Metric
from enrollment.plans.selectors.plans import allocation_grid
from enrollment.plans.services.allocation import (
    allocation_discard,
    allocation_save,
    can_allocate,
    can_approve_allocation,
    parse_figure,
    rule_targets,
    totals_for,
)
from enrollment.plans.services.allocation_imports import AllocationImporter
from enrollment.plans.services.versions import figure_text
from enrollment.plans.tables import AllocationExportTable
from enrollment.plans.views.plans import (
    digits_for,
    overview_url,
    selected_metric,
    selected_year,
)
from enrollment.shared.access import scoped_view
from enrollment.shared.export_records import export_record
from enrollment.shared.exporting import (
    EXPORT_FORMATS,
    export_response,
    spreadsheet_download,
)
from enrollment.shared.formats import percent_of
from enrollment.shared.scoping import get_unit_for_user
from enrollment.shared.submissions import already_saved, submitted_once
from enrollment.territory.selectors import unit_ancestors


def grid_url(unit, year, metric):
    return f"{reverse('allocation_grid', args=[unit.pk])}?year={year}&metric={metric}"


def _share(target, parent_target):
    return percent_of(target, parent_target)


def _export_rows(grid):
    parent_target = grid.parent_version.target if grid.parent_version else None
    return [{
        "code": row.unit.code, "name": row.unit.name, "labour_force": row.labour_force,
        "approved_target": row.approved_target, "target": row.target if grid.draft else None,
        "share": _share(row.target, parent_target) if not Metric.is_rate(grid.metric) else None,
    } for row in grid.rows]


def _render_grid(request, unit, year, metric, *, grid=None, typed=None, row_errors=None, meta_form=None,
                 rule_form=None, status=200):
    grid = grid or allocation_grid(unit, year, metric)
    typed = typed or {}
    row_errors = row_errors or {}
    digits = digits_for(metric)
    rows = []
    for index, row in enumerate(grid.rows, start=1):
        if row.unit.pk in typed:
            value = typed[row.unit.pk]
        elif row.target is not None:
            value = figure_text(row.target, metric).replace(".", "") if not Metric.is_rate(metric) \
                else figure_text(row.target, metric)
        else:
            value = ""
        rows.append({"index": index, "row": row, "value": value, "error": row_errors.get(row.unit.pk)})
    parent_target = grid.parent_version.target if grid.parent_version else None
    totals = totals_for(parent_target, [r.target for r in grid.rows if r.target is not None], metric,
                        [r.labour_force or 0 for r in grid.rows if r.target is not None])
    current = grid.current
    return render(request, "enrollment/plans/allocation.html", {
        "unit": unit, "year": year, "metric": metric, "metric_label": Metric(metric).label, "grid": grid,
        "rows": rows, "totals": totals, "digits": digits, "is_rate": Metric.is_rate(metric),
        "meta_form": meta_form or AllocationMetaForm(initial={
            "document_number": current.document_number if grid.draft else "",
            "document_date": current.document_date if grid.draft else None,
            "note": current.note if grid.draft else "",
        }),
        "rule_form": rule_form or AllocationRuleForm(),
        "upload_form": AllocationUploadForm(),
        "can_allocate": can_allocate(request.user, unit),
        "can_approve": can_approve_allocation(request.user, unit),
        "ancestors": unit_ancestors(request.user, unit) + [unit],
        "overview_url": overview_url(unit, year, metric),
        "metrics": Metric.choices, "export_formats": EXPORT_FORMATS,
    }, status=status)


@scoped_view
def allocation_grid_view(request, pk):
    unit = get_unit_for_user(request.user, pk)
    year, metric = selected_year(request), selected_metric(request)
    if request.method == "GET":
        grid = allocation_grid(unit, year, metric)
        exported = export_response(request, {"grid": AllocationExportTable(_export_rows(grid))},
                                   f"allocation-{unit.code}-{year}-{metric}")
        if exported:
            return exported
        return _render_grid(request, unit, year, metric, grid=grid)
    if not can_allocate(request.user, unit):
        raise PermissionDenied
    action = request.POST.get("action", "save")
    if action == "rule":
        return _apply_rule(request, unit, year, metric)
    if action == "approve":
        return _approve(request, unit, year, metric)
    if action == "discard":
        return _discard(request, unit, year, metric)
    return _save_typed(request, unit, year, metric)


def _save_typed(request, unit, year, metric):
    grid = allocation_grid(unit, year, metric)
    meta_form = AllocationMetaForm(request.POST)
    typed, row_errors, targets, problems = {}, {}, {}, []
    column = _("Target")
    for index, row in enumerate(grid.rows, start=1):
        text = request.POST.get(f"target_{row.unit.pk}")
        typed[row.unit.pk] = text or ""
        try:
            if text is None:
                raise ValueError(_("missing from the form"))
            targets[row.unit.pk] = parse_figure(text, metric)
        except ValueError as exc:
            message = _("Row %(row)s (%(code)s %(name)s), column %(column)s: %(problem)s") % {
                "row": index, "code": row.unit.code, "name": row.unit.name, "column": column, "problem": exc}
            row_errors[row.unit.pk] = str(exc)
            problems.append(message)
    if not meta_form.is_valid():
        problems.extend(f"{meta_form.fields[f].label}: {' '.join(e)}" for f, e in meta_form.errors.items())
    if not problems:
        try:
            allocation_save(user=request.user, unit=unit, year=year, metric=metric, targets=targets,
                            rule=AllocationRule.MANUAL, **meta_form.cleaned_data)
        except ValidationError as exc:
            problems.extend(exc.messages)
        else:
            messages.success(request, _("The allocation was saved as a draft."))
            return redirect(grid_url(unit, year, metric))
    for problem in problems:
        messages.error(request, problem)
    messages.error(request, _("Nothing was saved."))
    return _render_grid(request, unit, year, metric, grid=grid, typed=typed, row_errors=row_errors,
                        meta_form=meta_form, status=400)


def _apply_rule(request, unit, year, metric):
    grid = allocation_grid(unit, year, metric)
    rule_form = AllocationRuleForm(request.POST)
    if not rule_form.is_valid():
        messages.error(request, _("Choose a rule."))
        return _render_grid(request, unit, year, metric, grid=grid, rule_form=rule_form, status=400)
    rule = rule_form.cleaned_data["rule"]
    try:
        if grid.parent_version is None:
            raise ValidationError(_("%(unit)s has no approved %(metric)s plan for %(year)s to allocate.") % {
                "unit": unit.name, "metric": Metric(metric).label, "year": year})
        targets = rule_targets(children=[r.unit for r in grid.rows], year=year, metric=metric, rule=rule,
                               total=grid.parent_version.target)
        current = grid.draft
        allocation_save(user=request.user, unit=unit, year=year, metric=metric, targets=targets, rule=rule,
                        document_number=current.document_number if current else "",
                        document_date=current.document_date if current else None,
                        note=current.note if current else "")
    except ValidationError as exc:
        for message in exc.messages:
            messages.error(request, message)
        messages.error(request, _("Nothing was saved."))
        return _render_grid(request, unit, year, metric, grid=grid, rule_form=rule_form, status=400)
    messages.success(request, _("The grid was filled %(rule)s and saved as a draft.") % {
        "rule": AllocationRule(rule).label.lower()})
    return redirect(grid_url(unit, year, metric))


def _approve(request, unit, year, metric):
    """Approval happens on the confirmation page, never in one click from the grid."""
    if not can_approve_allocation(request.user, unit):
        raise PermissionDenied
    grid = allocation_grid(unit, year, metric)
    if grid.draft is None:
        messages.error(request, _("There is no draft allocation to approve."))
        return redirect(grid_url(unit, year, metric))
    return redirect("allocation_approve", pk=grid.draft.pk)


def _discard(request, unit, year, metric):
    grid = allocation_grid(unit, year, metric)
    if grid.draft is not None:
        allocation_discard(user=request.user, allocation=grid.draft)
        messages.success(request, _("The draft allocation was discarded."))
    return redirect(grid_url(unit, year, metric))


@scoped_view
def allocation_template(request, pk, file_format):
    """The grid as a file to fill in: every child's code and name, the year, the metric, current figures."""
    unit = get_unit_for_user(request.user, pk)
    year, metric = selected_year(request), selected_metric(request)
    grid = allocation_grid(unit, year, metric)
    header = [str(column.label) for column in AllocationImporter.columns]
    rows = []
    for row in grid.rows:
        target = "" if row.target is None else (
            float(row.target) if Metric.is_rate(metric) else int(row.target))
        rows.append([row.unit.code, row.unit.name, year, str(Metric(metric).label), target])
    filename = f"phan-bo-{unit.code}-{year}-{metric}.{file_format}"
    response = spreadsheet_download(header, rows, filename, file_format, sheet_title=str(year),
                                    column_widths={"B": 40, "D": 18})
    # Pre-filled with the plan's figures: recorded like the table exports.
    export_record(user=request.user, path=request.get_full_path(), filename=filename, rows=len(rows))
    return response


@require_POST
@scoped_view
def allocation_upload(request, pk):
    unit = get_unit_for_user(request.user, pk)
    year, metric = selected_year(request), selected_metric(request)
    if not can_allocate(request.user, unit):
        raise PermissionDenied
    form = AllocationUploadForm(request.POST, request.FILES)
    if not form.is_valid():
        for errors in form.errors.values():
            for error in errors:
                messages.error(request, error)
        return redirect(grid_url(unit, year, metric))

    def save():
        job = import_job_create(user=request.user, kind=AllocationImporter.kind,
                                uploaded_file=form.cleaned_data["file"], scope_unit=request.user.scope_unit,
                                language=get_language())
        job.options = {**job.options, "return_url": grid_url(unit, year, metric)}
        job.save(update_fields=["options"])
        return reverse("import_detail", args=[job.pk])

    url, first = submitted_once(request, "allocation_upload", save)
    if not first:
        return already_saved(request, url, fallback="import_list")
    return redirect(url)
