"""Dates typed as Belgians type them, key by key, are saved as typed."""

from datetime import date

import pytest
from playwright.sync_api import expect

from .screens import choose, delete_row, field, login, open_menu, rows, save, shown, type_date


@pytest.mark.parametrize(
    ("typed", "day"),
    [
        ("31/12/2026", date(2026, 12, 31)),
        ("15/10/2026", date(2026, 10, 15)),  # in summer time, when a picker may slip a day
    ],
)
def test_a_date_typed_in_french_is_saved_as_typed(page, typed, day):
    login(page, "secretariat")
    open_menu(page, "Formation", "Séances de formation")
    page.locator(".nav-tabs").get_by_role("link", name="Créer", exact=True).click()
    choose(page, "Formation", "Formation de base des référents VIF")
    type_date(page, "Date", typed)
    expect(field(page, "Date")).to_have_value(typed)  # the picker never rewrites it
    field(page, "Heures").fill("2")
    save(page)

    expect(rows(page, shown(day))).to_have_count(1)  # "31 déc. 2026"
    delete_row(page, shown(day))
