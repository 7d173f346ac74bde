"""What a value becomes in an exported file: typed where it can be, never a formula.

The rule, after OWASP's guidance on CSV injection:
- text is cleaned of the characters XML cannot carry (C0 controls other than tab, line feed
  and carriage return, U+FFFE, U+FFFF, lone surrogates), in CSV as in XLSX, so that one stored
  character never breaks a download;
- text that then begins with `=`, `+`, `-`, `@`, a tab or a carriage return gets a leading
  single quote, in both formats, so that no spreadsheet reads it as a formula (a phone number
  such as "+32 4 ..." included: it is text);
- numbers, dates and booleans of the database are not text: numbers stay numbers (-3 is
  written -3), dates are dates (ISO in CSV, real dates with the language's format in XLSX),
  booleans are the language's yes and no;
- XLSX cells are always written as values: a text cell is a string cell, never a formula.
"""

from __future__ import annotations

import enum
import json
import re
from datetime import UTC, date, datetime
from decimal import Decimal

from flask_babel import get_locale, gettext
from openpyxl.cell import WriteOnlyCell
from openpyxl.worksheet.worksheet import Worksheet

from ..config import language

FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
# What XML 1.0 cannot carry: most C0 controls, the two non-characters, lone surrogates.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff\ud800-\udfff]")
SHEET_NAME_LENGTH = 31  # Excel's limit
CELL_LENGTH = 32767  # Excel's limit of the text of a cell
_FORBIDDEN_IN_SHEET_NAMES = re.compile(r"[\[\]:*?/\\]")

Number = int | float | Decimal


def safe_text(value: object) -> str:
    """Return `value` as text a spreadsheet shows as it is: clean, and never a formula."""
    text = _NOT_XML.sub("", str(value))
    return "'" + text if text.startswith(FORMULA_START) else text


def plain(value: object) -> object:
    """Return `value` as None, a bool, a number, a date, a datetime or text."""
    if value is None or isinstance(value, bool | int | float | Decimal | date):
        return value
    if isinstance(value, enum.Enum):
        return str(value.value)
    if isinstance(value, list | tuple | set | frozenset):
        return ", ".join(str(item) for item in value)
    if isinstance(value, dict):
        return json.dumps(value, ensure_ascii=False, default=str)
    return str(value)  # records, lazy labels, markup


def _naive(moment: datetime) -> datetime:
    # Spreadsheets know no time zones: times are written in UTC, as the backoffice stores them.
    return moment.astimezone(UTC).replace(tzinfo=None) if moment.tzinfo else moment


def yes_no(value: bool) -> str:
    """Return the language's yes or no."""
    return gettext("yes") if value else gettext("no")


def csv_value(value: object) -> str:
    """Return the text of one CSV field."""
    value = plain(value)
    if value is None:
        return ""
    if isinstance(value, bool):
        return yes_no(value)
    if isinstance(value, Number):
        return str(value)
    if isinstance(value, datetime):
        return _naive(value).isoformat(sep=" ", timespec="seconds")
    if isinstance(value, date):
        return value.isoformat()
    return safe_text(value)


def date_format() -> str:
    """Return Excel's date format for the current language: day, month, year as it types them."""
    sep = language(str(get_locale() or "")).date_separator
    return f"dd{sep}mm{sep}yyyy"


def xlsx_value(value: object) -> tuple[object, str | None]:
    """Return what one XLSX cell holds, and its number format when it needs one."""
    value = plain(value)
    if isinstance(value, bool):
        return yes_no(value), None
    if value is None or isinstance(value, Number):
        return value, None
    if isinstance(value, datetime):
        return _naive(value), f"{date_format()} hh:mm:ss"
    if isinstance(value, date):
        return value, date_format()
    return safe_text(value)[:CELL_LENGTH], None


def xlsx_cell(sheet: Worksheet, value: object) -> WriteOnlyCell:
    """Return a write-only cell of `sheet` holding `value` as a value, never a formula."""
    content, number_format = xlsx_value(value)
    cell = WriteOnlyCell(sheet, content)
    if isinstance(content, str):
        cell.data_type = "s"  # a string cell, whatever openpyxl would guess from the text
    if number_format:
        cell.number_format = number_format
    return cell


def _shorten(text: str, length: int) -> str:
    """Cut `text` to `length` characters, at a word's end when there is one."""
    if len(text) <= length:
        return text
    cut = text[: length + 1].rsplit(" ", 1)[0]
    return (cut if cut and len(cut) <= length else text[:length]).rstrip(" ,;.-–(")


def sheet_name(title: object, taken: set[str] | None = None) -> str:
    """Return a valid sheet name for `title`, distinct (ignoring case) from those `taken`."""
    taken = set() if taken is None else taken
    cleaned = _NOT_XML.sub("", _FORBIDDEN_IN_SHEET_NAMES.sub(" ", str(title)))
    base = _shorten(" ".join(cleaned.split()).strip("'"), SHEET_NAME_LENGTH) or "Sheet"
    name, number = base, 1
    while name.casefold() in taken:
        number += 1
        suffix = f" ({number})"
        name = _shorten(base, SHEET_NAME_LENGTH - len(suffix)) + suffix
    taken.add(name.casefold())
    return name
