"""The yearly report as a workbook: the key figures, one sheet per axis, one per chart.

Figures are written as numbers with a number format (counts, decimals, percentages, changes
with their sign) and months as dates, so that funders can total and chart them again. Every
text cell goes through the export's safe-cell rule: text that looks like a formula stays
text, characters a workbook cannot hold are left out.
"""

from __future__ import annotations

import io
from datetime import date

from flask_babel import get_locale, gettext
from openpyxl import Workbook
from openpyxl.styles import Alignment, Font
from openpyxl.utils import get_column_letter
from openpyxl.worksheet.worksheet import Worksheet

from ..dashboard.charts import Chart
from ..dashboard.values import MONTH_FORMAT, Value, format_category, xlsx_format, xlsx_number
from ..exports.cells import sheet_name, xlsx_value
from .content import Report
from .content import Table as ReportTable

WIDEST_COLUMN = 60
BOLD = Font(bold=True)
TITLE = Font(bold=True, size=14)

Cells = list[tuple[Value | None, bool]]  # each value, with whether it shows its sign


def _write_text(sheet: Worksheet, texts: list[str | int], font: Font | None = None) -> None:
    """Append a row of text cells (values, never formulas); years stay numbers."""
    sheet.append([xlsx_value(text)[0] for text in texts])
    for cell, text in zip(sheet[sheet.max_row], texts, strict=False):
        if isinstance(text, int):
            cell.number_format = "0"
        else:
            cell.data_type = "s"
        if font:
            cell.font = font


def _write_figures(sheet: Worksheet, label: str | date, cells: Cells) -> None:
    """Append a row: its label (text, or a month as a date), then numbers with their format."""
    first = label if isinstance(label, date) else xlsx_value(label)[0]
    sheet.append([first, *(None if v is None else xlsx_number(v) for v, _ in cells)])
    row = sheet[sheet.max_row][: 1 + len(cells)]
    if isinstance(label, date):
        row[0].number_format = MONTH_FORMAT
    else:
        row[0].data_type = "s"
    for cell, (value, signed) in zip(row[1:], cells, strict=True):
        if value is not None:
            cell.number_format = xlsx_format(value, signed=signed)


def _write_table(
    sheet: Worksheet,
    title: str,
    headers: list[str | int],
    rows: list[tuple[str | date, Cells]],
    *,
    after_another: bool = False,
) -> None:
    """Write a title row, a header row and rows, then fit the columns' widths."""
    if after_another:
        sheet.append([])
    _write_text(sheet, [title], TITLE)
    _write_text(sheet, headers, BOLD)
    for label, cells in rows:
        _write_figures(sheet, label, cells)
    # Titles are left out: they may run over the next, empty cells.
    widths = [len(str(h)) for h in headers]
    widths[0] = max([widths[0], *(len(format_category(label)) for label, _ in rows)])
    for column, width in enumerate(widths, start=1):
        letter = get_column_letter(column)
        current = sheet.column_dimensions[letter].width or 0
        sheet.column_dimensions[letter].width = max(current, min(width + 2, WIDEST_COLUMN), 12)


def _report_table(sheet: Worksheet, table: ReportTable, after_another: bool) -> None:
    rows = [(r.label, r.cells()) for r in table.rows]
    _write_table(sheet, table.title, table.headers, rows, after_another=after_another)


def _chart_table(sheet: Worksheet, chart: Chart) -> None:
    rows = [(category, [(v, False) for v in cells]) for category, cells in chart.rows()]
    _write_table(sheet, chart.title, chart.headers, rows)


def _key_figures(sheet: Worksheet, report: Report) -> None:
    _write_text(sheet, [report.title], TITLE)
    _write_text(sheet, [report.introduction])
    sheet.append([])
    for sentence in report.key_figures:
        _write_text(sheet, [sentence])
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
        for number, table in enumerate(axis.tables):
            _report_table(sheet, table, after_another=number > 0)
    for chart in report.charts:
        _chart_table(workbook.create_sheet(sheet_name(chart.title, taken)), chart)
    workbook.properties.title = report.title
    workbook.properties.creator = "STOPP VIF"
    workbook.properties.language = str(get_locale() or "fr").replace("_", "-")
    buffer = io.BytesIO()
    workbook.save(buffer)
    return buffer.getvalue()
