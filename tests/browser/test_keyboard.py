"""The secretariat creates, changes and deletes a record with the keyboard alone, always
seeing where the focus is."""

from __future__ import annotations

import re

from playwright.sync_api import Locator, Page, expect

from .screens import login

NAME = "Maison de l'enfance de Trooz"
SHORT = "ME Trooz"


def focused(locator: Locator) -> bool:
    return locator.evaluate("element => element === document.activeElement")


def focus_is_visible(page: Page) -> bool:
    """The focused element is outlined (or ringed) as the stylesheet draws focus."""
    return page.evaluate(
        """() => {
          const style = getComputedStyle(document.activeElement);
          return (style.outlineStyle !== "none" && parseFloat(style.outlineWidth) >= 2)
            || style.boxShadow !== "none";
        }"""
    )


def tab_to(page: Page, target: Locator, limit: int = 150) -> None:
    """Press Tab until `target` has the focus, checking at each stop that the focus shows."""
    for _ in range(limit):
        page.keyboard.press("Tab")
        if focused(target):
            assert focus_is_visible(page), f"the focus on {target} cannot be seen"
            return
    raise AssertionError(f"{target} cannot be reached with the Tab key")


def test_create_edit_delete_with_the_keyboard_alone(page):
    login(page, "secretariat")
    page.wait_for_load_state()

    # The first Tab offers to skip the menu.
    page.keyboard.press("Tab")
    expect(page.get_by_role("link", name="Aller au contenu")).to_be_focused()
    assert focus_is_visible(page)

    # The menu opens with the keyboard: Réseau, then Organisations.
    network = page.locator(".main-menu a.dropdown-toggle", has_text="Réseau")
    tab_to(page, network)
    page.keyboard.press("Enter")
    organisations = page.locator(".dropdown-menu.show").get_by_role(
        "link", name="Organisations", exact=True
    )
    tab_to(page, organisations)
    page.keyboard.press("Enter")
    expect(page.get_by_role("heading", level=1)).to_have_text("Organisations")

    # Create: the tab, the fields, a choice in a drop-down, save.
    tab_to(page, page.locator(".nav-tabs").get_by_role("link", name="Créer", exact=True))
    page.keyboard.press("Enter")
    tab_to(page, page.locator("#name"))
    page.keyboard.type(NAME)
    tab_to(page, page.locator("#s2id_kind input.select2-focusser"))
    page.keyboard.type("Association")
    page.keyboard.press("Enter")
    expect(page.locator("#s2id_kind .select2-chosen")).to_have_text("Association")
    tab_to(page, page.get_by_role("button", name="Enregistrer", exact=True))
    page.keyboard.press("Enter")
    expect(page.locator(".alert-success")).to_contain_text(f"Organisation « {NAME} » créée.")

    # Edit: the row's pencil, a field, Enter sends the form.
    row = page.locator("table.model-list tbody tr", has_text=NAME)
    tab_to(page, row.get_by_title(re.compile("Modifier")))
    page.keyboard.press("Enter")
    tab_to(page, page.locator("#short_name"))
    page.keyboard.type(SHORT)
    page.keyboard.press("Enter")
    expect(page.locator(".alert-success")).to_contain_text(f"Organisation « {SHORT} » modifiée.")

    # Delete: the row's bin opens the page's dialog, which names the record.
    row = page.locator("table.model-list tbody tr", has_text=NAME)
    tab_to(page, row.get_by_title("Supprimer l'enregistrement"))
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog.get_by_role("heading")).to_have_text(f"Supprimer « {SHORT} » ?")
    expect(dialog).to_contain_text("Aucun autre enregistrement n'y renvoie.")
    confirm = dialog.get_by_role("button", name="Supprimer", exact=True)
    expect(confirm).to_be_focused()
    assert focus_is_visible(page)
    page.keyboard.press("Enter")
    expect(page.locator(".alert-success")).to_contain_text(f"Organisation « {SHORT} » supprimée.")
    expect(page.locator("table.model-list tbody tr", has_text=NAME)).to_have_count(0)


def test_the_delete_dialog_names_what_refers_to_the_record_and_is_left_with_escape(page):
    login(page, "secretariat")
    page.goto("/admin/organisation/?search=GREOVA")
    row = page.locator("table.model-list tbody tr", has_text="GREOVA").first
    bin_button = row.get_by_title("Supprimer l'enregistrement")
    bin_button.focus()
    page.keyboard.press("Enter")
    dialog = page.get_by_role("dialog")
    expect(dialog).to_contain_text("Impossible de le supprimer")
    expect(dialog.get_by_role("listitem").first).to_contain_text("×")
    expect(dialog.get_by_role("button", name="Supprimer", exact=True)).to_be_hidden()
    page.keyboard.press("Escape")
    expect(dialog).to_be_hidden()
    expect(bin_button).to_be_focused()
