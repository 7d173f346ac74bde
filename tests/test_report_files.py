"""The yearly report as the funders receive it: a PDF to read, a workbook to count with."""

from __future__ import annotations

import io
import re
from datetime import date, datetime

import openpyxl
import pypdf
import pytest
from flask_babel import force_locale
from sqlalchemy import select

from backoffice import demo
from backoffice.dashboard.charts import Chart, Series
from backoffice.dashboard.values import Value, count, decimal, months, nights, share
from backoffice.reports.content import Axis, Report, Row, Table
from backoffice.reports.pdf import render_pdf
from backoffice.reports.workbook import render_xlsx, sheet_name
from models import db
from models.audit import AuditEntry
from tests.helpers import not_shown

XLSX = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"


def chart(key: str, title: str, categories: list, series: list[tuple[str, list]], **spec) -> Chart:
    """A chart of counts, as backoffice.dashboard.charts builds them."""
    return Chart(
        key,
        title,
        "Commune",
        categories,
        [Series(label, [count(n) for n in data]) for label, data in series],
        **spec,
    )


def row(label: str, value: Value, previous: Value | None = None) -> Row:
    return Row(label.casefold(), label, value, previous)


def table(title: str, first: str, rows: list[Row]) -> Table:
    return Table(title, [first, 2024, 2023, "Évolution"], rows)


def french_report(**changes) -> Report:
    fields = {
        "year": 2024,
        "title": "STOPP VIF – rapport annuel 2024",
        "introduction": "Les cinq communes de la zone de police Secova…",
        "key_figures": [
            "17 Référents désignés par les collèges communaux et les CPAS ;",
            "Les ateliers «La cabane», chaque premier mercredi du mois ;",
            "4 supports de communication diffusés (15\u202f300 exemplaires) ;",
        ],
        "axes": [
            Axis(
                "2. Mutualisation des moyens pour le logement d'urgence",
                [
                    table(
                        "Logement d'urgence",
                        "Indicateur",
                        [
                            row("Nuitées occupées", nights(228), nights(200)),
                            row("Taux d'occupation", share(0.625), share(0.5)),
                            row("Mois occupés", months(7.5)),
                            row("Durée moyenne de séjour (nuitées)", decimal(None)),
                        ],
                    ),
                    table("Destinations à la sortie", "Destination", [row("Famille", count(1))]),
                ],
            )
        ],
        "charts": [
            chart(
                "awareness",
                "Actions de sensibilisation par commune",
                ["Aywaille", "Esneux", "Trooz"],
                [("Actions", [3, 0, 1])],
                counts=True,
            ),
            chart(
                "children",
                "Fréquentation mensuelle des ateliers",
                [date(2024, 1, 1), date(2024, 2, 1)],
                [("Enfants", [6, 9]), ("Parents", [4, 5])],
                stacked=True,
            ),
        ],
    }
    return Report(**{**fields, **changes})


def pdf_text(data: bytes) -> str:
    """The text a reader copies out of the PDF, spaces and line breaks folded."""
    reader = pypdf.PdfReader(io.BytesIO(data))
    return " ".join(" ".join(page.extract_text() for page in reader.pages).split())


def rendered_pdf(report: Report, language: str = "fr") -> bytes:
    with force_locale(language):
        return render_pdf(report)


def rendered_workbook(report: Report, language: str = "fr") -> openpyxl.Workbook:
    with force_locale(language):
        data = render_xlsx(report)
    return openpyxl.load_workbook(io.BytesIO(data))


def cells(sheet) -> list[list]:
    return [[c for c in row if c is not None] for row in sheet.iter_rows(values_only=True)]


# --- PDF ------------------------------------------------------------------------------------


def test_pdf_has_title_key_figures_tables_and_charts_with_accents():
    text = pdf_text(rendered_pdf(french_report()))

    assert text.startswith("STOPP VIF – rapport annuel 2024")
    key_figures = [
        "17 Référents désignés par les collèges communaux et les CPAS ;",
        "Les ateliers «La cabane», chaque premier mercredi du mois ;",
        "15 300 exemplaires",
    ]
    tables = [
        "2. Mutualisation des moyens pour le logement d'urgence",
        "Nuitées occupées 228 200 +28",
    ]
    tables += ["Taux d'occupation 62,5 % 50 % +12,5 %", "Famille 1", "Mois occupés 7,5 – –"]
    charts = ["Actions de sensibilisation par commune", "Aywaille 3", "Trooz 1", "févr. 2024 9 5"]
    assert not_shown(text, *key_figures, *tables, *charts) == []


def test_pdf_is_titled_and_in_the_report_language():
    reader = pypdf.PdfReader(io.BytesIO(rendered_pdf(french_report(), "nl")))

    assert reader.metadata.title == "STOPP VIF – rapport annuel 2024"
    assert reader.trailer["/Root"]["/Lang"] == "nl"
    assert reader.pages[0].mediabox.width == pytest.approx(595.27, abs=0.1)  # A4


def test_numbers_are_written_in_the_report_language():
    report = french_report(axes=[Axis("Axe", [table("T", "Indicateur", [row("X", count(2020))])])])

    assert "X 2 020" in pdf_text(rendered_pdf(report, "fr"))
    assert "X 2,020" in pdf_text(rendered_pdf(report, "en"))


def test_markup_characters_in_text_are_printed_as_they_are():
    report = french_report(
        title="Rapport <b>A & B</b>",
        key_figures=["Partenaires : Aide & Soins <à domicile>, 3 < 5 ;"],
        axes=[Axis("Axe <1>", [table("A & B", "<x>", [row("Café & <b>", count(1))])])],
    )
    text = pdf_text(rendered_pdf(report))

    assert text.startswith("Rapport <b>A & B</b>")
    assert "Partenaires : Aide & Soins <à domicile>, 3 < 5 ;" in text
    assert "Café & <b> 1" in text


def test_letters_helvetica_lacks_print_as_their_base_letter():
    report = french_report(key_figures=["Fundacja Łódź, Ştefan Yılmaz, Vrĳwilligers, e\u2011mail"])

    assert "Fundacja Lódz, Stefan Yilmaz, Vrijwilligers, e-mail" in pdf_text(rendered_pdf(report))


def test_charts_without_data_still_give_a_pdf_with_their_tables():
    report = french_report(
        charts=[
            chart("housing", "Occupation mensuelle (%)", ["janv.", "févr."], [("%", [0, 0])]),
            chart("awareness", "Actions par commune", [], [("Actions", [])]),
        ]
    )
    text = pdf_text(rendered_pdf(report))

    assert "Occupation mensuelle (%)" in text and "févr. 0" in text
    assert "Actions par commune" in text


# --- workbook -------------------------------------------------------------------------------


def test_workbook_has_key_figures_then_a_sheet_per_axis_and_per_chart():
    workbook = rendered_workbook(french_report())

    assert workbook.sheetnames == [
        "Chiffres clés",
        "2. Mutualisation des moyens",
        "Actions de sensibilisation par",
        "Fréquentation mensuelle des",
    ]
    sentences = [row[0] for row in cells(workbook["Chiffres clés"]) if row]
    assert sentences[0] == "STOPP VIF – rapport annuel 2024"
    assert "Les ateliers «La cabane», chaque premier mercredi du mois ;" in sentences
    assert "17 Référents désignés par les collèges communaux et les CPAS ;" in sentences
    assert cells(workbook["Fréquentation mensuelle des"]) == [
        ["Fréquentation mensuelle des ateliers"],
        ["Commune", "Enfants", "Parents"],
        [datetime(2024, 1, 1), 6, 4],
        [datetime(2024, 2, 1), 9, 5],
    ]
    assert workbook.properties.title == "STOPP VIF – rapport annuel 2024"
    assert workbook.properties.language == "fr"


def test_workbook_keeps_numbers_as_numbers_with_their_format():
    sheet = rendered_workbook(french_report())["2. Mutualisation des moyens"]

    assert cells(sheet) == [
        ["Logement d'urgence"],
        ["Indicateur", 2024, 2023, "Évolution"],
        ["Nuitées occupées", 228, 200, 28],
        ["Taux d'occupation", 0.625, 0.5, 0.125],
        ["Mois occupés", 7.5],
        ["Durée moyenne de séjour (nuitées)"],
        [],
        ["Destinations à la sortie"],
        ["Destination", 2024, 2023, "Évolution"],
        ["Famille", 1],
    ]
    assert [c.number_format for c in sheet[4][1:]] == ["0.0%", "0.0%", "+0.0%;-0.0%;0.0%"]
    assert sheet["B3"].number_format == "#,##0"
    assert sheet["B5"].number_format == "0.0"


def test_text_that_looks_like_a_formula_stays_text():
    report = french_report(
        axes=[Axis("Axe", [table("T", "Commune", [row('=HYPERLINK("x")', count(1))])])]
    )
    cell = rendered_workbook(report)["Axe"]["A3"]

    assert (cell.value, cell.data_type) == ('\'=HYPERLINK("x")', "s")


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        ("Actions de sensibilisation par commune", "Actions de sensibilisation par"),
        ("Taux : entrées/sorties [2024]?", "Taux entrées sorties 2024"),
        ("'Cité'", "Cité"),
        ("A" * 40, "A" * 31),
        ("", "Sheet"),
    ],
)
def test_sheet_names_are_valid_for_excel(title, expected):
    assert sheet_name(title, set()) == expected


def test_sheet_names_stay_distinct_ignoring_case():
    taken: set[str] = set()
    names = [
        sheet_name(t, taken) for t in ("Actions", "ACTIONS", "Actions de sensibilisation par a")
    ]

    assert names == ["Actions", "ACTIONS (2)", "Actions de sensibilisation par"]
    assert len({n.casefold() for n in names}) == 3


# --- downloads, on the demo data --------------------------------------------------------------


@pytest.fixture
def demo_year() -> int:
    demo.load()
    return demo.demo_year()


def exports() -> list[tuple[str, str]]:
    statement = select(AuditEntry).where(AuditEntry.action == "export").order_by(AuditEntry.id)
    return [(entry.username, entry.detail) for entry in db.session.scalars(statement)]


def test_coordinator_downloads_the_french_pdf_with_the_seed_figures(demo_year, as_role):
    response = as_role("coordinator").get(f"/admin/report/pdf?year={demo_year}&lang=fr")

    assert response.status_code == 200
    assert response.mimetype == "application/pdf"
    assert f'filename="stopp-vif-{demo_year}-fr.pdf"' in response.headers["Content-Disposition"]
    text = pdf_text(response.data)
    assert f"STOPP VIF – rapport annuel {demo_year}" in text
    assert "17 référents désignés" in text
    assert "Une plateforme STOPP VIF de 32 professionnels" in text
    assert "occupé 7,5 mois sur 12 (62,5 %)" in text and "Mois occupés 7,5" in text
    assert exports() == [("coordinator", f"report {demo_year} fr pdf")]


def test_coordinator_downloads_the_french_workbook_with_the_seed_figures(demo_year, as_role):
    response = as_role("coordinator").get(f"/admin/report/xlsx?year={demo_year}&lang=fr")

    assert response.status_code == 200
    assert response.mimetype == XLSX
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))
    sentences = [row[0] for row in cells(workbook["Chiffres clés"]) if row]
    assert any(s.startswith("17 référents désignés") for s in sentences)
    assert any(s.startswith("Une plateforme STOPP VIF de 32 professionnels") for s in sentences)
    values = {
        row[0]: row[1] for sheet in workbook.worksheets[1:] for row in cells(sheet) if len(row) >= 2
    }
    assert values["Référents actifs"] == 17
    assert values["Membres de la plateforme"] == 32
    # The exact figures, written to one decimal by their cell format: "7,5" and "62,5 %".
    assert values["Mois occupés"] == pytest.approx(7.5, abs=0.05)
    assert values["Taux d'occupation"] == pytest.approx(0.625, abs=0.0005)
    assert exports() == [("coordinator", f"report {demo_year} fr xlsx")]


@pytest.mark.parametrize(("kind", "mimetype"), [("pdf", "application/pdf"), ("xlsx", XLSX)])
def test_dutch_report_downloads(demo_year, as_role, kind, mimetype):
    response = as_role("coordinator").get(f"/admin/report/{kind}?year={demo_year}&lang=nl")

    assert response.status_code == 200
    assert response.mimetype == mimetype
    assert response.data.startswith(b"%PDF" if kind == "pdf" else b"PK")


@pytest.mark.parametrize("kind", ["pdf", "xlsx"])
def test_partner_may_not_download_the_report(demo_year, as_role, kind):
    response = as_role("partner").get(f"/admin/report/{kind}?year={demo_year}&lang=fr")

    assert response.status_code == 403
    assert exports() == []


# Digits with the separators of some language, perhaps a percent sign: a number written as text.
NUMBER_AS_TEXT = re.compile(r"[-+]?\d[\d.,'\u00a0\u202f ]*\s?%?")


@pytest.mark.parametrize("language", ["fr", "nl", "de", "en"])
def test_every_number_of_the_workbook_is_a_number_cell(demo_year, as_role, language):
    response = as_role("coordinator").get(f"/admin/report/xlsx?year={demo_year}&lang={language}")
    workbook = openpyxl.load_workbook(io.BytesIO(response.data))

    written_as_text = [
        (sheet.title, cell.coordinate, cell.value)
        for sheet in workbook.worksheets
        for line in sheet.iter_rows()
        for cell in line
        if isinstance(cell.value, str) and NUMBER_AS_TEXT.fullmatch(cell.value.strip())
    ]
    numbers = [
        cell
        for sheet in workbook.worksheets[1:]
        for line in sheet.iter_rows()
        for cell in line
        if isinstance(cell.value, int | float)
    ]
    assert written_as_text == []
    assert len(numbers) > 100
    assert all(cell.number_format != "General" for cell in numbers)
