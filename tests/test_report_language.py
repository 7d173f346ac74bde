"""One language per report: a Dutch, German or English report has no French generated word."""

from __future__ import annotations

import io
import re
from datetime import date, time

import openpyxl
import pytest
from flask_babel import force_locale
from pypdf import PdfReader
from sqlalchemy import select

from backoffice import demo
from backoffice.reports import schedule
from models import db
from models.children import LAST_WEEK, Workshop
from models.housing import HousingUnit
from models.network import Municipality, Organisation

# Words of the French generated text (sentences, headings, labels, legends, months) that
# no Dutch, German or English report would use ("actions", "police", "mai" are left out).
FRENCH_WORDS = set(
    """
    chaque premier première mercredi jeudi mois du les une un aux pour avec et ou dans sur
    enfants accueil parallèle ateliers atelier séances séance tenues prévues heures référents
    désignés collèges communaux conseils communes commune plateforme professionnels impliqués
    partenaires réunit fois trimestre réseau élargi formation sensibilisation personnes touchées
    supports diffusés exemplaires appartement urgence victimes occupé logement nuitées occupées
    disponibles taux occupation ménages hébergés séjours commencés terminés durée moyenne sortie
    protocoles adoptés conventions partenariat indicateur valeur évolution
    chiffres clés rapport annuel janv févr mars avr juin juil août déc
    """.split()
)
WORD = re.compile(r"[^\W\d_]+(?:['’][^\W\d_]+)?", re.UNICODE)


@pytest.fixture
def year() -> int:
    demo.load()
    return demo.demo_year()


def typed_names() -> list[str]:
    """What users typed and the report shows as typed: names of organisations, places, units."""
    names = [
        *db.session.scalars(select(Organisation.name)),
        *(n for n in db.session.scalars(select(Organisation.short_name)) if n),
        *db.session.scalars(select(Municipality.name)),
        *db.session.scalars(select(Workshop.name)),
        *db.session.scalars(select(HousingUnit.label)),
    ]
    return sorted(names, key=len, reverse=True)


def french_words(text: str, names: list[str]) -> set[str]:
    for name in names:
        text = text.replace(name, " ")
    return {w.casefold() for w in WORD.findall(text)} & FRENCH_WORDS


def page_text(body: str) -> str:
    article = body[body.index("<article") : body.index("</article>")]
    article = re.sub(r"<script.*?</script>|<[^>]+>", " ", article, flags=re.S)
    return article.replace("&#34;", '"').replace("&#39;", "'").replace("&amp;", "&")


def pdf_text(data: bytes) -> str:
    return " ".join(page.extract_text() for page in PdfReader(io.BytesIO(data)).pages)


def xlsx_text(data: bytes) -> str:
    book = openpyxl.load_workbook(io.BytesIO(data))
    texts = [sheet.title for sheet in book.worksheets]
    for sheet in book.worksheets:
        texts += [c for row in sheet.iter_rows(values_only=True) for c in row if isinstance(c, str)]
    return "\n".join(texts)


def test_the_word_list_finds_the_french_report(year, as_role):
    coordinator = as_role("coordinator")
    body = coordinator.get(f"/admin/report/?year={year}&lang=fr").get_data(as_text=True)

    assert len(french_words(page_text(body), typed_names())) > 40


@pytest.mark.parametrize("language", ["nl", "de", "en"])
def test_page_pdf_and_workbook_have_no_french_word_of_generated_text(year, as_role, language):
    coordinator = as_role("coordinator")
    query = f"year={year}&lang={language}"
    names = typed_names()

    page = page_text(coordinator.get(f"/admin/report/?{query}").get_data(as_text=True))
    pdf = pdf_text(coordinator.get(f"/admin/report/pdf?{query}").data)
    workbook = xlsx_text(coordinator.get(f"/admin/report/xlsx?{query}").data)

    assert french_words(page, names) == set()
    assert french_words(pdf, names) == set()
    assert french_words(workbook, names) == set()


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("fr", "chaque premier mercredi du mois, de 14 h à 16 h 30"),
        ("nl", "elke eerste woensdag van de maand, van 14 uur tot 16.30 uur"),
        ("de", "jeden ersten Mittwoch im Monat, von 14 Uhr bis 16:30 Uhr"),
        ("en", "every first Wednesday of the month, from 14:00 to 16:30"),
    ],
)
def test_a_workshops_schedule_is_written_in_each_language(language, expected):
    workshop = Workshop(
        name="La cabane", week_of_month=1, weekday=2, starts_at=time(14), ends_at=time(16, 30)
    )

    with force_locale(language):
        assert schedule.describe(workshop) == expected


def test_a_last_thursday_workshop_plans_the_last_thursdays_of_the_days_it_was_held():
    workshop = Workshop(
        name="Atelier", week_of_month=LAST_WEEK, weekday=3, starts_on=date(2025, 2, 1)
    )

    days = workshop.meeting_days(date(2025, 1, 1), date(2025, 4, 30))

    assert days == [date(2025, 2, 27), date(2025, 3, 27), date(2025, 4, 24)]
    with force_locale("en"):
        assert schedule.describe(workshop) == "every last Thursday of the month"
