from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from models import db
from models.children import Workshop, WorkshopSession, first_wednesdays
from tests.factories import workshop, workshop_session

# The first Wednesday of each month of 2025, January to December.
FIRST_WEDNESDAYS_2025 = [
    date(2025, month, day) for month, day in enumerate([1, 5, 5, 2, 7, 4, 2, 6, 3, 1, 5, 3], 1)
]


def held(cabane: Workshop, *days: date) -> None:
    for day in days:
        workshop_session(day, workshop=cabane)


def test_first_wednesdays_of_2025():
    assert first_wednesdays(2025) == FIRST_WEDNESDAYS_2025


@pytest.mark.parametrize("year", [2024, 2025, 2026, 2028])
def test_first_wednesdays_are_wednesdays_in_the_first_week_of_each_month(year):
    days = first_wednesdays(year)
    assert [d.month for d in days] == list(range(1, 13))
    assert all(d.year == year and d.weekday() == 2 and d.day <= 7 for d in days)


def test_a_new_workshop_is_for_children_aged_5_to_10():
    cabane = workshop()
    assert (cabane.min_age, cabane.max_age, cabane.age_range) == (5, 10, "5–10")
    assert cabane.active and not cabane.parents_reception


@pytest.mark.parametrize(
    ("min_age", "max_age"),
    [(12, 8), (-1, 10), (5, 19)],
)
def test_database_refuses_an_impossible_age_range(min_age, max_age):
    db.session.add(Workshop(name="La cabane", min_age=min_age, max_age=max_age))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_database_accepts_a_single_age_and_the_whole_of_childhood():
    workshop(name="Bébés", min_age=0, max_age=0)
    workshop(name="Ados", min_age=0, max_age=18)


def test_database_refuses_two_sessions_of_a_workshop_on_the_same_day():
    cabane = workshop()
    held(cabane, date(2025, 1, 1))
    db.session.add(WorkshopSession(workshop=cabane, held_on=date(2025, 1, 1)))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_two_workshops_may_meet_on_the_same_day():
    held(workshop(name="La cabane"), date(2025, 1, 1))
    held(workshop(name="Les petits pas"), date(2025, 1, 1))


@pytest.mark.parametrize("field", ["children_present", "parents_present"])
def test_database_refuses_negative_attendance(field):
    db.session.add(WorkshopSession(workshop=workshop(), held_on=date(2025, 1, 1), **{field: -1}))
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()


def test_database_refuses_deleting_a_workshop_that_has_sessions():
    cabane = workshop()
    held(cabane, date(2025, 1, 1))
    db.session.delete(cabane)
    with pytest.raises(IntegrityError):
        db.session.commit()
    db.session.rollback()
