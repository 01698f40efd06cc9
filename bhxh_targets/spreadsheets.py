"""Every CSV and XLSX file the application hands out is written here, safe to open in Excel.

Cells hold what users typed (names, addresses, notes). A text starting with = + - @ (or | % tab CR) is
read by spreadsheet programs as a formula ("CSV injection"): such text is neutralised, numbers and
dates are left as they are.
- CSV: written by defusedcsv, which puts an apostrophe before such text (Excel shows it as text);
  text starting with a tab or a carriage return gets the same apostrophe here.
- XLSX: such text is stored as a text cell marked "quote prefix" (Excel's own mark for text that looks
  like a formula), never as a formula; the value itself is kept as typed.
"""

import io
import re
from decimal import Decimal

from defusedcsv import csv as safe_csv
from openpyxl import Workbook
from openpyxl.styles import Font
from openpyxl.utils import get_column_letter

FORMULA_START = ("=", "+", "-", "@", "|", "%", "\t", "\r")
# "-12", "1.234,5": plain numbers written as text stay readable (defusedcsv's own rule).
NUMBER_TEXT = re.compile(r"-?[0-9,.]+")
SHEET_TITLE_FORBIDDEN = re.compile(r"[\[\]:*?/\\]")


def is_formula_like(value):
    return isinstance(value, str) and value.startswith(FORMULA_START) and not NUMBER_TEXT.fullmatch(value)


def csv_cell(value):
    """What goes into a CSV cell: formula-like text behind an apostrophe, other values unchanged."""
    if isinstance(value, str) and value.startswith(("\t", "\r")):
        return "'" + value
    return value


def csv_content(header, rows):
    buffer = io.StringIO()
    writer = safe_csv.writer(buffer)
    writer.writerow([csv_cell(value) for value in header])
    writer.writerows([csv_cell(value) for value in row] for row in rows)
    return buffer.getvalue()


def _put(sheet, row, column, value):
    cell = sheet.cell(row=row, column=column)
    if is_formula_like(value):
        cell.value = value
        cell.data_type = "s"  # openpyxl took the leading "=" for a formula
        cell.quotePrefix = True
    else:
        cell.value = value
    return cell


def sheet_title(title):
    return SHEET_TITLE_FORBIDDEN.sub("-", str(title or "Sheet"))[:31] or "Sheet"


def xlsx_content(header, rows, *, title=None, column_widths=None, freeze_header=True, heading=None, title_lines=(),
                 number_formats=None, totals=None):
    """An XLSX workbook of one sheet: an optional title block, a bold header row, then the rows.

    `heading` and `title_lines` ([(label, value)], e.g. the unit, the data date, who exported it) go above
    the header, which is then frozen with an auto-filter over the rows. `number_formats`: one Excel number
    format (or None) per column. `totals`: (label, [one total or None per column]) written bold under the
    rows. `column_widths`: {"B": 40, …}, or "adaptive" to fit the longest value of each column."""
    workbook = Workbook()
    sheet = workbook.active
    if title:
        sheet.title = sheet_title(title)
    bold = Font(bold=True)
    top = 1
    if heading or title_lines:
        if heading:
            _put(sheet, top, 1, heading).font = Font(bold=True, size=13)
            top += 1
        for label, value in title_lines:
            _put(sheet, top, 1, label).font = bold
            _put(sheet, top, 2, value)
            top += 1
        top += 1  # a blank row between the title block and the table
    formats = list(number_formats or [])
    for column, value in enumerate(header, 1):
        _put(sheet, top, column, value).font = bold
    widths = [len(str(value)) for value in header]
    body = list(rows)
    if totals is not None and body:
        label, sums = totals
        body.append([label, *sums[1:]])
    for row_number, row in enumerate(body, top + 1):
        for column, value in enumerate(row, 1):
            cell = _put(sheet, row_number, column, value)
            if column <= len(formats) and formats[column - 1] and isinstance(value, (int, float, Decimal)):
                cell.number_format = formats[column - 1]
            if column_widths == "adaptive":
                length = len(str(value)) if value is not None else 0
                if column > len(widths):
                    widths.append(length)
                elif length > widths[column - 1]:
                    widths[column - 1] = length
    if totals is not None and body:
        for cell in sheet[top + len(body)]:
            cell.font = bold
    if freeze_header:  # a table to read: the header stays in view and filters its rows (not the totals)
        sheet.freeze_panes = f"A{top + 1}"
        sheet.auto_filter.ref = f"A{top}:{get_column_letter(max(len(header), 1))}{top + len(rows)}"
    if column_widths == "adaptive":
        for column, width in enumerate(widths, 1):
            sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, 60)
    else:
        for column, width in (column_widths or {}).items():
            sheet.column_dimensions[column].width = width
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
