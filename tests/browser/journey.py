"""The secretariat's round through one area: list, create, search, filter, edit, export, delete."""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import date, datetime

from playwright.sync_api import Page, expect

from . import files
from .screens import (
    add_filter,
    delete_row,
    export,
    list_count,
    open_menu,
    open_row,
    rows,
    save,
    search,
    switch_language,
)

# The list's first tab in each language, "Liste (22)": the same list seen in another language.
LIST_TAB = {"nl": "Lijst", "de": "Liste", "en": "List"}


@dataclass
class Area:
    """One list of records and what the secretariat types into it."""

    category: str  # the menu entry
    screen: str  # the screen in that menu entry, named as the list is
    fill: Callable[[Page], None]  # fills the creation form
    key: str  # shown in the new record's row, alone in the list
    search: str | Callable[[Page], str]  # a term finding the new record alone, or how to read it
    filter: tuple[str, str]  # (filter label, value) keeping the new record, leaving others
    change: Callable[[Page], None]  # changes the record in its edit form
    changed: str  # shown in the record's row once changed
    # Column header -> value the exports hold in the record's row once changed, typed as a
    # spreadsheet holds it (numbers as numbers, dates as dates).
    exported: dict[str, object] = field(default_factory=dict)
    never_exported: tuple[str, ...] = ()  # typed, yet in no export
    language: str = "nl"  # the language the list is also read in

    @property
    def key_exported(self) -> object:
        """The value of `exported` that finds the record's row in an export: the first."""
        return next(iter(self.exported.values()))


def keep_records(page: Page, area: Area) -> None:
    """Go once through the list, create, search, filter, edit, export and delete cycle."""
    open_menu(page, area.category, area.screen)
    total = list_count(page)

    page.locator(".nav-tabs").get_by_role("link", name="Créer", exact=True).click()
    area.fill(page)
    save(page)
    assert list_count(page) == total + 1
    expect(rows(page, area.key)).to_have_count(1)

    search(page, area.search if isinstance(area.search, str) else area.search(page))
    assert list_count(page) == 1
    expect(rows(page, area.key)).to_have_count(1)

    open_menu(page, area.category, area.screen)
    add_filter(page, *area.filter)
    assert 1 <= list_count(page) < total + 1, "the filter keeps the record and leaves others"
    expect(rows(page, area.key)).to_have_count(1)

    open_menu(page, area.category, area.screen)
    open_row(page, area.key, "Modifier")
    area.change(page)
    save(page)
    expect(rows(page, area.key).filter(has_text=area.changed)).to_have_count(1)

    check_exports(page, area, total + 1)
    read_in_other_language(page, area.language, total + 1)

    delete_row(page, area.key)
    assert list_count(page) == total
    expect(rows(page, area.key)).to_have_count(0)


def check_exports(page: Page, area: Area, count: int) -> None:
    """Both exports hold every record of the list, the new one with the values typed."""
    data = export(page, "csv")
    header, body = files.csv_rows(data)
    assert len(body) == count, "the CSV export holds as many rows as the list"
    row = files.row_with(body, as_text(area.key_exported))
    for column, value in area.exported.items():
        assert row[header.index(column)] == as_text(value), column
    for secret in area.never_exported:
        assert secret not in data.decode("utf-8-sig")

    data = export(page, "xlsx")
    assert files.xlsx_sheet(data).title == area.screen[:31], "the sheet is named after the list"
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
    switch_language(page, language)
    expect(page.locator(".nav-tabs .nav-link.active")).to_have_text(
        f"{LIST_TAB[language]} ({count})"
    )
    switch_language(page, "fr")
