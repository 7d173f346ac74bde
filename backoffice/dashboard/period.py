"""The period and filters a dashboard or report describes, read from the URL query.

`?year=2025`, `?year=2025&quarter=2`, `?start=2025-01-01&end=2025-06-30`, each with an
optional `&municipality=<id>`: a view can be bookmarked and shared.
"""

from __future__ import annotations

from calendar import monthrange
from dataclasses import dataclass
from datetime import date, timedelta

from flask_babel import format_date, gettext


@dataclass(frozen=True)
class Period:
    """Days start..end, both included, optionally narrowed to one municipality."""

    start: date
    end: date
    municipality_id: int | None = None
    kind: str = "year"  # "year", "quarter" or "custom"

    @classmethod
    def year(cls, year: int, municipality_id: int | None = None) -> Period:
        return cls(date(year, 1, 1), date(year, 12, 31), municipality_id, "year")

    @classmethod
    def quarter(cls, year: int, quarter: int, municipality_id: int | None = None) -> Period:
        first_month = 3 * (quarter - 1) + 1
        last_month = first_month + 2
        end = date(year, last_month, monthrange(year, last_month)[1])
        return cls(date(year, first_month, 1), end, municipality_id, "quarter")

    @property
    def days(self) -> int:
        return (self.end - self.start).days + 1

    @property
    def covers_a_year_or_more(self) -> bool:
        """Whether small counts about victims may be shown to every role (see suppression)."""
        return self.days >= 365

    @property
    def months(self) -> list[date]:
        """First day of every calendar month the period touches."""
        months, current = [], self.start.replace(day=1)
        while current <= self.end:
            months.append(current)
            current = (current + timedelta(days=32)).replace(day=1)
        return months

    def month_bounds(self, first_of_month: date) -> tuple[date, date]:
        """The part of a calendar month inside the period."""
        last = first_of_month.replace(day=monthrange(first_of_month.year, first_of_month.month)[1])
        return max(first_of_month, self.start), min(last, self.end)

    def quarters(self) -> int:
        """How many calendar quarters the period touches (one platform meeting each)."""
        return len({(m.year, (m.month - 1) // 3) for m in self.months})

    def a_year_earlier(self) -> Period:
        """The same days one year before (28 February for a 29th): what a figure is compared to."""

        def back(day: date) -> date:
            return day.replace(year=day.year - 1, day=min(day.day, 28 if day.month == 2 else 31))

        return Period(back(self.start), back(self.end), self.municipality_id, self.kind)

    @property
    def label(self) -> str:
        if self.kind == "year":
            return str(self.start.year)
        if self.kind == "quarter":
            quarter = (self.start.month - 1) // 3 + 1
            return gettext("Q%(quarter)d %(year)d", quarter=quarter, year=self.start.year)
        return gettext(
            "%(start)s to %(end)s",
            start=format_date(self.start, "medium"),
            end=format_date(self.end, "medium"),
        )

    def query(self) -> dict[str, str]:
        """The URL query that designates this period (without the municipality)."""
        if self.kind == "year":
            return {"year": str(self.start.year)}
        if self.kind == "quarter":
            return {"year": str(self.start.year), "quarter": str((self.start.month - 1) // 3 + 1)}
        return {"start": self.start.isoformat(), "end": self.end.isoformat()}


class PeriodError(ValueError):
    """A period the URL describes but that cannot be (the message says why)."""


def parse(args, today: date) -> Period:
    """Read a period from URL arguments; the current year when none is given."""
    municipality = args.get("municipality", type=int)
    start, end = args.get("start"), args.get("end")
    if start or end:
        try:
            first, last = date.fromisoformat(start or ""), date.fromisoformat(end or "")
        except ValueError as error:
            raise PeriodError(gettext("Give both dates as YYYY-MM-DD.")) from error
        if last < first:
            raise PeriodError(gettext("The end of the period comes before its start."))
        if (last - first).days > 366 * 20:
            raise PeriodError(gettext("Choose a period of at most twenty years."))
        _check_year(first.year, today)
        _check_year(last.year, today)
        return Period(first, last, municipality, "custom")
    year = args.get("year", default=today.year, type=int)
    _check_year(year, today)
    quarter = args.get("quarter", type=int)
    if quarter is not None:
        if quarter not in (1, 2, 3, 4):
            raise PeriodError(gettext("A quarter is 1, 2, 3 or 4."))
        return Period.quarter(year, quarter, municipality)
    return Period.year(year, municipality)


def _check_year(year: int, today: date) -> None:
    # The network's records start in 1990; far dates would only overflow the calendar.
    if not 1990 <= year <= today.year + 5:
        raise PeriodError(gettext("Choose a year between 1990 and %(last)d.", last=today.year + 5))
