"""The coordinator reads the dashboard for a year, a quarter and a municipality, then the report."""

import re
from datetime import date

from playwright.sync_api import expect

from . import files
from .screens import download, login, open_menu, switch_language

# The demo network's figures are those of the demo year, the year before this one.
DEMO_YEAR = date.today().year - 1


def heading(page, name):
    return page.get_by_role("heading", name=name)


def figure(page, label: str):
    """The value of the dashboard's figure card labelled `label`."""
    card = page.locator(".figure-card").filter(has=page.get_by_text(label, exact=True))
    return card.locator(".figure-value")


def show_period(page, year: int, quarter: str, municipality: str) -> None:
    period = page.get_by_role("form", name="Période")
    period.get_by_label("Année").select_option(str(year))
    period.get_by_label("Trimestre").select_option(label=quarter)
    period.get_by_label("Commune").select_option(label=municipality)
    period.get_by_role("button", name="Afficher").click()


def test_coordinator_reads_the_dashboard_and_the_yearly_report(page):
    login(page, "coordinator")
    expect(heading(page, re.compile("Chiffres clés"))).to_be_visible()

    show_period(page, DEMO_YEAR, "Toute l'année", "Les cinq")
    expect(page).to_have_url(re.compile(rf"year={DEMO_YEAR}"))  # a view that can be bookmarked
    expect(heading(page, f"Chiffres clés {DEMO_YEAR}")).to_be_visible()
    expect(figure(page, "référents actifs")).to_have_text("17")
    expect(figure(page, "membres de la plateforme")).to_have_text("32")
    expect(figure(page, "occupation")).to_have_text("7,5 mois sur 12 (62,5 %)")
    expect(figure(page, "séances d'atelier tenues")).to_have_text("12 sur 12")

    show_period(page, DEMO_YEAR, "T3", "Aywaille")
    expect(
        page.get_by_role("heading", name=f"Chiffres clés T3 {DEMO_YEAR} – Aywaille")
    ).to_be_visible()
    expect(figure(page, "référents actifs")).to_have_text("4")
    expect(figure(page, "réunions de plateforme tenues")).to_have_text("1 sur 1")

    switch_language(page, "nl")
    expect(
        page.get_by_role("heading", name=f"Kerncijfers voor K3 {DEMO_YEAR} – Aywaille")
    ).to_be_visible()
    switch_language(page, "fr")

    page.get_by_role("link", name=f"Rapport annuel {DEMO_YEAR}").click()
    expect(
        page.get_by_role("heading", name=f"STOPP VIF – rapport annuel {DEMO_YEAR}")
    ).to_be_visible()
    expect(page.get_by_text("occupé 7,5 mois sur 12 (62,5 %)").first).to_be_visible()

    text = files.pdf_text(download(page, page.get_by_role("link", name="PDF", exact=True)))
    assert f"rapport annuel {DEMO_YEAR}" in text
    assert "17 référents désignés" in text
    assert "7,5 mois sur 12 (62,5 %)" in text

    workbook = download(page, page.get_by_role("link", name="XLSX", exact=True))
    figures = {
        row[0]: row[1]
        for sheet in files.xlsx_workbook(workbook).worksheets
        for row in sheet.iter_rows(values_only=True)
        if len(row) > 1
    }
    assert figures["Séances de formation"] == 5
    assert figures["Heures de formation"] == 25


def test_coordinator_opens_the_report_from_the_menu(page):
    login(page, "coordinator")
    open_menu(page, "Rapport annuel")
    expect(
        page.get_by_role("heading", name=re.compile("STOPP VIF – rapport annuel"))
    ).to_be_visible()
