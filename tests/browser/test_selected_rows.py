"""An action on the selected rows asks in the page's own dialog, never in the browser's box."""

from __future__ import annotations

from playwright.sync_api import Page, expect

from .screens import field, login, rows, save

NAMES = ("Quenette-Essai", "Quenette-Second")


def with_selected(page: Page) -> None:
    """Open "With selected" and choose its delete action."""
    menu = page.locator(".dropdown-menu:has([data-model-action])")
    menu.locator("xpath=preceding-sibling::a[1]").click()
    menu.locator("[data-model-action='delete']").click()


def test_deleting_selected_rows_asks_in_the_page(page: Page):
    browser_boxes = []
    page.on("dialog", lambda box: (browser_boxes.append(box.message), box.dismiss()))
    login(page, "secretariat")
    for name in NAMES:
        page.goto("/admin/person/new/")
        field(page, "Nom").fill(name)
        field(page, "Prénom").fill("Alex")
        save(page)
    page.goto("/admin/person/?search=Quenette")
    expect(rows(page, "Quenette")).to_have_count(2)
    dialog = page.locator("#action-dialog")

    with_selected(page)  # nothing selected yet: the dialog says so, and offers no action
    expect(dialog).to_be_visible()
    expect(dialog.get_by_role("button", name="Supprimer")).to_be_hidden()
    dialog.get_by_role("button", name="Annuler").click()
    expect(dialog).to_be_hidden()

    for name in NAMES:
        rows(page, name).locator("input.action-checkbox").check()
    with_selected(page)
    expect(dialog).to_be_visible()
    expect(dialog.locator(".action-dialog-text")).not_to_be_empty()
    dialog.get_by_role("button", name="Supprimer").click()

    expect(rows(page, "Quenette")).to_have_count(0)
    expect(page.locator(".alert").first).to_contain_text("2")
    assert browser_boxes == []
