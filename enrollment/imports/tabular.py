"""Reading uploaded CSV and XLSX files into rows that remember their line numbers."""

import csv
import io
from dataclasses import dataclass

from django.utils.translation import gettext as _
from django.utils.translation import override
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
    return [(reader.line_num, record) for record in reader]


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


def template_rows(columns):
    """The header of a downloadable template: each column's label in the user's language, no sample rows
    (a sample left in would be imported)."""
    return [str(c.label) for c in columns], []
