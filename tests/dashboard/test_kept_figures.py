"""Figures of an ended period are computed once, and again as soon as any record changes."""

import random
from datetime import date

import pytest
from sqlalchemy import update

from backoffice.dashboard import figures
from backoffice.dashboard.period import Period
from models import db
from models.changes import DataVersion
from models.housing import HousingStay
from tests import factories

YEAR = Period.year(2025)
TODAY = date(2026, 3, 15)


@pytest.fixture
def counter():
    # Each test empties every table: the counter starts again, at a number no test used.
    db.session.merge(DataVersion(id=1, number=random.randrange(10**9)))
    db.session.commit()


def housing(app):
    """The housing figures of 2025 as one request reads them."""
    with app.app_context():
        return figures.housing(db.session, YEAR, TODAY)


def test_figures_of_an_ended_year_are_computed_once(app, counter):
    unit = factories.housing_unit()
    factories.housing_stay(unit, date(2025, 3, 1), date(2025, 3, 11))
    first = housing(app)
    assert first.nights_occupied == 10
    assert housing(app) is first


def test_a_new_record_makes_them_stale(app, counter):
    unit = factories.housing_unit()
    factories.housing_stay(unit, date(2025, 3, 1), date(2025, 3, 11))
    assert housing(app).nights_occupied == 10
    factories.housing_stay(unit, date(2025, 4, 1), date(2025, 4, 6))
    assert housing(app).nights_occupied == 15


def test_an_edit_made_by_a_statement_makes_them_stale(app, counter):
    unit = factories.housing_unit()
    factories.housing_stay(unit, date(2025, 3, 1), date(2025, 3, 11))
    assert housing(app).nights_occupied == 10
    db.session.execute(update(HousingStay).values(exit_date=date(2025, 3, 21)))
    db.session.commit()
    assert housing(app).nights_occupied == 20


def test_a_change_by_another_server_process_makes_them_stale(app, counter):
    unit = factories.housing_unit()
    stay = factories.housing_stay(unit, date(2025, 3, 1), date(2025, 3, 11))
    assert housing(app).nights_occupied == 10
    with db.engine.begin() as other_process:  # its own connection and transaction
        other_process.execute(
            update(HousingStay.__table__)
            .where(HousingStay.__table__.c.id == stay.id)
            .values(exit_date=date(2025, 3, 6))
        )
        other_process.execute(
            update(DataVersion.__table__).values(number=DataVersion.__table__.c.number + 1)
        )
    assert housing(app).nights_occupied == 5


def test_the_year_in_progress_is_always_computed(app, counter):
    unit = factories.housing_unit()
    factories.housing_stay(unit, date(2025, 3, 1), date(2025, 3, 11))
    with app.app_context():
        first = figures.housing(db.session, YEAR, date(2025, 6, 1))
        assert figures.housing(db.session, YEAR, date(2025, 6, 1)) is not first
