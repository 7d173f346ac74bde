"""What a person does on the backoffice's screens, in French unless said otherwise.

Elements are found as a person finds them: by their label, their text, their role. Where
Flask-Admin's widgets (select2, the list's filters) offer nothing better, by their widget.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

from babel.dates import format_date
from playwright.sync_api import Locator, Page, expect

from .server import ACCOUNTS, PASSWORD

LANGUAGE_BUTTONS = {
    "fr": "FR Français",
    "nl": "NL Nederlands",
    "de": "DE Deutsch",
    "en": "EN English",
}


def _exactly(text: str) -> re.Pattern:
    """Match `text` alone, allowing the star of a required field and spaces around."""
    return re.compile(rf"^\s*{re.escape(text)}\s*\*?\s*$")


# --- session ------------------------------------------------------------------------
def login(page: Page, role: str) -> None:
    """Log in with the account of `role` from the login page."""
    log_in_as(page, ACCOUNTS[role][0], PASSWORD)
    expect(page).not_to_have_url(re.compile(r"/login"))


def log_in_as(page: Page, username: str, password: str) -> None:
    """Fill and send the login form."""
    page.goto("/login")
    page.get_by_label("Nom d'utilisateur").fill(username)
    page.get_by_label("Mot de passe").fill(password)
    page.get_by_role("button", name="Se connecter").click()
    page.wait_for_load_state()


def logout(page: Page, username: str) -> None:
    """Log out from the account menu."""
    page.wait_for_load_state()
    page.locator("a.dropdown-toggle").filter(has_text=_exactly(username)).click()
    page.get_by_role("button", name="Se déconnecter").click()
    expect(page).to_have_url(re.compile(r"/login"))


def switch_language(page: Page, code: str) -> None:
    """Press the language switcher's button for `code` and wait for the page in it.

    Once logged in, the switcher is in the account's menu: opened first."""
    page.wait_for_load_state()
    button = page.get_by_role("button", name=LANGUAGE_BUTTONS[code])
    if not button.is_visible():
        page.locator("#account-menu").click()
    button.click()
    expect(page.locator("html")).to_have_attribute("lang", code)


# --- navigation ---------------------------------------------------------------------
def open_menu(page: Page, category: str, screen: str | None = None) -> None:
    """Open a screen from the menu bar: a top-level entry, or an entry of a category."""
    page.wait_for_load_state()  # the menus open once the page's scripts have run
    if screen is None:
        page.get_by_role("navigation").get_by_role("link", name=category, exact=True).click()
        return
    # Each screen's entry names its area; the areas of the action plan share one menu.
    entry = page.locator(f'a[data-category="{category}"]').filter(has_text=_exactly(screen))
    menu = page.locator(".main-menu .dropdown").filter(has=entry)
    menu.locator("a.dropdown-toggle").click()
    menu.locator(".dropdown-menu.show").locator(entry).click()


def menu_entries(page: Page) -> list[str]:
    """Every entry of the menu bar: its menus, the areas they group and their screens."""
    entries = page.locator(".main-menu").locator("a, .dropdown-header")
    return [" ".join(text.split()) for text in entries.all_text_contents()]


# --- lists --------------------------------------------------------------------------
def list_count(page: Page) -> int:
    """The number of records the list says it holds: "Liste (22)"."""
    tab = page.locator(".nav-tabs .nav-link.active")
    expect(tab).to_have_text(re.compile(r"\(\d+\)"))
    return int(re.search(r"\((\d+)\)", tab.inner_text()).group(1))


def rows(page: Page, text: str | None = None) -> Locator:
    """The rows of the list, or those showing `text`."""
    found = page.locator("table.model-list tbody tr")
    return found.filter(has_text=text) if text else found


def search(page: Page, term: str) -> None:
    box = page.get_by_role("search").get_by_role("textbox")
    box.fill(term)
    box.press("Enter")
    expect(page).to_have_url(re.compile(r"search="))


def add_filter(page: Page, label: str, value: str) -> None:
    """Add the list filter `label` with its first operation and `value`, then apply it."""
    page.wait_for_load_state()
    page.get_by_role("link", name="Ajouter un filtre").click()
    page.locator(".field-filters").get_by_text(label, exact=True).click()
    condition = page.locator("table.filters tr").last
    typed = condition.locator("input.filter-val")
    if typed.count():
        typed.fill(value)
        page.get_by_role("heading").first.click()  # away from the date picker, if any
    else:
        pick(page, condition.locator(".select2-container").last, value)
    page.get_by_role("button", name="Appliquer").click()
    expect(page).to_have_url(re.compile(r"flt\d+_"))


def open_row(page: Page, text: str, action: str) -> None:
    """Press a row's icon: "Modifier" (edit) or "Afficher" (details)."""
    rows(page, text).get_by_title(re.compile(action, re.IGNORECASE)).click()


def delete_row(page: Page, text: str) -> None:
    """Press a row's bin and confirm in the dialog, which names the record."""
    page.wait_for_load_state()
    rows(page, text).get_by_title("Supprimer l'enregistrement").click()
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading")).to_contain_text("Supprimer")
    dialog.get_by_role("button", name="Supprimer", exact=True).click()
    expect(page.locator(".alert-success")).to_be_visible()


def download(page: Page, link: Locator) -> bytes:
    """Click a link that downloads a file; return the file once whole."""
    with page.expect_download() as info:
        link.click()
    assert info.value.failure() is None, f"download of {link} failed: {info.value.failure()}"
    return Path(info.value.path()).read_bytes()


def export(page: Page, kind: str) -> bytes:
    """Download the list's export of `kind` (csv, xlsx) from its Export menu."""
    page.wait_for_load_state()
    page.locator(".nav-tabs").get_by_role("button", name="Export", exact=True).click()
    return download(page, page.get_by_role("link", name=f"Export {kind.upper()}"))


# --- forms --------------------------------------------------------------------------
def field(page: Page, label: str) -> Locator:
    """The input, text area or check box labelled `label`."""
    return page.locator("form.admin-form").get_by_label(_exactly(label))


def form_group(page: Page, label: str) -> Locator:
    labels = page.locator("label.col-form-label").filter(has_text=_exactly(label))
    return page.locator("form.admin-form .form-group").filter(has=labels)


def pick(page: Page, widget: Locator, *options: str) -> None:
    """Choose `options` in a select2 widget: open it, type, click the option offered."""
    page.wait_for_load_state()
    for option in options:
        many = widget.locator("ul.select2-choices input.select2-input")
        (many if many.count() else widget.locator("a.select2-choice")).click()
        page.keyboard.type(option)
        offered = page.locator(".select2-drop-active .select2-result-label")
        offered.filter(has_text=re.compile(re.escape(option))).first.click()


def choose(page: Page, label: str, *options: str) -> None:
    """Choose `options` in the drop-down or look-up field labelled `label`."""
    pick(page, form_group(page, label).locator(".select2-container"), *options)


def enter_date(page: Page, label: str, day: date) -> None:
    """Enter a date in ISO form, which every language accepts; click away from the picker."""
    field(page, label).fill(day.isoformat())
    page.get_by_role("heading").first.click()


def shown(day: date) -> str:
    """A date as the French screens show it: "31 déc. 2026"."""
    return format_date(day, "medium", locale="fr")


def type_date(page: Page, label: str, text: str) -> None:
    """Type a date key by key in a date field, then close its picker."""
    date_field = field(page, label)
    date_field.fill("")
    date_field.press_sequentially(text)
    close_picker(page)


def close_picker(page: Page) -> None:
    """Close a date picker as a person does: Escape, then a click on the page's title."""
    page.keyboard.press("Escape")
    page.get_by_role("heading").first.click()


def save(page: Page) -> None:
    page.get_by_role("button", name="Enregistrer", exact=True).click()
    expect(page.locator(".alert-success")).to_be_visible()


def details(page: Page) -> dict[str, str]:
    """The details page of a record as {label: value}."""
    table = page.locator("table.searchable tr")
    expect(table.first).to_be_visible()
    return {
        " ".join(row.locator("td").nth(0).inner_text().split()): " ".join(
            row.locator("td").nth(1).inner_text().split()
        )
        for row in table.all()
    }
