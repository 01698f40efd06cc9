"""The Excel template of an import: a data sheet with Vietnamese headers and drop-down lists for coded
columns, an instructions sheet, and a hidden sheet holding the lists."""

import io

from django.utils.translation import gettext as _
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font, PatternFill
from openpyxl.utils import get_column_letter, quote_sheetname
from openpyxl.worksheet.datavalidation import DataValidation

TEMPLATE_ROWS = 2000  # rows the drop-down lists cover
HEADER_FILL = PatternFill("solid", fgColor="DDE7F3")


def _lists_sheet(workbook, columns):
    """One column per coded column; returns {column name: range formula}."""
    sheet = workbook.create_sheet(_("Lists"))
    sheet.sheet_state = "hidden"
    ranges = {}
    for index, column in enumerate((c for c in columns if c.choices), start=1):
        letter = get_column_letter(index)
        sheet.cell(row=1, column=index, value=str(column.label))
        for row, (_code, label) in enumerate(column.choices, start=2):
            sheet.cell(row=row, column=index, value=str(label))
        ranges[column.name] = f"{quote_sheetname(sheet.title)}!${letter}$2:${letter}${len(column.choices) + 1}"
    return ranges


def _instructions_sheet(workbook, importer):
    sheet = workbook.create_sheet(_("Instructions"))
    sheet.append([_("How to fill in: %(label)s") % {"label": importer.label}])
    sheet["A1"].font = Font(bold=True, size=13)
    sheet.append([_("Fill one row per record on the first sheet, under its headers. Do not rename or move the "
                    "headers. Columns marked “yes” must be filled; coded columns offer a drop-down list.")])
    sheet.append([])
    sheet.append([_("Column"), _("Required"), _("What to enter"), _("Example"), _("Allowed values")])
    for cell in sheet[4]:
        cell.font, cell.fill = Font(bold=True), HEADER_FILL
    examples = importer.examples[0] if importer.examples else []
    for index, column in enumerate(importer.columns):
        sheet.append([
            str(column.label), _("yes") if column.required else _("no"), str(column.help or ""),
            examples[index] if index < len(examples) else "",
            "; ".join(str(label) for _code, label in column.choices),
        ])
    for letter, width in zip("ABCDE", (30, 10, 60, 24, 60)):
        sheet.column_dimensions[letter].width = width
    for row in sheet.iter_rows(min_row=5):
        for cell in row:
            cell.alignment = Alignment(wrap_text=True, vertical="top")


def template_workbook(importer):
    """The .xlsx bytes of the importer's template."""
    workbook = Workbook()
    data = workbook.active
    data.title = _("Data")
    data.append([str(c.label) for c in importer.columns])
    for index, column in enumerate(importer.columns, start=1):
        cell = data.cell(row=1, column=index)
        cell.font, cell.fill = Font(bold=True, color="B3261E" if column.required else "000000"), HEADER_FILL
        data.column_dimensions[get_column_letter(index)].width = max(14, len(str(column.label)) + 4)
    data.freeze_panes = "A2"
    ranges = _lists_sheet(workbook, importer.columns)
    for index, column in enumerate(importer.columns, start=1):
        if column.name not in ranges:
            continue
        letter = get_column_letter(index)
        validation = DataValidation(type="list", formula1=ranges[column.name], allow_blank=not column.required,
                                    showErrorMessage=True, errorTitle=str(column.label),
                                    error=_("Choose a value from the list."))
        validation.add(f"{letter}2:{letter}{TEMPLATE_ROWS + 1}")
        data.add_data_validation(validation)
    _instructions_sheet(workbook, importer)
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
