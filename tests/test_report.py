"""The yearly report states the seed's key figures in French and Dutch, as a page and as a PDF."""

from __future__ import annotations

import html
import io
import re
from datetime import date

import pytest
from pypdf import PdfReader

from backoffice import demo

YEAR = date.today().year - 1

FRENCH = [
    "17 référents désignés par les collèges communaux et les conseils de l'action sociale des "
    "5 communes de la zone de police",
    "Une plateforme STOPP VIF de 32 professionnels directement impliqués dans le projet ou "
    "partenaires de celui-ci, qui se réunit une fois par trimestre",
    "occupé 7,5 mois sur 12 (62,5 %)",
    "Les ateliers « La cabane », chaque premier mercredi du mois, de 14 h à 16 h, pour les enfants "
    "de 5 à 10 ans, avec un accueil des parents en parallèle",
    "conventions de partenariat avec AISOVA, GREOVA et Pôle de ressources",
]
DUTCH = [
    "17 referenten aangeduid door de gemeentecolleges en de sociale actieraden van de 5 gemeenten",
    "Een STOPP VIF-platform dat uit 32 professionals bestaat",
    "1x/trimester samenkomt",
    "bezettingsgraad van 7,5 maanden/12 (62,5%)",  # Dutch writes no space before %,
]


def visible(body: str) -> str:
    body = re.sub(r"<script.*?</script>|<[^>]+>", " ", body, flags=re.S)
    body = html.unescape(body).replace("\u202f", " ").replace("\xa0", " ")
    return re.sub(r"\s+", " ", body)


def pdf_text(data: bytes) -> str:
    text = " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)
    return re.sub(r"\s+", " ", text.replace("\xa0", " ").replace("\u202f", " "))


@pytest.fixture
def coordinator(as_role):
    demo.load()
    return as_role("coordinator")


@pytest.mark.parametrize(("language", "sentences"), [("fr", FRENCH), ("nl", DUTCH)])
def test_report_page_states_the_seed_figures(coordinator, language, sentences):
    response = coordinator.get(f"/admin/report/?year={YEAR}&lang={language}")
    assert response.status_code == 200
    page = visible(response.get_data(as_text=True))
    missing = [s for s in sentences if s not in page]
    assert missing == []
    assert f'lang="{language}"' in response.get_data(as_text=True)


@pytest.mark.parametrize(("language", "sentences"), [("fr", FRENCH[:3]), ("nl", DUTCH)])
def test_report_pdf_states_the_seed_figures(coordinator, language, sentences):
    response = coordinator.get(f"/admin/report/pdf?year={YEAR}&lang={language}")
    assert response.status_code == 200 and response.mimetype == "application/pdf"
    text = pdf_text(response.data)
    missing = [s for s in sentences if s not in text]
    assert missing == []


def test_report_is_linked_from_the_dashboard_for_the_same_year(coordinator):
    body = coordinator.get(f"/admin/?year={YEAR}").get_data(as_text=True)
    assert f"/admin/report/?year={YEAR}" in body


def test_report_page_prints_without_the_menu(coordinator):
    body = coordinator.get(f"/admin/report/?year={YEAR}").get_data(as_text=True)
    assert "dashboard.css" in body and "d-print-none" in body
    css = coordinator.get("/static/dashboard.css").get_data(as_text=True)
    assert "@media print" in css and "nav.navbar" in css


@pytest.mark.parametrize("query", ["year=1800", "year=2025&lang=xx"])
def test_impossible_report_request_is_a_404(coordinator, query):
    assert coordinator.get(f"/admin/report/?{query}").status_code == 404


def test_report_language_leaves_the_readers_screen_in_their_own(coordinator):
    body = coordinator.get(f"/admin/report/?year={YEAR}&lang=nl").get_data(as_text=True)
    screen, article = body.split('<article lang="nl"', 1)
    assert '<html lang="fr">' in screen and "Tableau de bord" in screen
    assert "Kerncijfers" in article and "referenten aangeduid" in article
