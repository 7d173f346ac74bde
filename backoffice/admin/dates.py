"""Date fields typed the way Belgians write dates: 31/12/2026, 31.12.2026, or 2026-12-31.

Every date column of every form gets `LocalDateField`: a plain text input that keeps
what was typed (no script rewrites it), read in the page's language or as ISO, shown
back in the page's language, with a calendar button that only ever writes a whole date.
"""

from __future__ import annotations

import re
from datetime import date

from flask_admin.contrib.sqla import filters
from flask_admin.contrib.sqla.form import AdminModelConverter
from flask_admin.model.form import converts
from flask_babel import get_locale, gettext
from flask_babel import lazy_gettext as _
from markupsafe import Markup
from wtforms import Field
from wtforms.widgets import TextInput

from ..config import language

# Each language's short dates are as `config.LANGUAGES` says; ISO (2026-12-31) is read in
# every language.
# What the empty field shows, in the words of each language (jj/mm/aaaa, TT.MM.JJJJ...).
PATTERN_HINTS = {"/": _("dd/mm/yyyy"), ".": _("dd.mm.yyyy")}
ISO_DATE = re.compile(r"(?P<year>\d{4})-(?P<month>\d{1,2})-(?P<day>\d{1,2})", re.ASCII)
# Years a record of the network can carry: a slip such as 0226 or 2226 is refused.
YEARS = range(1900, 2200)


def separator() -> str:
    """The separator of the current language's short dates."""
    return language(str(get_locale() or "")).date_separator


def format_short(value: date) -> str:
    """Write a date the way the current language types it (31/12/2026, 31.12.2026)."""
    sep = separator()
    return f"{value.day:02d}{sep}{value.month:02d}{sep}{value.year:04d}"


def parse_date(text: str) -> date | None:
    """Read a date typed in the current language's short format or as ISO; None otherwise."""
    sep = re.escape(separator())
    short = re.compile(
        rf"(?P<day>\d{{1,2}}){sep}(?P<month>\d{{1,2}}){sep}(?P<year>\d{{4}})", re.ASCII
    )
    text = text.strip()
    match = short.fullmatch(text) or ISO_DATE.fullmatch(text)
    if match is None or int(match["year"]) not in YEARS:
        return None
    try:
        return date(int(match["year"]), int(match["month"]), int(match["day"]))
    except ValueError:  # 31/02, month 13...
        return None


class LocalDateInput(TextInput):
    """A text input for a date, with a button that opens the browser's own calendar.

    The button's calendar fills the text field with a whole date in the page's format;
    typing is never touched by any script.
    """

    def __call__(self, field: Field, **kwargs) -> Markup:
        kwargs.setdefault("placeholder", str(PATTERN_HINTS[separator()]))
        kwargs.setdefault("autocomplete", "off")
        kwargs.setdefault("data-date-separator", separator())
        kwargs.setdefault("size", 10)
        text = super().__call__(field, **kwargs)
        button = Markup(
            '<div class="input-group-append">'
            '<button type="button" class="btn btn-outline-secondary date-calendar" '
            'data-date-for="{id}" title="{label}" aria-label="{label}">'
            '<span class="fa fa-calendar" aria-hidden="true"></span></button>'
            '<input type="date" class="date-calendar-picker" tabindex="-1" aria-hidden="true">'
            "</div>"
        ).format(id=field.id, label=gettext("Choose in a calendar"))
        # "is-invalid" on the group lets Bootstrap show the error that follows it.
        group = "input-group date-input" + (" is-invalid" if field.errors else "")
        return Markup('<div class="{}">{}{}</div>').format(group, text, button)


class LocalDateField(Field):
    """A date typed as 31/12/2026 (French, Dutch, English), 31.12.2026 (German) or ISO."""

    widget = LocalDateInput()

    def _value(self) -> str:
        if self.raw_data:  # what was typed, as typed, when the form comes back with errors
            return self.raw_data[0]
        return format_short(self.data) if self.data else ""

    def process_formdata(self, valuelist: list) -> None:
        if not valuelist:
            return
        text = str(valuelist[0]).strip()
        if not text:
            self.data = None
            return
        self.data = parse_date(text)
        if self.data is None:
            example = format_short(date(date.today().year, 12, 31))
            raise ValueError(
                gettext(
                    "Not a valid date: type it as %(example)s (day, month, year).",
                    example=example,
                )
            )


class BackofficeModelConverter(AdminModelConverter):
    """Flask-Admin's form converter, with every date column typed as in the page's language."""

    @converts("Date")
    def convert_date(self, field_args: dict, **extra) -> LocalDateField:
        return LocalDateField(**field_args)


# --- list filters on dates: plain text too, read the same way --------------------------
# A range is typed as two dates with a dash or a word between them (spaces around).
RANGE_SEPARATOR = re.compile(r"\s+(?:-|–|to|au|tot|bis)\s+")


class TypedDateFilter:
    """A date filter typed in a plain text field, in the page's language or as ISO.

    Flask-Admin's date picker on filters rewrote typed dates too (a day earlier, or
    garbled while typing); without it, the filter reads what was typed.
    """

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.data_type = None  # a plain text field: no picker

    def clean(self, value: str) -> date:
        parsed = parse_date(value)
        if parsed is None:
            raise ValueError(value)  # the filter is left out, as Flask-Admin does
        return parsed


class TypedDateRangeFilter(TypedDateFilter):
    """A date range filter: two dates, the first not after the second."""

    def clean(self, value: str) -> list[date]:
        ends = RANGE_SEPARATOR.split(value.strip())
        if len(ends) != 2:
            raise ValueError(value)
        start, end = (TypedDateFilter.clean(self, end) for end in ends)
        if end < start:
            raise ValueError(value)
        return [start, end]

    def validate(self, value: str) -> bool:
        try:
            self.clean(value)
        except ValueError:
            return False
        return True


class DateEqualFilter(TypedDateFilter, filters.DateEqualFilter):
    pass


class DateNotEqualFilter(TypedDateFilter, filters.DateNotEqualFilter):
    pass


class DateGreaterFilter(TypedDateFilter, filters.DateGreaterFilter):
    pass


class DateSmallerFilter(TypedDateFilter, filters.DateSmallerFilter):
    pass


class DateBetweenFilter(TypedDateRangeFilter, filters.DateBetweenFilter):
    pass


class DateNotBetweenFilter(TypedDateRangeFilter, filters.DateNotBetweenFilter):
    pass


class BackofficeFilterConverter(filters.FilterConverter):
    """Flask-Admin's list filters, with dates typed as in the forms."""

    date_filters = (
        DateEqualFilter,
        DateNotEqualFilter,
        DateGreaterFilter,
        DateSmallerFilter,
        DateBetweenFilter,
        DateNotBetweenFilter,
        filters.FilterEmpty,
    )
