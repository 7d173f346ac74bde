"""Dates typed key by key, as Belgians write them, are kept as typed and saved as meant."""

from datetime import date

import pytest

# Runs with the browser test harness (Playwright, Chromium, tests/browser/screens.py).
pytest.importorskip("tests.browser.screens")

from tests.browser.screens import (
    choose,
    delete_row,
    field,
    form_group,
    login,
    open_menu,
    rows,
    shown,
    switch_language,
)

expect = pytest.importorskip("playwright.sync_api").expect

# The demo apartment is available during the demo year (the year before this one) and
# free in its last month.
DEMO_YEAR = date.today().year - 1
ENTRY = date(DEMO_YEAR, 12, 3)
EXIT = date(DEMO_YEAR, 12, 20)


def typed(page, label: str, text: str) -> None:
    """Type `text` key by key in the date field `label`, then leave the field."""
    date_field = field(page, label)
    date_field.fill("")
    date_field.press_sequentially(text)
    page.keyboard.press("Escape")
    page.get_by_role("heading").first.click()


def test_a_stay_typed_31_12_style_is_kept_and_saved_as_that_day(page):
    login(page, "secretariat")
    open_menu(page, "Logement d'urgence", "Séjours")
    page.get_by_role("link", name="Créer", exact=True).click()
    entry = field(page, "Date d'entrée")
    expect(entry).to_have_attribute("placeholder", "jj/mm/aaaa")

    choose(page, "Logement", "Appartement d'urgence STOPP VIF")
    typed(page, "Date d'entrée", ENTRY.strftime("%d/%m/%Y"))
    expect(entry).to_have_value(ENTRY.strftime("%d/%m/%Y"))  # never rewritten
    typed(page, "Date de sortie", f"{EXIT:%d}.{EXIT:%m}.{EXIT:%Y}")  # the German way
    field(page, "Adultes").fill("1")
    field(page, "Enfants").fill("0")
    page.get_by_role("button", name="Enregistrer", exact=True).click()

    # Refused next to the field, as typed, nothing saved.
    exit_group = form_group(page, "Date de sortie")
    expect(exit_group).to_contain_text("Date non valide : tapez-la comme 31/12/")
    expect(field(page, "Date de sortie")).to_have_value(f"{EXIT:%d}.{EXIT:%m}.{EXIT:%Y}")
    expect(entry).to_have_value(ENTRY.strftime("%d/%m/%Y"))

    typed(page, "Date de sortie", EXIT.strftime("%d/%m/%Y"))
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".alert-success")).to_be_visible()
    row = rows(page, shown(ENTRY))
    expect(row).to_have_count(1)
    expect(row).to_contain_text(shown(EXIT))
    delete_row(page, shown(ENTRY))


def test_a_german_date_is_typed_with_dots_and_the_calendar_writes_it_so(page):
    login(page, "secretariat")
    switch_language(page, "de")
    open_menu(page, "Notwohnungen", "Aufenthalte")
    page.get_by_role("link", name="Erstellen", exact=True).click()
    entry = field(page, "Einzugsdatum")
    expect(entry).to_have_attribute("placeholder", "TT.MM.JJJJ")
    entry.fill("")  # a new stay starts today: cleared first, as a person would
    entry.press_sequentially("03.12.2025")
    expect(entry).to_have_value("03.12.2025")

    # The calendar button opens the browser's picker; what it picks is written as typed.
    button = page.get_by_role("button", name="In einem Kalender auswählen").first
    button.click()
    picker = page.locator("#entry_date ~ .input-group-append .date-calendar-picker")
    expect(picker).to_have_value("2025-12-03")  # it opened on the typed day
    picker.evaluate("(p) => { p.value = '2025-12-31'; p.dispatchEvent(new Event('change')); }")
    expect(entry).to_have_value("31.12.2025")
    switch_language(page, "fr")
