"""A partner cannot rebuild who was sheltered, when or where, by comparing dashboard views.

The attack of a curious partner: ask the dashboard for every municipality, every quarter,
and windows of 365 days sliding one day at a time, then subtract the answers. Whatever the
parameters, a partner's page must show the same housing figures: the whole network's for
the calendar year, once that year has ended, and none at all for the year in progress.
"""

from __future__ import annotations

import html
import json
import re
from datetime import date, timedelta

import pytest
from babel.dates import format_date
from sqlalchemy import func, select

from backoffice import demo
from models import db
from models.children import WorkshopSession
from models.housing import HousingStay, HousingUnit
from models.network import Municipality, Organisation

TODAY = date.today()
YEAR = TODAY.year - 1  # the demo year: 228 of its 365 nights occupied, all in Aywaille
SECTION = re.compile(r'<section[^>]*aria-labelledby="housing-title".*?</section>', re.S)
CHART = re.compile(r"<figure[^>]*chart.*?</figure>", re.S)
OCCUPANCY_CHART = "Occupation mensuelle du logement d'urgence"


@pytest.fixture
def network():
    """The demo network, plus a second unit sheltering someone since January 1st of this year."""
    demo.load()
    trooz = db.session.scalar(select(Municipality).where(Municipality.name == "Trooz"))
    provider = db.session.scalars(select(Organisation)).first()
    unit = HousingUnit(
        label="Studio",
        provider=provider,
        municipality=trooz,
        capacity=2,
        available_from=date(TODAY.year, 1, 1),
    )
    db.session.add(unit)
    db.session.add(HousingStay(unit=unit, entry_date=date(TODAY.year, 1, 1), adults=1, children=1))
    db.session.commit()
    return db.session.scalars(select(Municipality.id).order_by(Municipality.id)).all()


def visible(fragment: str) -> str:
    """Text of an HTML fragment, tags removed and spaces folded."""
    body = re.sub(r"<[^>]+>", " ", fragment)
    body = html.unescape(body).replace("\u202f", " ").replace("\xa0", " ")
    return re.sub(r"\s+", " ", body).strip()


def housing_shown(response) -> tuple[str | None, list[str]]:
    """Every housing figure of a page: its housing section, and its charts about housing."""
    assert response.status_code == 200
    body = response.get_data(as_text=True)
    section = SECTION.search(body)
    charts = [c for c in map(html.unescape, CHART.findall(body)) if OCCUPANCY_CHART in c]
    outside = re.sub(r"<nav.*?</nav>", "", SECTION.sub("", body), flags=re.S)
    # Nights, households and stays are named nowhere else on the page (the menu aside).
    assert not re.search(r"nuitées|ménages|séjours", outside, re.I)
    return (visible(section.group()) if section else None), charts


def views(municipalities: list[int], year: int) -> list[str]:
    """The dashboard URLs of a year: whole, each quarter, each with every municipality."""
    periods = [f"year={year}"] + [f"year={year}&quarter={q}" for q in (1, 2, 3, 4)]
    filters = [""] + [f"&municipality={m}" for m in municipalities]
    return [f"/admin/?{p}{f}" for p in periods for f in filters]


def sliding_windows(year: int) -> list[str]:
    """366 windows of 365 days, the first starting on January 1st, moving one day each."""
    starts = [date(year, 1, 1) + timedelta(days=i) for i in range(366)]
    return [f"/admin/?start={d}&end={d + timedelta(days=364)}" for d in starts]


def test_partner_sees_the_same_yearly_housing_figures_whatever_the_period_or_place(
    network, as_role
):
    partner = as_role("partner")
    shown = {url: housing_shown(partner.get(url)) for url in views(network, YEAR)}
    for url in sliding_windows(YEAR):
        starts_in = date.fromisoformat(url.split("start=")[1][:10]).year
        if starts_in == YEAR:  # windows starting in the next year are the year in progress
            shown[url] = housing_shown(partner.get(url))
    assert len(shown) > 360
    assert len(set(map(json.dumps, shown.values()))) == 1
    section, charts = next(iter(shown.values()))
    assert charts == []  # no month by month occupancy, neither chart nor table
    assert f"Ensemble du réseau, année {YEAR}" in section
    assert "7,5 mois sur 12 (62,5 %)" in section and "228 / 365" in section
    assert "ménages" not in section and "enfants" not in section


def test_partner_sees_no_housing_figure_for_the_year_in_progress(network, as_role):
    partner = as_role("partner")
    urls = views(network, TODAY.year) + [
        f"/admin/?start={TODAY.year}-01-01&end={TODAY.year}-12-31",
        f"/admin/?start={TODAY.year}-01-01&end={TODAY.year + 3}-12-31",
    ]
    for url in urls:
        assert housing_shown(partner.get(url)) == (None, []), url


def test_windows_of_the_next_year_show_nothing_either(network, as_role):
    partner = as_role("partner")
    for url in sliding_windows(YEAR):
        if date.fromisoformat(url.split("start=")[1][:10]).year == TODAY.year:
            assert housing_shown(partner.get(url)) == (None, []), url


def test_coordinator_still_reads_every_housing_figure(network, as_role):
    coordinator = as_role("coordinator")
    aywaille, trooz = (
        db.session.scalar(select(Municipality.id).where(Municipality.name == name))
        for name in ("Aywaille", "Trooz")
    )
    section, charts = housing_shown(coordinator.get(f"/admin/?year={YEAR}&municipality={trooz}"))
    assert "0 / 0" in section  # the demo apartment is in Aywaille
    section, charts = housing_shown(coordinator.get(f"/admin/?year={YEAR}&quarter=1"))
    assert "90 / 90" in section and "2 ménages hébergés" in section and len(charts) == 1
    section, _ = housing_shown(coordinator.get(f"/admin/?year={YEAR}&municipality={aywaille}"))
    assert "228 / 365" in section
    section, _ = housing_shown(coordinator.get(f"/admin/?year={TODAY.year}"))
    # This year's stays: the demo's so far, and the one above, ongoing.
    this_year = select(func.count()).where(HousingStay.entry_date >= date(TODAY.year, 1, 1))
    assert f"{db.session.scalar(this_year)} ménages hébergés" in section


def test_partner_reads_workshop_sessions_held_but_not_who_came(network, as_role):
    session = db.session.scalars(select(WorkshopSession).order_by(WorkshopSession.held_on)).first()
    session.children_present, session.parents_present = 7, 3
    session.notes = "NOTE-SESSION-4471"
    db.session.commit()
    urls = [
        "/admin/workshopsession/",
        "/admin/workshopsession/?sort=2",
        f"/admin/workshopsession/details/?id={session.id}",
        "/admin/workshopsession/export/csv/",
        "/admin/workshopsession/?search=NOTE-SESSION",
    ]
    partner, coordinator = as_role("partner"), as_role("coordinator")
    for url in urls:
        page = readable(partner.get(url))
        assert "Enfants présents" not in page and "Parents présents" not in page, url
        assert "NOTE-SESSION-4471" not in page, url
    held_on = format_date(session.held_on, "medium", locale="fr_BE")
    assert held_on in readable(partner.get(f"/admin/workshopsession/details/?id={session.id}"))
    searched = readable(partner.get("/admin/workshopsession/?search=NOTE-SESSION"))
    assert html.unescape(session.workshop.name) not in searched  # notes are not searched
    for url in urls:
        page = readable(coordinator.get(url))
        assert "Enfants présents" in page or "NOTE-SESSION-4471" in page, url


def readable(response) -> str:
    assert response.status_code == 200
    return html.unescape(response.get_data(as_text=True))
