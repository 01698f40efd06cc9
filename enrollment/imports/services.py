"""Checking and importing uploaded files, all-or-nothing by default.

An importer declares its columns, checks one row at a time (collecting every error with its
line and column) and saves the good rows in one transaction. The runner reports progress
on the ImportJob so that the page can show a progress bar while a worker does the work.
"""

from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import transaction
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from enrollment.imports.models import ImportJob, ImportStatus
from enrollment.imports.tabular import UnreadableFile, read_sheet
from enrollment.shared.dispatch import task_dispatch
from enrollment.shared.models.users import OFFICE_ROLES

PROGRESS_EVERY = 500
IMPORTERS = {}


class RowError(Exception):
    def __init__(self, column, message):
        super().__init__(message)
        self.column = column
        self.message = message


class RowErrors(Exception):
    """Several errors on one row: [(column, message), ...]."""

    def __init__(self, errors):
        super().__init__(errors)
        self.errors = errors


@dataclass
class Context:
    """What an importer knows while it checks rows: who imports, and rows seen so far."""

    job: ImportJob
    user: object
    seen: dict = field(default_factory=dict)
    cache: dict = field(default_factory=dict)

    def first_line_with(self, key, line):
        """Line of an earlier row with the same key, or None (and remember this one)."""
        earlier = self.seen.get(key)
        if earlier is None:
            self.seen[key] = line
        return earlier


class Importer:
    kind = ""
    label = ""
    roles = OFFICE_ROLES
    columns = []
    examples = []
    partial_allowed = True  # False where a file only makes sense whole (an allocation grid)

    def prepare(self, rows, context):
        """Load what checking needs in a few queries (units by code, existing records)."""

    def clean_row(self, row, context, line):
        """Return the cleaned row, or raise RowError / RowErrors (see `collect_row`)."""
        raise NotImplementedError

    def check_file(self, cleaned_rows, context):
        """Errors of the file as a whole (missing rows ...): [{"line", "column", "message"}]."""
        return []

    def save(self, cleaned_rows, context):
        """Save the rows; return (created, updated)."""
        raise NotImplementedError


def register(importer_class):
    IMPORTERS[importer_class.kind] = importer_class()
    return importer_class


def importer_for(kind):
    return IMPORTERS[kind]


def _progress(job, processed):
    ImportJob.objects.filter(pk=job.pk).update(processed_rows=processed)


def _finish(job, status, **fields):
    for name, value in fields.items():
        setattr(job, name, value)
    job.status = status
    job.finished_at = timezone.now()
    job.save()
    return job


def import_job_run(*, job_id):
    """Check every row, then save them all (or none). Safe to call twice: a finished job stays."""
    claimed = ImportJob.objects.filter(pk=job_id, status=ImportStatus.PENDING).update(status=ImportStatus.RUNNING)
    job = ImportJob.objects.select_related("user", "scope_unit").filter(pk=job_id).first()
    if not claimed:
        return job  # already run, running elsewhere, or deleted
    importer = importer_for(job.kind)
    with override(job.options.get("language", "vi")):
        try:
            sheet = read_sheet(job.filename, bytes(job.content), importer.columns)
        except UnreadableFile as exc:
            return _finish(job, ImportStatus.REJECTED, errors=[{"line": "", "column": "", "message": str(exc)}])
        job.total_rows = len(sheet.rows)
        ImportJob.objects.filter(pk=job.pk).update(total_rows=job.total_rows)
        context = Context(job=job, user=job.user)
        importer.prepare(sheet.rows, context)
        cleaned, errors = [], []
        for index, (line, row) in enumerate(sheet.rows, start=1):
            try:
                cleaned.append(importer.clean_row(row, context, line))
            except RowError as exc:
                errors.append({"line": line, "column": str(exc.column), "message": str(exc.message)})
            except RowErrors as exc:
                errors.extend({"line": line, "column": str(c), "message": str(m)} for c, m in exc.errors)
            if index % PROGRESS_EVERY == 0:
                _progress(job, index)
        if not sheet.rows:
            errors.append({"line": "", "column": "", "message": _("The file has a header but no rows.")})
        else:
            errors.extend(importer.check_file(cleaned, context))
        allow_partial = job.allow_partial and importer.partial_allowed
        if errors and not (allow_partial and cleaned):
            return _finish(job, ImportStatus.REJECTED, processed_rows=job.total_rows, errors=errors)
        if job.dry_run:
            return _finish(job, ImportStatus.DONE, processed_rows=job.total_rows, errors=errors,
                           message=_("Check only: %(count)s rows are valid; nothing was saved.") % {"count": len(cleaned)})
        with transaction.atomic():
            created, updated = importer.save(cleaned, context)
        return _finish(job, ImportStatus.DONE, processed_rows=job.total_rows, errors=errors,
                       created_rows=created, updated_rows=updated)


def collect_row(checks):
    """Run each (column, check) and gather every RowError of the row before giving up."""
    values, errors = {}, []
    for column, check in checks:
        try:
            values[column] = check()
        except RowError as exc:
            errors.append((exc.column, exc.message))
    if errors:
        raise RowErrors(errors)
    return values


def _job_start(**fields):
    job = ImportJob.objects.create(**fields)
    transaction.on_commit(lambda: task_dispatch("enrollment.tasks.run_import_job", job.pk))
    return job


def import_job_create(*, user, kind, uploaded_file, dry_run=False, allow_partial=False, scope_unit=None,
                      language="vi"):
    return _job_start(kind=kind, user=user, scope_unit=scope_unit, filename=uploaded_file.name,
                      content=uploaded_file.read(), dry_run=dry_run, allow_partial=allow_partial,
                      options={"language": language})


def can_import_now(job):
    """A check that found nothing wrong can be imported for real from the file already stored."""
    return job.dry_run and job.status == ImportStatus.DONE and not job.errors


def import_job_import_now(*, job, user):
    """Import the file of a clean check without uploading it again; asking twice starts one import."""
    if job.user_id != user.pk or not can_import_now(job):
        raise ValidationError(_("Only a check of your own that found no error can be imported now."))
    with transaction.atomic():
        ImportJob.objects.select_for_update().get(pk=job.pk)
        started = ImportJob.objects.filter(user=user, dry_run=False, options__from_check=job.pk).first()
        if started is not None:
            return started
        return _job_start(kind=job.kind, user=user, scope_unit=job.scope_unit, filename=job.filename,
                          content=bytes(job.content), dry_run=False, allow_partial=job.allow_partial,
                          options={**job.options, "from_check": job.pk})
