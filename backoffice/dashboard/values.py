"""Numbers with their kind, from the figures to the last renderer.

The figures are counts, decimals, shares, nights and months; they travel as `Value`s so that
each renderer writes them its own way: the page and the PDF in the reader's language
(`format_value`), the workbook as numbers with a number format (`XLSX_FORMATS`). Nothing
is ever formatted once and read back.
"""

from __future__ import annotations

import enum
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from babel import numbers
from flask_babel import format_date, format_decimal, get_locale

Number = int | float | Decimal


class Kind(enum.StrEnum):
    COUNT = "count"  # whole things: sessions, people, actions
    DECIMAL = "decimal"  # hours, averages: one decimal
    SHARE = "share"  # a fraction 0..1, written as a percentage
    NIGHTS = "nights"  # nights of emergency housing
    MONTHS = "months"  # months occupied: one decimal


@dataclass(frozen=True)
class Value:
    """A number (None when it cannot be computed) and the kind that says how to write it."""

    number: Number | None
    kind: Kind = Kind.COUNT

    def minus(self, other: Value) -> Value | None:
        """The change from `other` to this value, of the same kind; None when either is missing."""
        if self.number is None or other.number is None:
            return None
        return Value(self.number - other.number, self.kind)

    def as_json(self) -> dict:
        number = str(self.number) if isinstance(self.number, Decimal) else self.number
        return {"kind": str(self.kind), "number": number}

    @classmethod
    def from_json(cls, data: dict) -> Value:
        kind, number = Kind(data["kind"]), data["number"]
        if isinstance(number, str):
            number = Decimal(number)
        return cls(number, kind)


def count(number: int | None) -> Value:
    return Value(number, Kind.COUNT)


def decimal(number: Number | None) -> Value:
    return Value(number, Kind.DECIMAL)


def share(number: float | None) -> Value:
    return Value(number, Kind.SHARE)


def nights(number: int | None) -> Value:
    return Value(number, Kind.NIGHTS)


def months(number: float | None) -> Value:
    return Value(number, Kind.MONTHS)


# Excel's number formats; a change is written with its sign.
XLSX_FORMATS = {
    Kind.COUNT: "#,##0",
    Kind.NIGHTS: "#,##0",
    Kind.DECIMAL: "#,##0.0",
    Kind.MONTHS: "0.0",
    Kind.SHARE: "0.0%",
}
MONTH_FORMAT = "mmm yyyy"


def xlsx_format(value: Value, *, signed: bool = False) -> str:
    written = XLSX_FORMATS[value.kind]
    return f"+{written};-{written};{written}" if signed else written


def xlsx_number(value: Value) -> Number | None:
    """The number a workbook cell holds: a float for decimals, an int for counts."""
    if value.number is None:
        return None
    return float(value.number) if isinstance(value.number, Decimal) else value.number


def format_value(value: Value | None, *, signed: bool = False) -> str:
    """Write a value in the active language: "1 234", "7,5", "62,5 %"; "–" when missing."""
    if value is None or value.number is None:
        return "–"
    number = value.number
    if value.kind is Kind.SHARE:
        text = numbers.format_percent(
            round(number, 3), locale=get_locale(), decimal_quantization=False
        )
    elif value.kind in (Kind.DECIMAL, Kind.MONTHS):
        text = format_decimal(round(number, 1), "#,##0.#")
    else:
        text = format_decimal(number)
    return f"+{text}" if signed and number > 0 else text


def format_category(category: str | date) -> str:
    """A chart's category as read: a month ("janv. 2025") or a name as it is."""
    if isinstance(category, date):
        return format_date(category, "MMM yyyy")
    return category
