"""A lean XLSX writer: the sheet's XML written straight into the zip, row after row.

openpyxl builds an object per cell, even in write-only mode: a hundred thousand rows took
over a minute. Here each row becomes its XML text as it comes, with the values `cells`
decides (`xlsx_value`): numbers as numbers, dates as dates in the language's format, text
as inline strings (never a formula), escaped for XML. The header row is bold.
"""

from __future__ import annotations

import functools
import zipfile
from collections.abc import Iterable
from datetime import date, datetime
from xml.sax.saxutils import escape, quoteattr

from openpyxl.utils import get_column_letter

from .cells import xlsx_value

EPOCH = datetime(1899, 12, 30)  # day 0 of Excel's calendar (its 1900 leap year included)
ROWS_PER_WRITE = 500

XML = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n'
OFFICE = "http://schemas.openxmlformats.org/officeDocument/2006/relationships"
PACKAGE = "http://schemas.openxmlformats.org/package/2006"
MAIN = "http://schemas.openxmlformats.org/spreadsheetml/2006/main"
SPREADSHEET = "application/vnd.openxmlformats-officedocument.spreadsheetml"

CONTENT_TYPES = (
    f'{XML}<Types xmlns="{PACKAGE}/content-types">'
    '<Default Extension="rels" '
    'ContentType="application/vnd.openxmlformats-package.relationships+xml"/>'
    '<Default Extension="xml" ContentType="application/xml"/>'
    f'<Override PartName="/xl/workbook.xml" ContentType="{SPREADSHEET}.sheet.main+xml"/>'
    f'<Override PartName="/xl/styles.xml" ContentType="{SPREADSHEET}.styles+xml"/>'
    "{sheets}</Types>"
)
SHEET_TYPE = (
    '<Override PartName="/xl/worksheets/sheet{n}.xml" '
    f'ContentType="{SPREADSHEET}.worksheet+xml"/>'
)
ROOT_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE}/relationships">'
    f'<Relationship Id="rId1" Type="{OFFICE}/officeDocument" Target="xl/workbook.xml"/>'
    "</Relationships>"
)
WORKBOOK = (
    f'{XML}<workbook xmlns="{MAIN}" xmlns:r="{OFFICE}"><sheets>{{sheets}}</sheets></workbook>'
)
WORKBOOK_RELS = (
    f'{XML}<Relationships xmlns="{PACKAGE}/relationships">{{sheets}}'
    f'<Relationship Id="rIdStyles" Type="{OFFICE}/styles" Target="styles.xml"/>'
    "</Relationships>"
)
SHEET_REL = (
    f'<Relationship Id="rId{{n}}" Type="{OFFICE}/worksheet" Target="worksheets/sheet{{n}}.xml"/>'
)
SHEET_START = f'{XML}<worksheet xmlns="{MAIN}"><sheetData>'
SHEET_END = "</sheetData></worksheet>"
FONT = '<sz val="11"/><name val="Calibri"/>'
PLAIN = '<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'
BOLD = '<xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/>'
# Style 0: plain; 1: bold (headers); then one per number format, in the order first used.
STYLES = (
    f'{XML}<styleSheet xmlns="{MAIN}">'
    '<numFmts count="{count}">{formats}</numFmts>'
    f'<fonts count="2"><font>{FONT}</font><font><b/>{FONT}</font></fonts>'
    '<fills count="2"><fill><patternFill patternType="none"/></fill>'
    '<fill><patternFill patternType="gray125"/></fill></fills>'
    '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>'
    '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>'
    f'<cellXfs count="{{styles}}">{PLAIN}{BOLD}{{dated}}</cellXfs>'
    '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>'
    "</styleSheet>"
)
FIRST_FORMAT_ID = 164  # the first id Excel leaves to a file's own number formats


class Workbook:
    """A workbook written into `file` sheet by sheet; `close` writes the rest."""

    def __init__(self, file) -> None:
        self.zip = zipfile.ZipFile(file, "w", zipfile.ZIP_DEFLATED, compresslevel=1)
        self.titles: list[str] = []
        self.formats: dict[str, int] = {}  # number format: its style's index

    def add_sheet(self, title: str, headers: list[str], rows: Iterable[list]) -> None:
        self.titles.append(title)
        with self.zip.open(f"xl/worksheets/sheet{len(self.titles)}.xml", "w") as part:
            part.write(SHEET_START.encode())
            part.write(self._row(1, headers, bold=True).encode())
            lines = []
            for number, row in enumerate(rows, start=2):
                lines.append(self._row(number, row))
                if len(lines) == ROWS_PER_WRITE:
                    part.write("".join(lines).encode())
                    lines.clear()
            part.write(("".join(lines) + SHEET_END).encode())

    def close(self) -> None:
        if not self.titles:
            self.add_sheet("Sheet", [], [])
        count = range(1, len(self.titles) + 1)
        self.zip.writestr(
            "[Content_Types].xml",
            CONTENT_TYPES.format(sheets="".join(SHEET_TYPE.format(n=n) for n in count)),
        )
        self.zip.writestr("_rels/.rels", ROOT_RELS)
        sheets = "".join(
            f'<sheet name={quoteattr(title)} sheetId="{n}" r:id="rId{n}"/>'
            for n, title in zip(count, self.titles, strict=True)
        )
        self.zip.writestr("xl/workbook.xml", WORKBOOK.format(sheets=sheets))
        rels = "".join(SHEET_REL.format(n=n) for n in count)
        self.zip.writestr("xl/_rels/workbook.xml.rels", WORKBOOK_RELS.format(sheets=rels))
        self.zip.writestr("xl/styles.xml", self._styles())
        self.zip.close()

    def _styles(self) -> str:
        formats = "".join(
            f'<numFmt numFmtId="{FIRST_FORMAT_ID + n}" formatCode={quoteattr(code)}/>'
            for n, code in enumerate(self.formats)
        )
        dated = "".join(
            f'<xf numFmtId="{FIRST_FORMAT_ID + n}" fontId="0" fillId="0" borderId="0" '
            'xfId="0" applyNumberFormat="1"/>'
            for n in range(len(self.formats))
        )
        return STYLES.format(
            count=len(self.formats), formats=formats, styles=2 + len(self.formats), dated=dated
        )

    def _row(self, number: int, values: list, bold: bool = False) -> str:
        cells = []
        for column, value in enumerate(values):
            content, number_format = xlsx_value(value)
            if content is None or content == "":
                continue  # an empty cell, as spreadsheets write it
            where = f'r="{column_letter(column)}{number}"'
            if isinstance(content, str):
                style = ' s="1"' if bold else ""
                text = escape(content)
                text = f'<is><t xml:space="preserve">{text}</t></is>'
                cells.append(f'<c {where}{style} t="inlineStr">{text}</c>')
            elif isinstance(content, date):
                style = self.formats.setdefault(number_format, 2 + len(self.formats))
                cells.append(f'<c {where} s="{style}"><v>{serial(content)}</v></c>')
            else:
                cells.append(f"<c {where}><v>{content}</v></c>")
        return f'<row r="{number}">{"".join(cells)}</row>'


@functools.cache
def column_letter(index: int) -> str:
    """The letters of the column at `index`, from 0 ("A")."""
    return get_column_letter(index + 1)


def serial(moment: date) -> str:
    """Excel's number of a date, or of a date and time (a fraction of the day)."""
    if isinstance(moment, datetime):
        delta = moment - EPOCH
        return repr(delta.days + delta.seconds / 86400 + delta.microseconds / 86400e6)
    return str((moment - EPOCH.date()).days)
