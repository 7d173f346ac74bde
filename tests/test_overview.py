"""The network overview: every role reads the active partners and current referents by town."""

from __future__ import annotations

import csv
import html
import io
import re

import openpyxl
import pytest
from sqlalchemy import event, select

from backoffice import demo
from models import db
from models.audit import AuditEntry
from models.housing import HousingUnit
from models.network import Municipality, Organisation, ReferentAppointment
from tests import factories

TOWNS = ["Aywaille", "Chaudfontaine", "Esneux", "Sprimont", "Trooz"]
REGIONAL = "Organisations régionales"
ROLES = ["administrator", "secretariat", "coordinator", "partner"]
ORGANISATION_HEADERS = [
    "Commune",
    "Type",
    "Nom",
    "Sigle",
    "Adresse",
    "Téléphone",
    "E-mail",
    "Site web",
]
SECTION = re.compile(r'<section class="overview-section[^"]*"[^>]*>(.*?)</section>', re.S)
TITLE = re.compile(r"<h2[^>]*>(.*?)</h2>", re.S)
REFERENT_TABLE = re.compile(r'<table class="[^"]*overview-referents">(.*?)</table>', re.S)


def sections(page: str) -> dict[str, str]:
    """Section title -> its HTML, in the page's order."""
    found = {}
    for body in SECTION.findall(page):
        found[html.unescape(TITLE.search(body).group(1).strip())] = html.unescape(body)
    return found


def town(name: str) -> Municipality:
    return db.session.scalar(select(Municipality).where(Municipality.name == name))


def csv_rows(response) -> list[list[str]]:
    return list(csv.reader(io.StringIO(response.get_data().decode("utf-8-sig"))))


def xlsx_sheets(response) -> dict[str, list[list[str]]]:
    workbook = openpyxl.load_workbook(io.BytesIO(response.get_data()))
    return {
        sheet.title: [[cell or "" for cell in row] for row in sheet.iter_rows(values_only=True)]
        for sheet in workbook.worksheets
    }


def exports() -> list[AuditEntry]:
    return list(db.session.scalars(select(AuditEntry).where(AuditEntry.action == "export")))


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_the_five_towns_then_the_regional_organisations(as_role, role):
    demo.load()
    page = as_role(role).get("/network-overview/").get_data(as_text=True)

    found = sections(page)
    assert list(found) == [*TOWNS, REGIONAL]
    for short_name in ("GREOVA", "AISOVA", "Pôle de ressources", "SAPV Secova"):
        assert short_name in found[REGIONAL]
        assert all(short_name not in found[name] for name in TOWNS)
    assert "CPAS de Esneux" in found["Esneux"]
    assert "CPAS de Esneux" not in found["Sprimont"]
    assert "Agence immobilière sociale" in found[REGIONAL]  # kinds are translated


@pytest.mark.parametrize("role", ROLES)
def test_every_role_reads_the_seventeen_current_referents_under_their_town(as_role, role):
    demo.load()
    page = as_role(role).get("/network-overview/").get_data(as_text=True)

    found = sections(page)
    # The demo's first referent: appointed by the municipal executive of Aywaille.
    assert "Anne Lambotte" in found["Aywaille"]
    assert "Collège communal" in found["Aywaille"]
    assert "Conseil de l'action sociale (CPAS)" in found["Aywaille"]
    assert "Anne Lambotte" not in found["Chaudfontaine"]
    # 4 + 4 + 3 + 3 + 3 referents: the 17 of the network's summary.
    rows = [REFERENT_TABLE.search(found[name]).group(1).count("<tr>") - 1 for name in TOWNS]
    assert rows == [4, 4, 3, 3, 3]
    assert "Référents actuellement désignés : 17." in page


def test_a_referent_whose_appointment_ended_is_not_listed(client):
    demo.load()
    ended = db.session.scalar(
        select(ReferentAppointment).where(ReferentAppointment.ends_on.is_not(None))
    )

    page = client.get("/network-overview/").get_data(as_text=True)

    assert ended.person.last_name not in page


def test_an_archived_organisation_is_left_out_of_the_page_and_the_exports(client):
    demo.load()
    factories.organisation("Ancienne maison de quartier", municipality=town("Trooz"), active=False)
    factories.organisation("Maison de quartier de Trooz", municipality=town("Trooz"))

    page = client.get("/network-overview/").get_data(as_text=True)
    listed = [row[2] for row in csv_rows(client.get("/network-overview/export/csv"))]

    assert "Maison de quartier de Trooz" in sections(page)["Trooz"]
    assert "Ancienne maison de quartier" not in page
    assert "Maison de quartier de Trooz" in listed
    assert "Ancienne maison de quartier" not in listed


def test_contact_details_become_links_only_when_they_are_safe(client):
    factories.organisation(
        "Maison médicale du centre",
        address="Rue du Centre 1, 4920 Aywaille",
        phone="+32 4 384 00 00",
        email="accueil@maison-medicale.example",
        website="www.maison-medicale.example",
    )
    factories.organisation(
        "Association douteuse", email="x@y.be?cc=z@evil.example", website="javascript:alert(1)"
    )

    page = client.get("/network-overview/").get_data(as_text=True)

    assert "Rue du Centre 1, 4920 Aywaille" in page
    assert 'href="tel:+3243840000"' in page
    assert 'href="mailto:accueil@maison-medicale.example"' in page
    assert 'href="https://www.maison-medicale.example"' in page
    assert "javascript:alert(1)" in page  # shown as text ...
    assert 'href="javascript' not in page  # ... never as a link
    assert "mailto:x@y.be" not in page


def test_stored_markup_in_an_organisation_is_shown_as_text(client):
    factories.organisation(
        '<script>alert("x")</script>', short_name="<b>ASBL</b>", address="<img src=x>"
    )

    page = client.get("/network-overview/").get_data(as_text=True)

    assert "<script>alert" not in page and "<b>ASBL" not in page and "<img src=x>" not in page
    assert "&lt;script&gt;alert(&#34;x&#34;)&lt;/script&gt;" in page
    assert "&lt;b&gt;ASBL&lt;/b&gt;" in page


@pytest.mark.parametrize("role", ROLES)
def test_no_trace_of_emergency_housing_anywhere(as_role, role):
    demo.load()
    unit = db.session.scalars(select(HousingUnit)).one()
    unit.label, unit.address = "CANARY-UNIT-LABEL-4410", "CANARY-ADDRESS-8812"
    db.session.commit()
    browser = as_role(role)

    bodies = [
        browser.get("/network-overview/").get_data(as_text=True),
        browser.get("/network-overview/export/csv").get_data().decode("utf-8-sig"),
        str(xlsx_sheets(browser.get("/network-overview/export/xlsx"))),
    ]

    assert "AISOVA" in bodies[0] and "AISOVA" in bodies[1] and "AISOVA" in bodies[2]
    for body in bodies:
        assert "CANARY" not in body


def test_csv_export_lists_the_organisations_under_translated_headers_and_is_audited(as_role):
    demo.load()

    response = as_role("partner").get("/network-overview/export/csv")

    assert response.status_code == 200
    assert response.mimetype == "text/csv"
    assert "attachment" in response.headers["Content-Disposition"]
    rows = csv_rows(response)
    assert rows[0] == ORGANISATION_HEADERS
    by_name = {row[2]: row for row in rows[1:]}
    active = db.session.scalars(select(Organisation).where(Organisation.active)).all()
    assert len(by_name) == len(rows) - 1 == len(active)  # the test partner's own one too
    assert by_name["CPAS de Aywaille"][:2] == ["Aywaille", "CPAS"]
    greova = by_name["Groupement Régional Économique Ourthe-Vesdre-Amblève"]
    assert greova[:4] == ["", "Organisme régional", greova[2], "GREOVA"]
    pole = by_name["Pôle de ressources spécialisées en violences conjugales et intrafamiliales"]
    assert pole[5] == "0800 30 030"
    [entry] = exports()
    assert (entry.username, entry.table_name) == ("partner-Partenaire test", "organisation")
    assert entry.detail == f"{len(active)} organisations /network-overview/export/csv"


def test_xlsx_export_has_organisations_and_referents_sheets_and_is_audited(client):
    demo.load()

    response = client.get("/network-overview/export/xlsx")

    assert response.status_code == 200
    sheets = xlsx_sheets(response)
    assert list(sheets) == ["Organisations", "Référents"]
    organisations, referents = sheets["Organisations"], sheets["Référents"]
    assert organisations[0] == ORGANISATION_HEADERS
    assert "AISOVA" in [row[3] for row in organisations]
    assert referents[0] == ["Commune", "Nom", "Fonction", "Organisation", "Désigné par"]
    assert len(referents) == 1 + 17
    # By town, then by last name: Collard, Dethier, Halleux, Lambotte in Aywaille.
    assert [row[1] for row in referents[1:5]] == [
        "Camille Collard",
        "Benoît Dethier",
        "David Halleux",
        "Anne Lambotte",
    ]
    assert referents[4][3:] == ["Service social de Aywaille", "Collège communal"]
    [entry] = exports()
    assert (entry.username, entry.table_name) == ("secretariat", "organisation")
    assert "17 referents" in entry.detail


def test_exported_cells_cannot_run_as_formulas(client):
    factories.organisation('=HYPERLINK("http://evil.example","x")', phone="+32 4 384 00 00")

    [row] = csv_rows(client.get("/network-overview/export/csv"))[1:]
    [xlsx_row] = xlsx_sheets(client.get("/network-overview/export/xlsx"))["Organisations"][1:]

    assert row[2] == xlsx_row[2] == '\'=HYPERLINK("http://evil.example","x")'
    # A phone number is text like any other: it too is kept from being read as a formula.
    assert row[5] == xlsx_row[5] == "'+32 4 384 00 00"


@pytest.mark.parametrize("fmt", ["pdf", "json", "xls"])
def test_other_export_formats_do_not_exist(client, fmt):
    assert client.get(f"/network-overview/export/{fmt}").status_code == 404
    assert exports() == []


@pytest.mark.parametrize(
    "url", ["/network-overview/", "/network-overview/export/csv", "/network-overview/export/pdf"]
)
def test_anonymous_visitors_are_sent_to_the_login_page(anonymous, url):
    response = anonymous.get(url)

    assert response.status_code == 302
    assert response.headers["Location"].startswith("/login")
    assert exports() == []


def test_the_page_prints_without_navigation_one_town_per_sheet(client, app):
    page = client.get("/network-overview/").get_data(as_text=True)
    stylesheet = client.get("/static/overview.css")

    assert '<link href="/static/overview.css' in page
    assert "<script" not in page  # the Content-Security-Policy allows no inline script
    assert stylesheet.status_code == 200
    css = stylesheet.get_data(as_text=True)
    assert "@media print" in css and ".navbar" in css and "break-before: page" in css


def test_the_home_page_links_to_the_overview(as_role):
    page = as_role("partner").get("/admin/").get_data(as_text=True)

    assert 'href="/network-overview/"' in page
    assert "Vue d'ensemble du réseau" in html.unescape(page)


def test_the_page_reads_the_database_in_a_fixed_number_of_queries(client):
    demo.load()
    statements: list[str] = []

    def count(conn, cursor, statement, *args):
        statements.append(statement)

    event.listen(db.engine, "before_cursor_execute", count)
    try:
        client.get("/network-overview/")
        with_demo = len(statements)
        for name in TOWNS:
            # Archived: not among the organisations listed, so not already in the session.
            org = factories.organisation(f"Ancien planning de {name}", active=False)
            factories.referent(municipality=town(name), person=factories.person(organisation=org))
        statements.clear()
        client.get("/network-overview/")
        with_more = len(statements)
    finally:
        event.remove(db.engine, "before_cursor_execute", count)

    assert with_more == with_demo
