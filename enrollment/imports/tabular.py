"""Reading uploaded CSV and XLSX files into rows that remember their line numbers."""

import csv
import io
import time
import zipfile
from dataclasses import dataclass
from functools import cached_property
from operator import itemgetter

from django.conf import settings
from django.utils.translation import gettext as _
from django.utils.translation import override
from openpyxl import load_workbook
from python_calamine import CalamineWorkbook

from enrollment.shared.formats import number
from enrollment.territory.models.units import fold

CSV_SUFFIXES = (".csv", ".txt")
XLSX_SUFFIXES = (".xlsx", ".xlsm")
MB = 1024 * 1024
CHECK_TIME_EVERY = 500  # rows


class UnreadableFile(Exception):
    pass


def upload_check(name, size, stream):
    """Refuse a file before any worker spends time on it: its kind, its size, and for an XLSX (a zip) the size
    its parts unpack to, read from the zip's directory without unpacking anything."""
    if not name.lower().endswith(CSV_SUFFIXES + XLSX_SUFFIXES):
        raise UnreadableFile(_("Upload a .csv or .xlsx file."))
    if size > settings.IMPORT_MAX_UPLOAD_MB * MB:
        raise UnreadableFile(_("The file is %(size)s MB; files up to %(limit)s MB are accepted. Split it into "
                               "several files.") % {"size": number(size / MB, 1),
                                                    "limit": number(settings.IMPORT_MAX_UPLOAD_MB)})
    if name.lower().endswith(XLSX_SUFFIXES):
        try:
            with zipfile.ZipFile(stream) as archive:
                unpacked = sum(member.file_size for member in archive.infolist())
        except (zipfile.BadZipFile, OSError, ValueError):
            raise UnreadableFile(_("The Excel file cannot be opened: it is not an .xlsx file.")) from None
        finally:
            stream.seek(0)
        if unpacked > settings.IMPORT_MAX_XLSX_UNPACKED_MB * MB:
            raise UnreadableFile(_("This Excel file unpacks to %(size)s MB, more than the %(limit)s MB accepted. Save "
                                   "it as CSV, or split it into several files.")
                                 % {"size": number(unpacked / MB, 1), "limit": number(settings.IMPORT_MAX_XLSX_UNPACKED_MB)})


class Budget:
    """The rows and the time one import may take in the worker (settings IMPORT_MAX_ROWS, IMPORT_MAX_SECONDS)."""

    def __init__(self):
        self.deadline = time.monotonic() + settings.IMPORT_MAX_SECONDS
        self.max_rows = settings.IMPORT_MAX_ROWS

    def check_rows(self, count):
        if count > self.max_rows + 1:  # the header is not a row
            raise UnreadableFile(_("The file has more than %(limit)s rows: split it into several files.")
                                 % {"limit": number(self.max_rows)})
        if count % CHECK_TIME_EVERY == 0:
            self.check_time()

    def check_time(self):
        if time.monotonic() > self.deadline:
            raise UnreadableFile(_("Reading and checking the file took longer than %(seconds)s seconds: nothing was "
                                   "saved. Split it into smaller files.") % {"seconds": number(settings.IMPORT_MAX_SECONDS)})


def _cell_checked(text, line, limit):
    if len(text) > limit:
        raise UnreadableFile(_("Line %(line)s: a cell holds more than %(limit)s characters.")
                             % {"line": line, "limit": number(limit)})
    return text


@dataclass
class Column:
    name: str
    label: str
    required: bool = True
    help: str = ""
    example: str = ""
    choices: tuple = ()  # (code, label) of a coded column: a drop-down list in the template

    def matches(self, header):
        """The code name (older templates), or the label in Vietnamese or English, any case or accents."""
        key = fold(str(header or "")).strip().strip("*").strip().replace(" ", "_")
        return key == self.name or key in self.label_keys()

    def label_keys(self):
        keys = {fold(str(self.label)).replace(" ", "_")}
        for language in ("vi", "en"):
            with override(language):
                keys.add(fold(str(self.label)).replace(" ", "_"))
        return keys


@dataclass
class Sheet:
    """The rows under the header, each as long as the widest column read (a short line ends with empty cells)."""

    headers: list
    records: list  # (line number, [cell text, …])
    positions: dict  # column name → index of its cells in a record

    def __len__(self):
        return len(self.records)

    @cached_property
    def rows(self):
        """(line number, {column name: text}) per row: what the row-by-row path reads."""
        return [(line, {name: values[i] for name, i in self.positions.items()}) for line, values in self.records]

    def lines(self):
        return [line for line, _values in self.records]

    def column(self, name):
        """The texts of one column, top to bottom; empty where the file has no such column."""
        if name not in self.positions:
            return [""] * len(self.records)
        return list(map(itemgetter(self.positions[name]), self._values))

    @cached_property
    def _values(self):
        return [values for _line, values in self.records]


def _decode(content):
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(_("The file is neither UTF-8 nor Windows-1258 text."))


def _csv_records(content, budget):
    text = _decode(content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    limit, max_columns = settings.IMPORT_MAX_CELL_CHARS, settings.IMPORT_MAX_COLUMNS
    csv.field_size_limit(limit)  # the reader stops at an over-long cell instead of holding it whole
    reader = csv.reader(io.StringIO(text), dialect)
    records = []
    try:
        for record in reader:
            cells = [cell.strip() for cell in record[:max_columns]]
            if any(cells):
                records.append((reader.line_num, cells))
                budget.check_rows(len(records))
    except csv.Error:
        raise UnreadableFile(_("Line %(line)s: a cell holds more than %(limit)s characters.")
                             % {"line": reader.line_num, "limit": number(limit)}) from None
    return records


def _xlsx_records(content, budget):
    limit, max_columns = settings.IMPORT_MAX_CELL_CHARS, settings.IMPORT_MAX_COLUMNS
    records = []
    try:
        rows = _openpyxl_rows if _holds_error_cells(content) else _calamine_rows
        for line, values in rows(content, max_columns):
            cells = ["" if v is None else _cell_checked(_cell_text(v), line, limit) for v in values]
            if any(cells):
                records.append((line, cells))
                budget.check_rows(len(records))
    except UnreadableFile:
        raise
    except Exception as exc:  # both readers raise many kinds for a damaged file or sheet
        raise UnreadableFile(_("The Excel file cannot be opened: %(error)s") % {"error": exc}) from exc
    return records


# python-calamine (Rust) reads a sheet some 17 times faster than openpyxl, but reads an error cell (#N/A,
# #REF! …) as an empty one, which an optional column would then take for "not given": a workbook holding
# one is read by openpyxl, so that the row is reported with the error Excel shows.
ERROR_CELL = b't="e"'


def _holds_error_cells(content):
    with zipfile.ZipFile(io.BytesIO(content)) as archive:
        return any(ERROR_CELL in archive.read(member) for member in archive.namelist()
                   if member.startswith("xl/worksheets/") and member.endswith(".xml"))


def _calamine_rows(content, max_columns):
    with CalamineWorkbook.from_filelike(io.BytesIO(content)) as workbook:
        rows = workbook.get_sheet_by_index(0).to_python(skip_empty_area=False)  # row 1 of the sheet first
    return ((line, values[:max_columns]) for line, values in enumerate(rows, start=1))


def _openpyxl_rows(content, max_columns):
    workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    try:
        yield from enumerate(workbook.worksheets[0].iter_rows(values_only=True, max_col=max_columns), start=1)
    finally:
        workbook.close()


def _cell_text(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def read_sheet(filename, content, columns, budget=None):
    """Parse the file within its budget; map its header onto `columns` (by code name or label, any case or
    accents)."""
    budget = budget or Budget()
    upload_check(filename, len(content), io.BytesIO(content))
    if filename.lower().endswith(XLSX_SUFFIXES):
        records = _xlsx_records(content, budget)
    else:
        records = _csv_records(content, budget)
    budget.check_time()
    if not records:
        raise UnreadableFile(_("The file is empty."))
    header_line, header = records[0]
    positions = {}
    for column in columns:
        for index, title in enumerate(header):
            if column.matches(title):
                positions[column.name] = index
                break
    missing = [str(c.label) for c in columns if c.required and c.name not in positions]
    if missing:
        raise UnreadableFile(
            _("Line %(line)s: missing columns: %(columns)s.") % {"line": header_line, "columns": ", ".join(missing)}
        )
    width = max(positions.values(), default=-1) + 1
    body = [(line, values if len(values) >= width else values + [""] * (width - len(values)))
            for line, values in records[1:]]
    return Sheet(headers=header, records=body, positions=positions)


def template_rows(columns):
    """The header of a downloadable template: each column's label in the user's language, no sample rows
    (a sample left in would be imported)."""
    return [str(c.label) for c in columns], []
