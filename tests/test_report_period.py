"""A past year's report reads that year's records: today's edits leave it as it was sent."""

from __future__ import annotations

from datetime import date

import pytest
from flask_babel import force_locale
from sqlalchemy import select

from backoffice import demo
from backoffice.reports import content
from models import db
from models.agreements import Agreement, AgreementKind
from models.awareness import CommunicationMaterial, MaterialKind
from models.children import Workshop
from models.network import Organisation, PlatformMembership, ReferentAppointment
from models.protocols import InterventionProtocol
from tests import factories

TODAY = date.today()


@pytest.fixture
def year() -> int:
    demo.load()
    return demo.demo_year()


def report(year: int) -> content.Report:
    with force_locale("en"):
        return content.build(year, TODAY)


def edit_today() -> None:
    """What the secretariat records today: arrivals, departures, new documents."""
    new = factories.organisation("Joined today", joined_on=TODAY)
    leaving = db.session.scalars(select(Organisation).order_by(Organisation.id)).first()
    leaving.left_on, leaving.active = TODAY, False
    referent = db.session.scalars(select(ReferentAppointment)).first()
    referent.ends_on = TODAY
    db.session.add_all(
        [
            PlatformMembership(person=factories.person(), starts_on=TODAY),
            InterventionProtocol(title="Protocole 2", revision="2", adopted_on=TODAY),
            Workshop(name="Atelier du jeudi", starts_on=TODAY),
            Agreement(
                organisation=new, kind=AgreementKind.PARTNERSHIP, title="New", valid_from=TODAY
            ),
            CommunicationMaterial(
                title="Affiche", kind=MaterialKind.POSTER, quantity=100, issued_on=TODAY
            ),
        ]
    )
    db.session.commit()


def test_todays_edits_leave_last_years_report_as_it_was(year):
    before = report(year)

    edit_today()

    after = report(year)
    assert after.key_figures == before.key_figures
    assert after == before


def test_a_correction_dated_in_the_year_changes_its_report(year):
    before = report(year)

    factories.organisation("Joined in the year", joined_on=date(year, 5, 1))
    referent = db.session.scalars(select(ReferentAppointment)).first()
    referent.ends_on = date(year, 6, 30)
    db.session.commit()
    after = report(year)

    assert after != before
    assert after.key_figures[0] != before.key_figures[0]  # one referent fewer
    assert after.key_figures[2] != before.key_figures[2]  # one organisation more
