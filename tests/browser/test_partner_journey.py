"""A partner browses the network, reads the overview, and never reaches emergency housing."""

import re

import pytest
from playwright.sync_api import expect

from . import files
from .screens import download, list_count, login, menu_entries, open_menu, rows, switch_language


def test_partner_browses_the_network_and_its_overview(page, axe_violations):
    login(page, "partner")
    entries = menu_entries(page)
    assert "Réseau" in entries and "Conventions" in entries
    assert "Logement d'urgence" not in entries and "Séjours" not in entries
    assert "Administration" not in entries

    open_menu(page, "Réseau", "Organisations")
    assert list_count(page) == 22
    expect(page.locator(".nav-tabs").get_by_role("link", name="Créer")).to_have_count(0)

    open_menu(page, "Conventions", "Conventions")
    assert list_count(page) == 1, "a partner reads its own organisation's agreements only"
    expect(rows(page, "GREOVA")).to_have_count(1)

    switch_language(page, "de")
    expect(page.locator(".nav-tabs .nav-link.active")).to_have_text("Liste (1)")
    switch_language(page, "fr")

    open_menu(page, "Réseau", "Vue d'ensemble du réseau")
    expect(page.get_by_role("heading", name="Vue d'ensemble du réseau")).to_be_visible()
    expect(page.get_by_text("Organisations actives : 22.")).to_be_visible()
    header, body = files.csv_rows(
        download(page, page.get_by_role("link", name="Exporter les organisations (CSV)"))
    )
    assert len(body) == 22, "the CSV export holds every active organisation"
    assert any("GREOVA" in cell for row in body for cell in row)
    workbook = files.xlsx_workbook(download(page, page.get_by_role("link", name="Exporter (XLSX)")))
    organisations = list(workbook.worksheets[0].iter_rows(values_only=True))[1:]
    assert len(organisations) == 22, "the workbook holds every active organisation"

    assert isinstance(axe_violations(page), list)  # accessibility is checked in a later step


@pytest.mark.parametrize("address", ["/admin/housingstay/", "/admin/housingstay/export/csv/"])
def test_partner_is_refused_housing_by_address(page, watch, address):
    login(page, "partner")
    watch.expect_console_error("403")  # the browser notes the refused page
    response = page.goto(address)
    assert response.status == 403
    expect(page.get_by_role("heading", name="Accès refusé")).to_be_visible()
    expect(page.get_by_text(re.compile("M-[A-Z0-9]{6}"))).to_have_count(0)
