"""The administrator creates and deactivates an account, then reads it all in the audit log."""

import re

from playwright.sync_api import expect

from .screens import (
    choose,
    field,
    list_count,
    log_in_as,
    login,
    logout,
    open_menu,
    open_row,
    rows,
    save,
    search,
    switch_language,
)
from .server import ACCOUNTS

NEW_USER = "nadia.secretariat"
NEW_PASSWORD = "Orage sur la vallée de l'Amblève, 47 marmottes"


def test_administrator_creates_and_deactivates_an_account(page, watch):
    administrator = ACCOUNTS["administrator"][0]
    login(page, "administrator")
    open_menu(page, "Administration", "Comptes utilisateurs")
    total = list_count(page)

    page.locator(".nav-tabs").get_by_role("link", name="Créer", exact=True).click()
    field(page, "Nom d'utilisateur").fill(NEW_USER)
    choose(page, "Rôle", "Secrétariat")
    field(page, "Nouveau mot de passe").fill(NEW_PASSWORD)
    save(page)
    assert list_count(page) == total + 1
    expect(rows(page, NEW_USER).filter(has_text="Secrétariat")).to_have_count(1)

    switch_language(page, "en")
    expect(page.get_by_role("heading", name="User accounts")).to_be_visible()
    switch_language(page, "fr")

    logout(page, administrator)
    log_in_as(page, NEW_USER, NEW_PASSWORD)
    expect(page.get_by_role("heading", name=re.compile("Chiffres clés"))).to_be_visible()
    logout(page, NEW_USER)

    login(page, "administrator")
    open_menu(page, "Administration", "Comptes utilisateurs")
    open_row(page, NEW_USER, "Modifier")
    field(page, "Actif").uncheck()
    save(page)

    logout(page, administrator)
    watch.expect_console_error("401")  # the browser notes the refused login
    log_in_as(page, NEW_USER, NEW_PASSWORD)
    expect(page.get_by_text("Nom d'utilisateur inconnu ou mot de passe erroné.")).to_be_visible()

    login(page, "administrator")
    open_menu(page, "Administration", "Journal d'audit")
    search(page, NEW_USER)
    for action in ("Création", "Modification", "Connexion", "Échec de connexion"):
        expect(rows(page, action).first).to_be_visible()
    created = rows(page, "Création").filter(has_text=administrator)
    expect(created).to_have_count(1)
    # When it happened, to the minute, in Brussels time.
    expect(created.locator("td.col-at")).to_have_text(re.compile(r"\d{1,2}:\d{2}"))
