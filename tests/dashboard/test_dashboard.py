"""The dashboard as each role sees it, on the demo data."""

from __future__ import annotations

import html
import json
import re
from datetime import date

import pytest

from backoffice import demo
from tests.helpers import not_shown

YEAR = date.today().year - 1


@pytest.fixture
def demo_data():
    demo.load()


def text(response) -> str:
    """The page's visible text, tags removed and spaces folded."""
    body = re.sub(r"<script.*?</script>|<[^>]+>", " ", response.get_data(as_text=True), flags=re.S)
    body = html.unescape(body).replace("\u202f", " ").replace("\xa0", " ")
    return re.sub(r"\s+", " ", body)


def test_dashboard_is_the_home_page_with_the_seed_figures(demo_data, as_role):
    page = text(as_role("coordinator").get(f"/admin/?year={YEAR}"))
    assert f"Chiffres clés {YEAR}" in page
    network = ["17 référents actifs", "32 membres de la plateforme"]
    meetings, workshops = (
        "4 sur 4 réunions de plateforme tenues",
        "12 sur 12 séances d'atelier tenues",
    )
    housing = ["7,5 mois sur 12 (62,5 %)", "228 / 365"]
    assert not_shown(page, *network, meetings, *housing, workshops) == []


def test_the_first_row_holds_the_key_figures_against_a_year_earlier(demo_data, as_role):
    response = as_role("coordinator").get(f"/admin/?year={YEAR}")
    row = re.search(r'<div class="key-row">(.*?)</section>', response.get_data(as_text=True), re.S)
    tiles = [text_of(tile) for tile in re.split(r'<div class="key-figure">', row.group(1))[1:]]
    # Referents and members were there the year before; the apartment opened in the demo year.
    assert tiles == [
        f"17 référents actifs 0 {YEAR - 1} : 17",
        f"32 membres de la plateforme 0 {YEAR - 1} : 32",
        f"4 sur 4 réunions de plateforme tenues +4 {YEAR - 1} : 0",
        f"5 séances de formation +5 {YEAR - 1} : 0",
        f"7 actions de sensibilisation +7 {YEAR - 1} : 0",
        "7,5 mois sur 12 (62,5 %) occupation",
        f"12 sur 12 séances d'atelier tenues +12 {YEAR - 1} : 0",
        f"3 conventions en vigueur +2 {YEAR - 1} : 1",
    ]


def text_of(fragment: str) -> str:
    body = html.unescape(re.sub(r"<[^>]+>", " ", fragment)).replace("\u202f", " ")
    return re.sub(r"\s+", " ", body.replace("\xa0", " ")).strip()


def municipality_id(name: str) -> int:
    from sqlalchemy import select

    from models import db
    from models.network import Municipality

    return db.session.scalar(select(Municipality.id).where(Municipality.name == name))


def test_first_quarter_counts_what_hand_counts_say(demo_data, as_role):
    page = text(as_role("coordinator").get(f"/admin/?year={YEAR}&quarter=1"))
    assert f"Chiffres clés T1 {YEAR}" in page
    assert "1 sur 1 réunions de plateforme tenues" in page
    assert "3 sur 3 séances d'atelier tenues" in page
    # Jan 1 - Mar 1 (59 nights) and Mar 1 - Jun 16 (31 nights in March): every night of Q1.
    assert "3 mois sur 3 (100 %)" in page and "90 / 90" in page
    assert "2 ménages hébergés" in page


def test_custom_range_and_municipality_filter(demo_data, as_role):
    trooz = municipality_id("Trooz")
    page = text(
        as_role("coordinator").get(
            f"/admin/?start={YEAR}-06-01&end={YEAR}-06-30&municipality={trooz}"
        )
    )
    assert "3 référents actifs" in page  # Trooz: one college, two CPAS council appointments
    assert "0 actions de sensibilisation" in page  # Trooz's ciné-débat is in October
    page = text(as_role("coordinator").get(f"/admin/?year={YEAR}&municipality={trooz}"))
    assert "1 actions de sensibilisation" in page
    assert "0 / 0" in page  # the apartment is in Aywaille: nothing available in Trooz


def test_period_lives_in_the_url_and_the_form_keeps_it(demo_data, as_role):
    body = as_role("coordinator").get(f"/admin/?year={YEAR}&quarter=2").get_data(as_text=True)
    assert f'<option value="{YEAR}" selected>' in body
    assert '<option value="2" selected>' in body


def test_impossible_period_is_explained_and_the_current_year_shown(demo_data, as_role):
    response = as_role("coordinator").get("/admin/?start=2025-05-01&end=2025-01-01")
    assert response.status_code == 400
    page = text(response)
    assert "La fin de la période précède son début." in page
    assert f"Chiffres clés {date.today().year}" in page


def test_small_counts_about_victims_are_hidden_from_other_roles_below_a_year(demo_data, as_role):
    quarter = f"/admin/?year={YEAR}&quarter=1"
    assert "2 ménages hébergés" in text(as_role("secretariat").get(quarter))
    admin_page = text(as_role("administrator").get(quarter))
    assert "< 5 ménages hébergés" in admin_page and "< 5 enfants hébergés" in admin_page
    # Over a whole year every role that sees housing sees the figures.
    assert "3 ménages hébergés" in text(as_role("administrator").get(f"/admin/?year={YEAR}"))


def test_partner_home_is_reduced_and_shows_housing_only_for_the_whole_year(demo_data, as_role):
    partner = as_role("partner")
    year_page = text(partner.get(f"/admin/?year={YEAR}"))
    assert "17 référents actifs" in year_page and "12 sur 12 séances d'atelier tenues" in year_page
    assert "7,5 mois sur 12" in year_page  # the yearly occupancy, nothing about households
    assert "ménages hébergés" not in year_page and "enfants présents" not in year_page
    assert "conventions en vigueur" not in year_page and "Rapport annuel" not in year_page
    quarter_page = text(partner.get(f"/admin/?year={YEAR}&quarter=1"))
    assert "3 mois sur 3" not in quarter_page and "90 / 90" not in quarter_page
    assert "7,5 mois sur 12" in quarter_page and f"Ensemble du réseau, année {YEAR}" in quarter_page
    this_year = text(partner.get(f"/admin/?year={YEAR + 1}"))
    assert "Logement d'urgence" not in this_year and "nuitées" not in this_year


def test_expiring_agreement_is_highlighted_with_a_link(demo_data, as_role):
    from sqlalchemy import select

    from models import db
    from models.agreements import Agreement

    soon = db.session.scalars(select(Agreement).where(Agreement.valid_until.is_not(None))).first()
    soon.valid_until = date.today().replace(day=1) + __import__("datetime").timedelta(days=40)
    db.session.commit()
    body = as_role("secretariat").get("/admin/").get_data(as_text=True)
    assert "Expirent bientôt" in body
    assert f"/admin/agreement/details/?id={soon.id}" in body


def test_charts_are_served_by_the_backoffice_with_a_table_alternative(demo_data, as_role):
    body = as_role("coordinator").get(f"/admin/?year={YEAR}").get_data(as_text=True)
    assert "/static/vendor/chartjs-4.6.1/chart.umd.min.js" in body
    assert body.count("data-chart=") == 3 and body.count("Chiffres de ce graphique") == 3
    assert (
        as_role("coordinator").get("/static/vendor/chartjs-4.6.1/chart.umd.min.js").status_code
        == 200
    )


def series_labels(response) -> set[str]:
    """The names of every data series of the page's charts."""
    specs = re.findall(r'data-chart="([^"]*)"', response.get_data(as_text=True))
    return {d["label"] for spec in specs for d in json.loads(html.unescape(spec))["datasets"]}


def test_partner_charts_show_workshops_held_but_no_attendance(demo_data, as_role):
    partner = series_labels(as_role("partner").get(f"/admin/?year={YEAR}"))
    assert "Séances" in partner and not {"Enfants", "Parents"} & partner
    coordinator = series_labels(as_role("coordinator").get(f"/admin/?year={YEAR}"))
    assert {"Enfants", "Parents"} <= coordinator


def test_count_charts_ask_for_whole_number_ticks_and_rates_do_not(demo_data, as_role):
    body = as_role("coordinator").get(f"/admin/?year={YEAR}").get_data(as_text=True)
    specs = [json.loads(html.unescape(s)) for s in re.findall(r'data-chart="([^"]*)"', body)]
    counts = {spec["datasets"][0]["label"]: spec.get("counts", False) for spec in specs}
    assert counts == {"Occupation (%)": False, "Enfants": True, "Actions": True}
    assert "precision: 0" in as_role("coordinator").get("/static/charts.js").get_data(as_text=True)
