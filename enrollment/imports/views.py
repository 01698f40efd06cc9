from django.contrib import messages
from django.core.exceptions import PermissionDenied, ValidationError
from django.http import Http404, HttpResponse, JsonResponse
from django.shortcuts import get_object_or_404, redirect, render
from django.urls import reverse
from django.utils.translation import get_language
from django.utils.translation import gettext as _
from django.views.decorators.http import require_POST

from enrollment.imports.forms import UploadForm
from enrollment.imports.models import ImportJob
from enrollment.imports.services import (
    IMPORTERS,
    can_import_now,
    import_job_create,
    import_job_import_now,
    import_job_retry,
)
from enrollment.imports.tables import ImportJobTable
from enrollment.imports.tabular import template_rows
from enrollment.imports.workbook import template_workbook
from enrollment.shared.access import scoped_view
from enrollment.shared.exporting import XLSX_CONTENT_TYPE, render_table, spreadsheet_download
from enrollment.shared.submissions import already_saved, submitted_once


def _importer_for_user(user, kind):
    importer = IMPORTERS.get(kind)
    if importer is None:
        raise Http404
    if user.role not in importer.roles:
        raise PermissionDenied
    return importer


def _get_job_for_user(user, pk):
    """An import belongs to whoever uploaded it."""
    return get_object_or_404(ImportJob, pk=pk, user=user)


@scoped_view
def import_list(request):
    jobs = ImportJob.objects.filter(user=request.user).defer("content")
    kinds = [importer for importer in IMPORTERS.values() if request.user.role in importer.roles]
    return render_table(request, ImportJobTable(jobs), "enrollment/import_list.html", {"kinds": kinds},
                        filename="imports")


@scoped_view
def import_new(request, kind):
    importer = _importer_for_user(request.user, kind)
    form = UploadForm(request.POST or None, request.FILES or None)
    if request.method == "POST" and form.is_valid():
        def save():
            job = import_job_create(
                user=request.user, kind=kind, uploaded_file=form.cleaned_data["file"],
                dry_run=form.cleaned_data["dry_run"], allow_partial=form.cleaned_data["allow_partial"],
                scope_unit=request.user.scope_unit, language=get_language(),
            )
            return reverse("import_detail", args=[job.pk])

        url, first = submitted_once(request, f"import:{kind}", save)
        if not first:
            return already_saved(request, url, fallback="import_list")
        return redirect(url)
    return render(request, "enrollment/import_new.html", {"form": form, "importer": importer})


@scoped_view
def import_detail(request, pk):
    job = _get_job_for_user(request.user, pk)
    importer = IMPORTERS.get(job.kind)
    errors = [{**error, "column": importer.column_label(error.get("column")) if importer else error.get("column")}
              for error in job.errors or []]
    return render(request, "enrollment/import_detail.html", {"job": job, "importer": importer, "errors": errors,
                                                             "can_import_now": can_import_now(job)})


@require_POST
@scoped_view
def import_now(request, pk):
    job = _get_job_for_user(request.user, pk)
    try:
        started = import_job_import_now(job=job, user=request.user)
    except ValidationError as error:
        messages.error(request, " ".join(error.messages))
        return redirect("import_detail", pk=job.pk)
    return redirect("import_detail", pk=started.pk)


@scoped_view
def import_status(request, pk):
    job = _get_job_for_user(request.user, pk)
    return JsonResponse({
        "status": job.status, "status_label": job.get_status_display(), "percent": job.percent,
        "processed": job.processed_rows, "total": job.total_rows, "finished": job.is_finished,
        "message": job.message,
    })


@require_POST
@scoped_view
def import_retry(request, pk):
    """A failed import queued again as it was uploaded (the file is kept with the job)."""
    job = _get_job_for_user(request.user, pk)
    if import_job_retry(job=job):
        messages.success(request, _("The import is queued again."))
    else:
        messages.info(request, _("Only a failed import can be tried again."))
    return redirect("import_detail", pk=job.pk)


@scoped_view
def import_template(request, kind, file_format):
    importer = _importer_for_user(request.user, kind)
    if file_format == "xlsx":
        response = HttpResponse(template_workbook(importer), content_type=XLSX_CONTENT_TYPE)
        response["Content-Disposition"] = f'attachment; filename="mau-{kind}.xlsx"'
        return response
    header, rows = template_rows(importer.columns)
    return spreadsheet_download(header, rows, f"mau-{kind}.{file_format}", file_format)
