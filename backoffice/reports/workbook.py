"""The yearly report as a workbook: the key figures, one sheet per axis, one per chart.

Numbers are written as numbers, so that funders can total and chart them again: the report's
values that were already formatted for reading ("7,5", "62,5 %") are read back in the same
language. Text that looks like a formula stays text.
"""

from __future__ import annotations

import io
import re
from datetime import date
from decimal import Decimal

from babel.numbers import NumberFormatError, parse_decimal
from flask_babel import get_locale, gettext
from openpyxl import Workbook
from openpyxl.cell.cell import ILLEGAL_CHARACTERS_RE
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from .content import Report

SHEET_NAME_LENGTH = 31  # Excel's limit
WIDEST_COLUMN = 60
_FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)
# Digits with the separators of some language, and nothing else (no "NaN", no "5e3").
_NUMERAL = re.compile(r"-?\d[\d.,'\u00a0\u202f]*")


def _shorten(text: str, length: int) -> str:
    """Cut `text` to `length` characters, at a word's end when there is one."""
    if len(text) <= length:
        return text
    cut = text[: length + 1].rsplit(" ", 1)[0]
    return (cut if cut and len(cut) <= length else text[:length]).rstrip(" ,;.-–(")


def sheet_name(title: str, taken: set[str]) -> str:
    """Return a valid sheet name for `title`, distinct (ignoring case) from those `taken`."""
    base = " ".join(_FORBIDDEN_IN_SHEET_NAMES.sub(" ", str(title)).split()).strip("'")
    base = _shorten(base, SHEET_NAME_LENGTH) or "Sheet"
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        name = _shorten(base, SHEET_NAME_LENGTH - len(suffix)) + suffix
    taken.add(name.casefold())
    return name


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
    sheet.append([_value(v) for v in values])
    row = sheet.max_row
    for column, number_format in enumerate(formats or [None] * len(values), start=1):
        cell = sheet.cell(row, column)
        if isinstance(cell.value, str) and cell.value.startswith("="):
            cell.data_type = "s"  # a name typed as "=..." is text, never a formula
        if font:
            cell.font = font
        if number_format:
            cell.number_format = number_format


def _value(value):
    """Keep numbers and dates as they are; anything else (lazy labels too) becomes text."""
    if value is None or isinstance(value, int | float | Decimal | date):
        return value
    return ILLEGAL_CHARACTERS_RE.sub("", str(value))


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
