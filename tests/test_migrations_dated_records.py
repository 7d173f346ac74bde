"""The migrations that date organisations and structure workshops keep the existing rows."""

from __future__ import annotations

from datetime import date, time

import pytest
from sqlalchemy import create_engine, text

from tests.test_migrations import flask


@pytest.fixture
def before_dates(tmp_path, database):
    """A database as it stood before organisations and workshops carried dates, with rows."""
    if not database[0].startswith("sqlite"):
        pytest.skip("the migrations run on PostgreSQL for every run's own schema")
    url = f"sqlite:///{tmp_path / 'before.sqlite3'}"
    upgraded = flask("db", "upgrade", "f02402697a07", database_url=url)
    assert upgraded.returncode == 0, upgraded.stderr
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(
            text(
                "INSERT INTO organisation (name, kind, active, version) VALUES "
                "('Still here', 'association', 1, 1), ('Archived', 'association', 0, 1)"
            )
        )
        connection.execute(
            text(
                "INSERT INTO workshop (name, min_age, max_age, schedule, parents_reception, "
                "active, version) VALUES "
                "('La cabane', 5, 10, 'chaque premier mercredi du mois, de 14 h à 16 h', 1, 1, 1), "
                "('Sans horaire', 5, 10, 'selon les inscriptions', 0, 1, 1)"
            )
        )
    yield url, engine
    engine.dispose()


def test_existing_rows_get_their_dates_and_schedules(before_dates):
    url, engine = before_dates

    upgraded = flask("db", "upgrade", database_url=url)

    assert upgraded.returncode == 0, upgraded.stderr
    with engine.connect() as connection:
        organisations = connection.execute(
            text("SELECT name, joined_on, left_on FROM organisation ORDER BY name")
        ).all()
        workshops = connection.execute(
            text(
                "SELECT name, starts_on, week_of_month, weekday, starts_at, ends_at, schedule "
                "FROM workshop ORDER BY name"
            )
        ).all()
    today = date.today().isoformat()
    assert [tuple(row) for row in organisations] == [
        ("Archived", "1990-01-01", today),
        ("Still here", "1990-01-01", None),
    ]
    cabane, other = workshops
    assert tuple(cabane)[:4] == ("La cabane", "1990-01-01", 1, 2)
    assert (time.fromisoformat(cabane[4]), time.fromisoformat(cabane[5])) == (time(14), time(16))
    assert cabane[6] == "chaque premier mercredi du mois, de 14 h à 16 h"
    assert tuple(other)[2:6] == (1, 2, None, None)
