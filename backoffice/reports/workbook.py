"""The yearly report as a workbook: the key figures, one sheet per axis, one per chart.

Numbers are written as numbers, so that funders can total and chart them again: the report's
values that were already formatted for reading ("7,5", "62,5 %") are read back in the same
language. Every cell goes through the export's safe-cell rule: text that looks like a formula
stays text, characters a workbook cannot hold are left out.
"""

from __future__ import annotations

import io
import re

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import get_locale, gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..exports.cells import sheet_name, xlsx_value
from .content import Report

WIDEST_COLUMN = 60
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
# Digits with the separators of some language, and nothing else (no "NaN", no "5e3").
_NUMERAL = re.compile(r"-?\d[\d.,'\u00a0\u202f]*")


def _number(value):
    """Return a value as a number when it is one written for reading, with its cell format."""
    if not isinstance(value, str):
        return value, None
    text = value.strip()
    percent = text.endswith("%")
    digits = text.removesuffix("%").strip()
    if not _NUMERAL.fullmatch(digits):
        return value, None
    try:
        number = parse_decimal(digits, locale=get_locale(), strict=True)
    except NumberFormatError:
        return value, None
    return (number / 100, "0.0%") if percent else (number, None)


def _write_row(
    sheet: Worksheet, values: list, font: Font | None = None, formats: list | None = None
) -> None:
    cells = [xlsx_value(value) for value in values]
    sheet.append([content for content, _ in cells])
    row = sheet.max_row
    for column, (content, cell_format) in enumerate(cells, start=1):
        cell = sheet.cell(row, column)
        if isinstance(content, str):
            cell.data_type = "s"  # a value, never a formula
        number_format = (formats or [None] * len(cells))[column - 1] or cell_format
        if font:
            cell.font = font
        if number_format:
            cell.number_format = number_format


def _write_tables(sheet: Worksheet, tables: list[tuple[str, list[str], list[list]]]) -> None:
    """Write each (title, headers, rows) as a title row, a header row and rows, then fit widths."""
    widths: dict[int, int] = {}
    for number, (title, headers, rows) in enumerate(tables):
        if number:
            sheet.append([])
        _write_row(sheet, [title], TITLE)
        _write_row(sheet, headers, BOLD)
        for label, *values in rows:
            numbers = [_number(value) for value in values]
            _write_row(
                sheet, [label, *(n for n, _ in numbers)], formats=[None, *(f for _, f in numbers)]
            )
        # Titles are left out: they may run over the next, empty cells.
        for row in [headers, *rows]:
            for column, value in enumerate(row, start=1):
                widths[column] = max(widths.get(column, 0), len(str(value)))
    for column, width in widths.items():
        sheet.column_dimensions[get_column_letter(column)].width = min(width + 2, WIDEST_COLUMN)


def _key_figures(sheet: Worksheet, report: Report) -> None:
    _write_row(sheet, [report.title], TITLE)
    _write_row(sheet, [report.introduction])
    sheet.append([])
    for sentence in report.key_figures:
        _write_row(sheet, [sentence])
    sheet.column_dimensions["A"].width = 120
    for row in sheet.iter_rows(min_row=2):
        row[0].alignment = Alignment(wrap_text=True, vertical="top")


def render_xlsx(report: Report) -> bytes:
    """Render the report as an XLSX workbook in the active language."""
    workbook = Workbook()
    taken: set[str] = set()
    summary = workbook.active
    summary.title = sheet_name(gettext("Key figures"), taken)
    _key_figures(summary, report)
    for axis in report.axes:
        sheet = workbook.create_sheet(sheet_name(axis.title, taken))
        _write_tables(sheet, [(t.title, t.headers, t.rows) for t in axis.tables])
    for chart in report.charts:
        sheet = workbook.create_sheet(sheet_name(chart["title"], taken))
        _write_tables(sheet, [(chart["title"], chart["headers"], chart["rows"])])
    workbook.properties.title = report.title
    workbook.properties.creator = "STOPP VIF"
    workbook.properties.language = str(get_locale() or "fr").replace("_", "-")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
