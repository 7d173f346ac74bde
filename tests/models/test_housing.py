import re
from datetime import date

import pytest
from sqlalchemy.exc import IntegrityError

from models import db
from models.housing import (
    CODE_ALPHABET,
    HousingStay,
    HousingUnit,
    available_nights,
    new_household_code,
    occupied_nights,
    overlapping_stay,
)
from models.integrity import Violation, violation
from tests import factories
from tests.factories import housing_stay as stay
from tests.factories import housing_unit as unit

YEAR_2025 = (date(2025, 1, 1), date(2025, 12, 31))


# --- the pseudonymous household code ---------------------------------------------------


def test_a_new_stay_gets_a_short_code_in_an_unambiguous_alphabet():
    code = stay(unit(), date(2025, 1, 1)).household_code
    assert re.fullmatch(rf"M-[{CODE_ALPHABET}]{{6}}", code)
    assert not set("01OILUV") & set(code[2:])


def test_codes_are_drawn_at_random():
    assert len({new_household_code() for _ in range(1000)}) == 1000


def test_two_stays_never_share_a_code():
    place = unit()
    first = stay(place, date(2025, 1, 1), date(2025, 2, 1))
    db.session.add(
        HousingStay(unit=place, entry_date=date(2025, 3, 1), household_code=first.household_code)
    )
    with pytest.raises(IntegrityError):
        db.session.commit()


# --- integrity the database guarantees -------------------------------------------------


@pytest.mark.parametrize(
    "fields",
    [
        {"exit_date": date(2024, 12, 31)},
        {"adults": -1},
        {"children": -1},
        {"adults": 0, "children": 0},
        {"destination": "social_housing"},
        {"destination": "somewhere", "exit_date": date(2025, 2, 1)},
    ],
    ids=["exit-before-entry", "negative-adults", "negative-children", "nobody", "no-exit", "bad"],
)
def test_database_refuses_an_impossible_stay(fields):
    place = unit()
    db.session.add(HousingStay(unit=place, entry_date=date(2025, 1, 1), **fields))
    with pytest.raises(IntegrityError):
        db.session.commit()


@pytest.mark.parametrize(
    "fields",
    [{"capacity": 0}, {"available_until": date(2024, 12, 31)}],
    ids=["no-capacity", "closes-before-opening"],
)
def test_database_refuses_an_impossible_unit(fields):
    db.session.add(
        HousingUnit(
            label="Studio",
            provider=factories.organisation(),
            municipality=factories.municipality(),
            available_from=date(2025, 1, 1),
            **fields,
        )
    )
    with pytest.raises(IntegrityError):
        db.session.commit()


def test_database_refuses_to_delete_a_unit_that_housed_someone():
    place = unit()
    stay(place, date(2025, 1, 1))
    with pytest.raises(IntegrityError):
        db.session.execute(HousingUnit.__table__.delete())


# --- overlapping stays -------------------------------------------------------------------


def test_a_household_may_enter_on_the_day_the_previous_one_leaves():
    place = unit()
    stay(place, date(2025, 1, 1), date(2025, 2, 1))
    assert overlapping_stay(db.session, place.id, date(2025, 2, 1), None) is None
    assert overlapping_stay(db.session, place.id, date(2024, 12, 1), date(2025, 1, 1)) is None


@pytest.mark.parametrize(
    ("entry", "exit_"),
    [
        (date(2025, 1, 31), None),
        (date(2024, 12, 1), date(2025, 1, 2)),
        (date(2025, 1, 10), date(2025, 1, 20)),
        (date(2024, 12, 1), date(2025, 3, 1)),
    ],
)
def test_nights_shared_with_another_stay_are_found(entry, exit_):
    place = unit()
    existing = stay(place, date(2025, 1, 1), date(2025, 2, 1))
    assert overlapping_stay(db.session, place.id, entry, exit_) == existing


def test_an_ongoing_stay_blocks_every_later_night_but_not_other_units_nor_itself():
    place, other_place = unit(), unit()
    ongoing = stay(place, date(2025, 1, 1))
    assert overlapping_stay(db.session, place.id, date(2026, 6, 1), None) == ongoing
    assert overlapping_stay(db.session, other_place.id, date(2025, 1, 1), None) is None
    assert (
        overlapping_stay(db.session, place.id, date(2025, 1, 5), None, excluding=ongoing.id) is None
    )


# --- occupied nights ---------------------------------------------------------------------


def test_the_night_of_the_exit_day_is_not_occupied():
    stay(unit(), date(2025, 3, 5), date(2025, 3, 8))
    assert occupied_nights(db.session, *YEAR_2025) == 3


def test_a_stay_across_the_year_end_counts_in_each_year():
    stay(unit(available_from=date(2024, 1, 1)), date(2024, 12, 20), date(2025, 1, 10))
    assert occupied_nights(db.session, date(2024, 1, 1), date(2024, 12, 31)) == 12
    assert occupied_nights(db.session, *YEAR_2025) == 9


def test_an_ongoing_stay_counts_up_to_tonight():
    stay(unit(), date(2025, 3, 1))
    today = date(2025, 3, 10)
    assert occupied_nights(db.session, *YEAR_2025, today=today) == 10
    assert occupied_nights(db.session, date(2025, 3, 1), date(2025, 3, 5), today=today) == 5
    assert occupied_nights(db.session, date(2025, 4, 1), date(2025, 4, 30), today=today) == 0


def test_a_stay_that_has_not_started_yet_occupies_nothing():
    stay(unit(), date(2025, 6, 1))
    assert occupied_nights(db.session, *YEAR_2025, today=date(2025, 5, 1)) == 0


def test_occupied_nights_of_chosen_units_only():
    first, second = unit(), unit()
    stay(first, date(2025, 1, 1), date(2025, 1, 11))
    stay(second, date(2025, 2, 1), date(2025, 2, 4))
    assert occupied_nights(db.session, *YEAR_2025) == 13
    assert occupied_nights(db.session, *YEAR_2025, unit_ids=[second.id]) == 3
    assert occupied_nights(db.session, *YEAR_2025, unit_ids=[]) == 0


def test_an_empty_period_has_no_occupied_night():
    stay(unit(), date(2025, 1, 1), date(2025, 2, 1))
    assert occupied_nights(db.session, date(2025, 1, 10), date(2025, 1, 9)) == 0
    assert occupied_nights(db.session, date(2025, 1, 10), date(2025, 1, 10)) == 1
    assert occupied_nights(db.session, date(2026, 1, 1), date(2026, 12, 31)) == 0


def test_a_stay_left_the_day_it_began_occupies_no_night():
    stay(unit(), date(2025, 4, 2), date(2025, 4, 2))
    assert occupied_nights(db.session, *YEAR_2025) == 0


# --- available nights --------------------------------------------------------------------


def test_a_unit_opening_mid_period_is_available_from_its_first_day():
    unit(available_from=date(2025, 3, 15), available_until=date(2026, 3, 14))
    assert available_nights(db.session, *YEAR_2025) == 292
    assert available_nights(db.session, date(2026, 1, 1), date(2026, 12, 31)) == 73


def test_a_unit_without_end_stays_available_and_leap_years_count():
    unit(available_from=date(2020, 1, 1))
    assert available_nights(db.session, date(2024, 1, 1), date(2024, 12, 31)) == 366


def test_available_nights_add_up_over_units_and_skip_closed_ones():
    unit(available_from=date(2025, 1, 1), available_until=date(2025, 1, 31))
    unit(available_from=date(2025, 12, 1))
    unit(available_from=date(2023, 1, 1), available_until=date(2024, 6, 30))
    assert available_nights(db.session, *YEAR_2025) == 31 + 31
    assert available_nights(db.session, date(2025, 2, 1), date(2025, 1, 31)) == 0


# --- a stay lies within its unit's availability and never meets another stay -----------


def refusal(action) -> Violation:
    """Run `action` and commit; return the rule the database refused it by."""
    action()
    with pytest.raises(IntegrityError) as refused:
        db.session.commit()
    db.session.rollback()
    return violation(db.metadata, refused.value)


def unit_of_2025() -> HousingUnit:
    return unit(available_from=date(2025, 1, 1), available_until=date(2025, 12, 31))


@pytest.mark.parametrize(
    ("entry", "exit_", "field"),
    [
        (date(2024, 12, 31), date(2025, 1, 10), "entry_date"),
        (date(2026, 1, 1), None, "entry_date"),
        (date(2026, 1, 5), date(2026, 2, 1), "entry_date"),
        (date(2025, 12, 1), date(2026, 1, 2), "exit_date"),
    ],
    ids=["enters-before", "ongoing-after", "wholly-after", "leaves-after-last-night"],
)
def test_database_refuses_a_stay_outside_its_units_availability(entry, exit_, field):
    place = unit_of_2025()
    found = refusal(
        lambda: db.session.add(HousingStay(unit=place, entry_date=entry, exit_date=exit_))
    )
    assert (found.columns, found.rule) == ([field], "availability")
    assert db.session.query(HousingStay).count() == 0


@pytest.mark.parametrize(
    ("entry", "exit_"),
    [
        (date(2025, 1, 1), date(2025, 3, 1)),
        (date(2025, 12, 1), date(2026, 1, 1)),  # its last night is 31 December
        (date(2025, 12, 31), None),
    ],
)
def test_database_accepts_a_stay_within_its_units_availability(entry, exit_):
    stay(unit_of_2025(), entry, exit_)
    assert db.session.query(HousingStay).count() == 1


@pytest.mark.parametrize(
    ("entry", "exit_"),
    [
        (date(2025, 3, 15), date(2025, 3, 20)),
        (date(2025, 2, 1), date(2025, 3, 2)),
        (date(2025, 3, 31), None),
        (date(2025, 2, 1), None),
    ],
    ids=["inside", "across-the-entry", "ongoing-from-the-last-night", "ongoing-from-before"],
)
def test_database_refuses_two_stays_of_one_unit_on_the_same_night(entry, exit_):
    place = unit_of_2025()
    stay(place, date(2025, 3, 1), date(2025, 4, 1))
    found = refusal(
        lambda: db.session.add(HousingStay(unit=place, entry_date=entry, exit_date=exit_))
    )
    assert (found.columns, found.rule) == (["entry_date"], "unit_free")
    assert db.session.query(HousingStay).count() == 1


def test_database_refuses_a_stay_after_an_ongoing_one_in_the_same_unit():
    place = unit_of_2025()
    stay(place, date(2025, 3, 1))
    found = refusal(lambda: db.session.add(HousingStay(unit=place, entry_date=date(2025, 11, 1))))
    assert found.rule == "unit_free"


def test_database_lets_a_household_enter_on_the_day_the_previous_one_leaves():
    place = unit_of_2025()
    stay(place, date(2025, 3, 1), date(2025, 4, 1))
    stay(place, date(2025, 4, 1), date(2025, 5, 1))
    stay(unit_of_2025(), date(2025, 3, 1), date(2025, 4, 1))  # another unit: free
    assert db.session.query(HousingStay).count() == 3


def test_database_refuses_to_move_a_stay_onto_another():
    place = unit_of_2025()
    stay(place, date(2025, 3, 1), date(2025, 4, 1))
    moved = stay(place, date(2025, 5, 1), date(2025, 6, 1))

    def move():
        moved.entry_date = date(2025, 3, 20)

    assert refusal(move).rule == "unit_free"
    db.session.refresh(moved)
    assert moved.entry_date == date(2025, 5, 1)


@pytest.mark.parametrize(
    ("change", "field"),
    [
        ({"available_from": date(2025, 3, 2)}, "available_from"),
        ({"available_until": date(2025, 3, 30)}, "available_until"),
        ({"available_until": date(2025, 2, 28)}, "available_until"),
    ],
    ids=["opens-after-an-entry", "closes-before-a-last-night", "closes-before-an-entry"],
)
def test_database_refuses_an_availability_that_leaves_stays_outside(change, field):
    place = unit_of_2025()
    stay(place, date(2025, 3, 1), date(2025, 4, 1))

    def narrow():
        for name, value in change.items():
            setattr(place, name, value)

    found = refusal(narrow)
    assert (found.columns, found.rule) == ([field], "covers_stays")
    db.session.refresh(place)
    assert (place.available_from, place.available_until) == (date(2025, 1, 1), date(2025, 12, 31))


def test_database_accepts_an_availability_that_still_covers_every_stay():
    place = unit_of_2025()
    stay(place, date(2025, 3, 1), date(2025, 4, 1))
    place.available_from, place.available_until = date(2025, 3, 1), date(2025, 3, 31)
    db.session.commit()
    db.session.refresh(place)
    assert place.available_until == date(2025, 3, 31)
