"""Reading uploaded CSV and XLSX files into rows that remember their line numbers."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from openpyxl import load_workbook

from enrollment.territory.models.units import fold


class UnreadableFile(Exception):
    pass


@dataclass
class Column:
    name: str
    label: str
    required: bool = True
    help: str = ""
    example: str = ""

    def matches(self, header):
        key = fold(str(header or "")).strip().replace(" ", "_")
        return key in (self.name, fold(str(self.label)).replace(" ", "_"))


@dataclass
class Sheet:
    headers: list
    rows: list  # (line number, {column name: text})


def _decode(content):
    for encoding in ("utf-8-sig", "cp1258"):
        try:
            return content.decode(encoding)
        except UnicodeDecodeError:
            continue
    raise UnreadableFile(_("The file is neither UTF-8 nor Windows-1258 text."))


def _csv_records(content):
    text = _decode(content)
    try:
        dialect = csv.Sniffer().sniff(text[:4096], delimiters=",;\t")
    except csv.Error:
        dialect = csv.excel
    reader = csv.reader(io.StringIO(text), dialect)
    records = []
    try:
        for record in reader:
            records.append((reader.line_num, record))
    except csv.Error as exc:
        # A cell longer than the csv module's field limit, or a quote left open to the end of the file.
        raise UnreadableFile(_("Line %(line)s cannot be read: a cell is too long (over %(limit)s characters) or a "
                               "quote is not closed (%(error)s).")
                             % {"line": reader.line_num, "limit": f"{csv.field_size_limit():,}".replace(",", "."),
                                "error": exc}) from exc
    return records


def _xlsx_records(content):
    try:
        workbook = load_workbook(io.BytesIO(content), read_only=True, data_only=True)
    except Exception as exc:  # openpyxl raises many kinds for a damaged file
        raise UnreadableFile(_("The Excel file cannot be opened: %(error)s") % {"error": exc}) from exc
    sheet = workbook.worksheets[0]
    records = []
    for number, values in enumerate(sheet.iter_rows(values_only=True), start=1):
        records.append((number, ["" if v is None else _cell_text(v) for v in values]))
    workbook.close()
    return records


def _cell_text(value):
    if isinstance(value, float) and value.is_integer():
        return str(int(value))
    if hasattr(value, "strftime"):
        return value.strftime("%d/%m/%Y")
    return str(value).strip()


def read_sheet(filename, content, columns):
    """Parse the file; map its header onto `columns` (by code name or label, any case or accents)."""
    if filename.lower().endswith((".xlsx", ".xlsm")):
        records = _xlsx_records(content)
    elif filename.lower().endswith((".csv", ".txt")):
        records = _csv_records(content)
    else:
        raise UnreadableFile(_("Upload a .csv or .xlsx file."))
    records = [(line, [str(v).strip() for v in values]) for line, values in records]
    records = [(line, values) for line, values in records if any(values)]
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
    rows = []
    for line, values in records[1:]:
        rows.append(
            (line, {name: (values[i] if i < len(values) else "") for name, i in positions.items()})
        )
    return Sheet(headers=header, rows=rows)


def template_rows(columns, examples=()):
    """Header and example rows for a downloadable template."""
    header = [c.name for c in columns]
    return header, [list(example) for example in examples]
