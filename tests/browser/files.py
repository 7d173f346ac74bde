"""Downloaded files read back as their readers would: a spreadsheet, a CSV reader, a PDF."""

from __future__ import annotations

import csv
import io

import openpyxl
import pypdf


def csv_rows(data: bytes) -> tuple[list[str], list[list[str]]]:
    """The header and the data rows of a CSV file."""
    header, *body = csv.reader(io.StringIO(data.decode("utf-8-sig")))
    return header, body


def xlsx_workbook(data: bytes):
    return openpyxl.load_workbook(io.BytesIO(data))


def xlsx_sheet(data: bytes):
    """The first sheet of a workbook, values as stored (not formulas)."""
    return xlsx_workbook(data).worksheets[0]


def xlsx_rows(data: bytes) -> tuple[list, list[list]]:
    """The header and the data rows of a workbook's first sheet, typed as stored."""
    header, *body = [list(row) for row in xlsx_sheet(data).iter_rows(values_only=True)]
    return header, body


def pdf_text(data: bytes) -> str:
    """The text of every page of a PDF, spaces normalised."""
    pages = pypdf.PdfReader(io.BytesIO(data)).pages
    return " ".join(" ".join((page.extract_text() or "").split()) for page in pages)


def row_with(body: list[list], value) -> list:
    """The one data row holding `value` in a cell."""
    found = [row for row in body if value in row]
    assert len(found) == 1, f"expected one row with {value!r}, found {len(found)}"
    return found[0]
