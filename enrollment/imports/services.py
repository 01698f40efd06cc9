"""Checking and importing uploaded files, all-or-nothing by default.

An importer declares its columns, checks one row at a time (collecting every error with its
line and column) and saves the good rows in one transaction. The runner reports progress
on the ImportJob so that the page can show a progress bar while a worker does the work.
"""

import hashlib
import logging
from dataclasses import dataclass, field

from django.core.exceptions import ValidationError
from django.db import DatabaseError, IntegrityError, transaction
from django.db.models import F, Q
from django.utils import formats, timezone
from django.utils.translation import gettext as _
from django.utils.translation import override

from enrollment.imports.models import ImportJob, ImportStatus
from enrollment.imports.tabular import Budget, UnreadableFile, read_sheet, upload_check
from enrollment.shared.dispatch import task_dispatch
from enrollment.shared.heartbeat import Heartbeat, overdue_before, stale_before
from enrollment.shared.models.users import OFFICE_ROLES

log = logging.getLogger(__name__)

PROGRESS_EVERY = 500
UNIQUE_VIOLATION = "23505"  # PostgreSQL's code for a duplicate key
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

    def column_label(self, name):
        """What a person reads for a column named in an error: its heading ("personal_id" → "Số định danh")."""
        return next((column.label for column in self.columns if column.name == name), name)

    def prepare(self, rows, context):
        """Load what checking needs in a few queries (units by code, existing records)."""

    def clean_row(self, row, context, line):
        """Return the cleaned row, or raise RowError / RowErrors (see `collect_row`)."""
        raise NotImplementedError

    def check_in_bulk(self, sheet, context, progress):
        """Check the whole sheet at once instead of row by row (set-based, in the database), or None to
        check it row by row. Returns (rows, errors): `rows` stands for the good rows (its len() is their
        number) and is handed to `save`; `progress(rows_done)` reports and keeps to the time budget."""
        return None

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
    ImportJob.objects.filter(pk=job.pk).update(processed_rows=processed, heartbeat_at=timezone.now())


def _finish(job, status, **fields):
    for name, value in fields.items():
        setattr(job, name, value)
    job.status = status
    job.finished_at = timezone.now()
    # Not the file itself: writing its megabytes back would cost as much as a tenth of the import.
    job.save(update_fields=[*fields, "status", "finished_at"])
    return job


def _rejected(job, problem):
    return _finish(job, ImportStatus.REJECTED, errors=[{"line": "", "column": "", "message": str(problem)}])


def uploaded_file_check(uploaded):
    """The upload forms' check (kind, size, unpacked size): a ValidationError with the reason in the user's
    language, before the file is stored or queued."""
    try:
        upload_check(uploaded.name, uploaded.size, uploaded)
    except UnreadableFile as problem:
        raise ValidationError(str(problem)) from None
    return uploaded


def import_job_run(*, job_id):
    """Check every row, then save them all (or none). Safe to call twice: a finished job stays, and a
    job claimed by a live worker is left to it. Whatever is raised, the job ends done, rejected or
    failed with a message its user can read."""
    now = timezone.now()
    claimed = ImportJob.objects.filter(
        Q(status=ImportStatus.PENDING) | Q(status=ImportStatus.RUNNING, heartbeat_at__lt=stale_before(now)),
        pk=job_id,
    ).update(status=ImportStatus.RUNNING, started_at=now, heartbeat_at=now, attempts=F("attempts") + 1, due_at=None)
    job = ImportJob.objects.select_related("user", "scope_unit").filter(pk=job_id).first()
    if not claimed:
        return job  # already run, running elsewhere, or deleted
    with override(job.options.get("language", "vi")):
        budget = Budget()
        try:
            return _run(job, importer_for(job.kind), budget)
        except Exception as exc:  # noqa: BLE001 - whatever an importer raises, the job must end
            log.exception("import %s failed", job.pk)
            return _fail(job, _failure_message(job, exc))


def _failure_message(job, exc):
    # Bulk inserts go through the driver's COPY, whose errors Django has not wrapped: read the SQLSTATE.
    code = getattr(exc, "pgcode", None) or getattr(exc.__cause__, "pgcode", None)
    if code == UNIQUE_VIOLATION or (isinstance(exc, IntegrityError) and "UNIQUE" in str(exc)):
        return _same_rows_saved_meanwhile(job)
    if code or isinstance(exc, DatabaseError):
        return _("The database refused the save (%(error)s); nothing from this file was saved. "
                 "Try again from this page.") % {"error": type(exc.__cause__ or exc).__name__}
    return _("The import stopped on an unexpected error (%(error)s); nothing from this file "
             "was saved. Try again from this page.") % {"error": type(exc).__name__}


def _fail(job, message):
    job.refresh_from_db(fields=["total_rows", "processed_rows"])
    return _finish(job, ImportStatus.FAILED, message=message, created_rows=0, updated_rows=0)


def _same_rows_saved_meanwhile(job):
    """The plain answer to a save beaten by another: usually the same file imported twice at once."""
    # The other may not be marked done yet: its rows committed a moment before its status.
    twin = (ImportJob.objects.filter(kind=job.kind, content_sha256=job.content_sha256, dry_run=False,
                                     status__in=(ImportStatus.DONE, ImportStatus.RUNNING))
            .exclude(pk=job.pk).order_by("pk").first() if job.content_sha256 else None)
    if twin is not None:
        return _("The same file was imported at the same time (import no. %(number)s, uploaded %(time)s) and its "
                 "rows were saved there; nothing was saved twice from this upload.") % {
            "number": twin.pk, "time": formats.date_format(timezone.localtime(twin.created_at), "d/m/Y H:i")}
    return _("Some of these rows were saved by another import at the same moment; nothing from this file was "
             "saved. Try again from this page: rows already saved are not created twice.")


def _run(job, importer, budget):
    try:
        sheet = read_sheet(job.filename, bytes(job.content), importer.columns, budget)
    except UnreadableFile as exc:
        return _rejected(job, exc)
    job.total_rows = len(sheet)
    ImportJob.objects.filter(pk=job.pk).update(total_rows=job.total_rows)
    context = Context(job=job, user=job.user)
    cleaned = None
    try:
        in_bulk = importer.check_in_bulk(sheet, context, _reporter(job, budget)) if len(sheet) else None
        if in_bulk is not None:
            cleaned, errors = in_bulk
        else:
            cleaned, errors = _check_rows(job, importer, sheet, context, budget)
        return _save_checked(job, importer, sheet, context, cleaned, errors)
    except UnreadableFile as exc:
        return _rejected(job, exc)
    finally:
        getattr(cleaned, "close", lambda: None)()  # rows held in the database until saved


def _reporter(job, budget):
    def progress(done):
        _progress(job, done)
        budget.check_time()

    return progress


def _check_rows(job, importer, sheet, context, budget):
    """Row by row: every cell and rule of a row checked in Python."""
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
            budget.check_time()
    return cleaned, errors


def _save_checked(job, importer, sheet, context, cleaned, errors):
    if not len(sheet):
        errors.append({"line": "", "column": "", "message": _("The file has a header but no rows.")})
    else:
        errors.extend(importer.check_file(cleaned, context))
    allow_partial = job.allow_partial and importer.partial_allowed
    if errors and not (allow_partial and cleaned):
        return _finish(job, ImportStatus.REJECTED, processed_rows=job.total_rows, errors=errors)
    if job.dry_run:
        return _finish(job, ImportStatus.DONE, processed_rows=job.total_rows, errors=errors,
                       message=_("Check only: %(count)s rows are valid; nothing was saved.") % {"count": len(cleaned)})
    with Heartbeat(ImportJob, job.pk), transaction.atomic():
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


def _job_start(*, content, **fields):
    job = ImportJob.objects.create(content=content, content_sha256=hashlib.sha256(content).hexdigest(),
                                   due_at=timezone.now(), **fields)
    transaction.on_commit(lambda: _dispatch(job))
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


def _dispatch(job):
    task_dispatch("enrollment.tasks.run_import_job", job.pk)


def import_job_retry(*, job):
    """A failed import queued again from its page, as it was uploaded."""
    retried = ImportJob.objects.filter(pk=job.pk, status=ImportStatus.FAILED).update(
        status=ImportStatus.PENDING, processed_rows=0, created_rows=0, updated_rows=0, errors=[], message="",
        finished_at=None, due_at=timezone.now())
    if retried:
        transaction.on_commit(lambda: _dispatch(job))
    return bool(retried)


def import_jobs_sweep(now=None):
    """Fail the imports whose worker died (their save rolled back with its connection) and queue again
    those whose task was lost."""
    now = now or timezone.now()
    lost = ImportJob.objects.filter(status=ImportStatus.RUNNING, heartbeat_at__lt=stale_before(now)).defer("content")
    failed = 0
    for job in lost:
        since = formats.date_format(timezone.localtime(job.heartbeat_at), "d/m/Y H:i")
        with override(job.options.get("language", "vi")):
            message = _("The worker running this import stopped (no sign of life since %(time)s); nothing from "
                        "this file was saved. Try again from this page.") % {"time": since}
        failed += ImportJob.objects.filter(pk=job.pk, status=ImportStatus.RUNNING, heartbeat_at=job.heartbeat_at).update(
            status=ImportStatus.FAILED, message=message, finished_at=now, created_rows=0, updated_rows=0)
    queued = 0
    for job in ImportJob.objects.filter(status=ImportStatus.PENDING, due_at__lt=overdue_before(now)).only("pk"):
        ImportJob.objects.filter(pk=job.pk, status=ImportStatus.PENDING).update(due_at=now)
        _dispatch(job)
        queued += 1
    return {"failed": failed, "queued_again": queued}
