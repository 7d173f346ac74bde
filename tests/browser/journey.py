"""The secretariat's round through one area: list, create, search, filter, edit, export, delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from datetime import date, datetime

from playwright.sync_api import Page, expect

from . import files, screens

# The list's first tab in each language, "Liste (22)": the same list seen in another language.
LIST_TAB = {"nl": "Lijst", "de": "Liste", "en": "List"}


@dataclass(frozen=True)
class Chosen:
    """Options picked in a drop-down or look-up field, as a person reads them."""

    options: tuple[str, ...]


def chosen(*options: str) -> Chosen:
    return Chosen(options)


def type_into_form(page: Page, typed: dict[str, object]) -> None:
    """Type each value into the field of its label: a date, options to choose, or text."""
    for label, value in typed.items():
        if isinstance(value, date):
            screens.enter_date(page, label, value)
        elif isinstance(value, Chosen):
            screens.choose(page, label, *value.options)
        else:
            screens.field(page, label).fill(str(value))


def as_shown(value: object) -> str:
    """A typed value as the list shows it."""
    if isinstance(value, date):
        return screens.shown(value)
    return value.options[-1] if isinstance(value, Chosen) else str(value)


@dataclass
class Area:
    """One list of records and what the secretariat types into it."""

    menu: tuple[str, str]  # the menu entry and its screen, named as the list is
    typed: dict[str, object]  # label -> value typed into the creation form
    key: str  # shown in the new record's row, alone in the list
    retyped: dict[str, object]  # label -> value typed into the edit form
    # Column header -> value the exports hold in the record's row once changed, typed as a
    # spreadsheet holds it (numbers as numbers, dates as dates).
    exported: dict[str, object]
    search: str | Callable[[Page], str]  # a term finding the new record alone, or how to read it
    filter: tuple[str, str]  # (filter label, value) keeping the new record, leaving others
    changed: str | None = None  # shown in the row once changed; default: the last value retyped
    never_exported: tuple[str, ...] = ()  # typed, yet in no export
    language: str = "nl"  # the language the list is also read in

    @property
    def shown_once_changed(self) -> str:
        return self.changed or as_shown(list(self.retyped.values())[-1])

    @property
    def key_exported(self) -> object:
        """The value of `exported` that finds the record's row in an export: the first."""
        return next(iter(self.exported.values()))


def secretariat_keeps(page: Page, area: Area) -> None:
    """The secretariat logs in and goes once through the records of `area`."""
    screens.login(page, "secretariat")
    keep_records(page, area)


def keep_records(page: Page, area: Area) -> None:
    """Go once through the list, create, search, filter, edit, export and delete cycle."""
    screens.open_menu(page, *area.menu)
    total = screens.list_count(page)

    page.locator(".nav-tabs").get_by_role("link", name="Créer", exact=True).click()
    type_into_form(page, area.typed)
    screens.save(page)
    assert screens.list_count(page) == total + 1
    expect(screens.rows(page, area.key)).to_have_count(1)

    screens.search(page, area.search if isinstance(area.search, str) else area.search(page))
    assert screens.list_count(page) == 1
    expect(screens.rows(page, area.key)).to_have_count(1)

    screens.open_menu(page, *area.menu)
    screens.add_filter(page, *area.filter)
    kept = screens.list_count(page)
    assert 1 <= kept < total + 1, "the filter keeps the record and leaves others"
    expect(screens.rows(page, area.key)).to_have_count(1)

    screens.open_menu(page, *area.menu)
    screens.open_row(page, area.key, "Modifier")
    type_into_form(page, area.retyped)
    screens.save(page)
    expect(screens.rows(page, area.key).filter(has_text=area.shown_once_changed)).to_have_count(1)

    check_exports(page, area, total + 1)
    read_in_other_language(page, area.language, total + 1)

    screens.delete_row(page, area.key)
    assert screens.list_count(page) == total
    expect(screens.rows(page, area.key)).to_have_count(0)


def check_exports(page: Page, area: Area, count: int) -> None:
    """Both exports hold every record of the list, the new one with the values typed."""
    data = screens.export(page, "csv")
    header, body = files.csv_rows(data)
    assert len(body) == count, "the CSV export holds as many rows as the list"
    row = files.row_with(body, as_text(area.key_exported))
    for column, value in area.exported.items():
        assert row[header.index(column)] == as_text(value), column
    for secret in area.never_exported:
        assert secret not in data.decode("utf-8-sig")

    data = screens.export(page, "xlsx")
    assert files.xlsx_sheet(data).title == area.menu[1][:31], "the sheet is named after the list"
    header, body = files.xlsx_rows(data)
    assert len(body) == count, "the XLSX export holds as many rows as the list"
    row = files.row_with([[as_stored(cell) for cell in cells] for cells in body], area.key_exported)
    for column, value in area.exported.items():
        assert row[header.index(column)] == value, column
    for secret in area.never_exported:
        assert not any(secret in str(cell) for cells in body for cell in cells)


def as_text(value: object) -> str:
    """A value as a CSV file writes it."""
    return value.isoformat() if isinstance(value, date) else str(value)


def as_stored(cell: object) -> object:
    """A spreadsheet cell's value; a date cell reads back as a datetime at midnight."""
    if isinstance(cell, datetime) and cell.time() == datetime.min.time():
        return cell.date()
    return cell


def read_in_other_language(page: Page, language: str, count: int) -> None:
    """Read the same list in another language, then come back to French."""
    screens.switch_language(page, language)
    expect(page.locator(".nav-tabs .nav-link.active")).to_have_text(
        f"{LIST_TAB[language]} ({count})"
    )
    screens.switch_language(page, "fr")
