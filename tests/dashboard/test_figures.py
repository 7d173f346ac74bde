"""The dashboard's figures, hand-computed on crafted records, and the seed's figures on the demo."""

from datetime import date
from decimal import Decimal
from functools import partial

import pytest

from backoffice import demo
from backoffice.dashboard import figures
from backoffice.dashboard.period import Period
from models import db
from models.awareness import MaterialKind
from models.children import Workshop
from models.housing import available_nights, occupied_nights
from models.network import (
    AppointingBody,
    OrganisationKind,
    PlatformMeeting,
    PlatformMembership,
)
from models.training import TrainingAudience
from tests import factories
from tests.factories import (
    agreement,
    awareness_action,
    material,
    training,
    training_session,
    workshop,
    workshop_session,
)
from tests.factories import housing_stay as stay
from tests.factories import housing_unit as unit

YEAR_2025 = Period.year(2025)
TODAY = date(2026, 3, 15)  # after 2025: nothing of 2025 is still "ongoing" unless told


def housing(period: Period = YEAR_2025, today: date = TODAY) -> figures.HousingFigures:
    return figures.housing(db.session, period, today)


def monthly_nights(result: figures.HousingFigures) -> dict[int, tuple[int, int]]:
    """{month number: (occupied, available)} of the months with anything in them."""
    return {
        m.month.month: (m.nights_occupied, m.nights_available)
        for m in result.monthly
        if m.nights_occupied or m.nights_available
    }


# --- housing: the occupancy rate ---------------------------------------------------------


def test_a_stay_across_the_year_end_counts_its_nights_in_each_year():
    place = unit(available_from=date(2024, 1, 1))
    stay(place, date(2024, 12, 20), date(2025, 1, 10), adults=1, children=2)

    in_2024, in_2025 = housing(Period.year(2024)), housing()

    assert (in_2024.nights_occupied, in_2024.nights_available) == (12, 366)  # leap year
    assert (in_2025.nights_occupied, in_2025.nights_available) == (9, 365)
    assert monthly_nights(in_2025)[1] == (9, 31)
    assert (in_2025.stays_started, in_2025.stays_ended, in_2025.households) == (0, 1, 1)
    assert (in_2025.adults, in_2025.children) == (1, 2)
    assert in_2025.average_stay_nights == 21
    assert in_2024.average_stay_nights is None  # it did not end in 2024


def test_an_ongoing_stay_counts_up_to_tonight():
    place = unit()
    stay(place, date(2025, 6, 1))

    result = housing(today=date(2025, 6, 15))

    assert result.nights_occupied == 15  # the nights of 1 to 15 June
    assert monthly_nights(result)[6] == (15, 30)
    assert monthly_nights(result)[7] == (0, 31)
    assert (result.stays_started, result.stays_ended, result.households) == (1, 0, 1)
    assert result.average_stay_nights is None
    assert housing(today=date(2025, 5, 31)).households == 0  # not yet entered


def test_a_unit_opening_mid_year_is_available_from_that_day_only():
    place = unit(available_from=date(2025, 7, 1))
    stay(place, date(2025, 7, 1), date(2025, 8, 1))

    result = housing()

    assert (result.nights_occupied, result.nights_available) == (31, 184)
    assert result.occupancy_rate == pytest.approx(31 / 184)
    assert result.months_in_period == 12
    assert result.months_occupied == pytest.approx(31 / 184 * 12)
    assert monthly_nights(result) == {7: (31, 31), 8: (0, 31), 9: (0, 30), 10: (0, 31)} | {
        11: (0, 30),
        12: (0, 31),
    }


def test_an_empty_period_has_no_rate_rather_than_zero():
    result = housing()

    assert (result.nights_occupied, result.nights_available) == (0, 0)
    assert result.occupancy_rate is None
    assert result.months_occupied is None
    assert result.months_in_period == 12
    assert [m.month for m in result.monthly] == [date(2025, m, 1) for m in range(1, 13)]
    assert (result.households, result.stays_started, result.destinations) == (0, 0, [])


def test_an_available_unit_without_stays_is_zero_percent_occupied():
    unit()
    result = housing(Period.quarter(2025, 1))
    assert (result.nights_available, result.occupancy_rate, result.months_occupied) == (90, 0, 0)
    assert result.months_in_period == 3


def test_two_units_add_their_nights():
    first = unit()
    second = unit(available_until=date(2025, 6, 30))
    stay(first, date(2025, 2, 1), date(2025, 3, 1), destination="social_housing")
    stay(second, date(2025, 3, 1), date(2025, 3, 11), destination="return_home")
    stay(second, date(2025, 4, 1), date(2025, 4, 3), destination="social_housing")
    stay(first, date(2025, 12, 30), date(2026, 1, 2))

    result = housing()

    assert result.nights_occupied == 28 + 10 + 2 + 2
    assert result.nights_available == 365 + 181
    assert monthly_nights(result)[2] == (28, 56)
    assert monthly_nights(result)[3] == (10, 62)
    assert monthly_nights(result)[7] == (0, 31)
    assert (result.stays_started, result.stays_ended, result.households) == (4, 3, 4)
    assert result.average_stay_nights == pytest.approx((28 + 10 + 2) / 3)
    assert result.destinations == [("social_housing", 2), ("return_home", 1)]


def test_monthly_nights_add_up_to_the_models_definition():
    first, second = unit(available_from=date(2024, 11, 15)), unit(available_until=date(2025, 2, 9))
    stay(first, date(2024, 12, 1), date(2025, 1, 20))
    stay(first, date(2025, 2, 14))
    stay(second, date(2025, 1, 5), date(2025, 1, 6))
    period, today = Period(date(2024, 12, 10), date(2025, 3, 5), kind="custom"), date(2025, 3, 1)

    result = housing(period, today)

    assert result.nights_occupied == occupied_nights(
        db.session, period.start, period.end, today=today
    )
    assert result.nights_available == available_nights(db.session, period.start, period.end)
    assert result.nights_occupied == 22 + 19 + 1 + 16  # Dec, Jan (two stays), Feb, 1 March
    assert [m.nights_available for m in result.monthly] == [22, 31 + 31, 28 + 9, 5]
    assert result.months_in_period == 4


def test_a_municipality_shows_its_own_units_only():
    here, elsewhere = factories.municipality("Esneux"), factories.municipality("Trooz")
    stay(unit(municipality=here), date(2025, 1, 1), date(2025, 1, 11), adults=2)
    stay(unit(municipality=elsewhere), date(2025, 1, 1), date(2025, 3, 1), children=3)

    result = housing(Period.year(2025, here.id))

    assert (result.nights_occupied, result.nights_available) == (10, 365)
    assert (result.households, result.adults, result.children) == (1, 2, 0)
    assert result.stays_ended == 1
    assert housing().nights_occupied == 10 + 59


# --- children: "La cabane", every first Wednesday -----------------------------------------


def sessions(of: Workshop, *held: tuple[date, int, int]) -> None:
    """Sessions of the workshop `of`, each (day, children, parents)."""
    for day, children, parents in held:
        workshop_session(day, workshop=of, children_present=children, parents_present=parents)


def test_a_quarter_plans_its_three_first_wednesdays_and_counts_the_sessions_held():
    cabane = workshop()
    # First Wednesdays of Q1 2025: 1 January, 5 February, 5 March; February was missed.
    sessions(cabane, (date(2025, 1, 1), 6, 4), (date(2025, 3, 5), 8, 5), (date(2025, 4, 2), 9, 9))

    result = figures.children(db.session, Period.quarter(2025, 1), TODAY)

    assert (result.sessions_held, result.sessions_planned) == (2, 3)
    assert (result.children_present, result.parents_present) == (14, 9)
    assert (result.children_per_session, result.parents_per_session) == (7, 4.5)
    assert [(m.month.month, m.sessions, m.children, m.parents) for m in result.monthly] == [
        (1, 1, 6, 4),
        (2, 0, 0, 0),
        (3, 1, 8, 5),
    ]


def test_planned_sessions_count_each_workshop_held_then_and_only_days_in_the_period():
    workshop(), workshop()
    workshop(starts_on=date(2020, 1, 1), ends_on=date(2024, 12, 31))  # ended before
    workshop(starts_on=date(2025, 3, 1))  # started in March: one first Wednesday
    period = Period(date(2025, 1, 2), date(2025, 3, 31), kind="custom")  # after 1 January

    result = figures.children(db.session, period, TODAY)

    assert (result.sessions_planned, result.sessions_held) == (2 * 2 + 1, 0)
    assert result.children_per_session is None


def test_children_figures_of_a_municipality_leave_other_workshops_out():
    here, elsewhere = factories.municipality("Aywaille"), factories.municipality("Sprimont")
    sessions(workshop(municipality=here), (date(2025, 2, 5), 5, 2))
    sessions(workshop(municipality=elsewhere), (date(2025, 2, 5), 7, 3))

    result = figures.children(db.session, Period.year(2025, here.id), TODAY)

    assert (result.sessions_held, result.sessions_planned, result.children_present) == (1, 12, 5)


# --- network: referents, platform, meetings -----------------------------------------------


def test_referents_are_those_still_appointed_on_the_last_day_by_municipality_and_body():
    aywaille, trooz = factories.municipality("Aywaille"), factories.municipality("Trooz")
    factories.municipality("Esneux")
    council = AppointingBody.SOCIAL_ACTION_COUNCIL
    factories.referent(municipality=aywaille, starts_on=date(2024, 3, 1))
    factories.referent(municipality=aywaille, appointed_by=council, ends_on=date(2025, 12, 31))
    factories.referent(municipality=trooz, appointed_by=council)
    factories.referent(municipality=trooz, ends_on=date(2025, 6, 30))  # left during the year
    factories.referent(municipality=trooz, starts_on=date(2026, 1, 1))  # not yet appointed

    result = figures.network(db.session, YEAR_2025, TODAY)

    assert result.referents == 3
    assert result.referents_by_municipality == [("Aywaille", 2), ("Esneux", 0), ("Trooz", 1)]
    assert result.referents_by_body == {"municipal_college": 1, "social_action_council": 2}
    in_trooz = figures.network(db.session, Period.year(2025, trooz.id), TODAY)
    assert in_trooz.referents == 1
    assert in_trooz.referents_by_municipality == [("Trooz", 1)]
    assert in_trooz.referents_by_body == {"municipal_college": 0, "social_action_council": 1}


def test_meetings_expected_one_per_quarter_touched_and_attendance_rate():
    people = [factories.person() for _ in range(5)]
    for person in people[:4]:
        factories.save(PlatformMembership(person=person, starts_on=date(2024, 1, 1)))
    factories.save(
        PlatformMembership(person=people[4], starts_on=date(2024, 1, 1), ends_on=date(2025, 1, 31))
    )
    factories.save(
        PlatformMeeting(held_on=date(2025, 3, 10), attendees=people[:2]),
        PlatformMeeting(held_on=date(2025, 5, 20), attendees=people[:3]),
    )
    spring = Period(date(2025, 2, 15), date(2025, 5, 15), kind="custom")  # Q1 and Q2

    result = figures.network(db.session, spring, TODAY)
    year = figures.network(db.session, YEAR_2025, TODAY)

    assert (result.platform_members, result.meetings_held, result.meetings_expected) == (4, 1, 2)
    assert result.attendance_rate == pytest.approx(2 / 4)
    assert (year.meetings_held, year.meetings_expected) == (2, 4)
    assert year.attendance_rate == pytest.approx(2.5 / 4)
    no_meeting = figures.network(db.session, Period.quarter(2025, 3), TODAY)
    assert (no_meeting.meetings_held, no_meeting.attendance_rate) == (0, None)


def test_organisations_by_kind_of_a_municipality_include_regional_bodies():
    here, elsewhere = factories.municipality(), factories.municipality()
    for kind, where in [
        (OrganisationKind.CPAS, here),
        (OrganisationKind.CPAS, elsewhere),
        (OrganisationKind.SCHOOL, here),
        (OrganisationKind.REGIONAL_BODY, None),
        (OrganisationKind.REGIONAL_BODY, None),
    ]:
        factories.organisation(kind=kind, municipality=where)
    factories.organisation(kind=OrganisationKind.SCHOOL, left_on=date(2025, 6, 30))
    factories.organisation(kind=OrganisationKind.SCHOOL, joined_on=date(2026, 1, 5))

    everywhere = figures.network(db.session, YEAR_2025, TODAY).organisations_by_kind
    local = figures.network(db.session, Period.year(2025, here.id), TODAY).organisations_by_kind

    assert everywhere == [("cpas", 2), ("regional_body", 2), ("school", 1)]
    assert local == [("regional_body", 2), ("cpas", 1), ("school", 1)]


# --- training -------------------------------------------------------------------------------


def test_training_counts_sessions_hours_and_participations():
    one, two, three = factories.person(), factories.person(), factories.person()
    course = training("Base", audience=TrainingAudience.REFERENTS)
    session = partial(training_session, training=course)
    session(
        date(2025, 2, 6), hours=Decimal("6.0"), participants=[one, two], external_participants=3
    )
    session(date(2025, 3, 6), hours=Decimal("3.5"), participants=[one])
    session(date(2024, 3, 6), hours=Decimal("2.0"), participants=[three])

    result = figures.training(db.session, YEAR_2025, TODAY)

    assert (result.sessions, result.hours) == (2, Decimal("9.5"))
    assert (result.participations, result.distinct_participants) == (2 + 1 + 3, 2)
    assert result.referents_trained_share is None  # nobody is a referent
    quiet_year = figures.training(db.session, Period.year(2023), TODAY)
    assert (quiet_year.sessions, quiet_year.hours, quiet_year.participations) == (0, 0, 0)


def test_referents_trained_share_counts_active_referents_trained_within_the_period():
    here, elsewhere = factories.municipality(), factories.municipality()
    trained_here, untrained_here = (
        factories.referent(municipality=here),
        factories.referent(municipality=here),
    )
    trained_before = factories.referent(municipality=elsewhere)
    factories.referent(municipality=elsewhere)
    former = factories.referent(municipality=here, ends_on=date(2025, 5, 31))
    course = training("Base", audience=TrainingAudience.REFERENTS)
    for held_on, participants in [
        (date(2025, 4, 3), [trained_here.person, former.person]),
        (date(2024, 4, 3), [trained_before.person, untrained_here.person]),
    ]:
        training_session(held_on, training=course, hours=Decimal("6.0"), participants=participants)

    everywhere = figures.training(db.session, YEAR_2025, TODAY)
    local = figures.training(db.session, Period.year(2025, here.id), TODAY)

    assert everywhere.referents_trained_share == pytest.approx(1 / 4)
    assert local.referents_trained_share == pytest.approx(1 / 2)


# --- awareness ------------------------------------------------------------------------------


def test_awareness_actions_by_municipality_with_zone_wide_ones_last():
    aywaille, esneux = factories.municipality("Aywaille"), factories.municipality("Esneux")
    for where, day, public in [
        (aywaille, date(2025, 4, 12), 350),
        (aywaille, date(2025, 11, 25), None),
        (None, date(2025, 11, 25), 1000),
        (esneux, date(2024, 6, 21), 400),
    ]:
        awareness_action(
            f"Action {day} {public}", municipality=where, held_on=day, public_reached=public
        )
    material("Dépliant", kind=MaterialKind.FLYER, quantity=500, issued_on=date(2025, 3, 1))
    material("Page web", kind=MaterialKind.WEB_PAGE, quantity=None, issued_on=date(2025, 2, 1))
    material("Affiche", kind=MaterialKind.POSTER, quantity=50, issued_on=date(2024, 3, 1))

    result = figures.awareness(db.session, YEAR_2025, TODAY)
    in_esneux = figures.awareness(db.session, Period.year(2025, esneux.id), TODAY)

    assert (result.actions, result.public_reached) == (3, 1350)
    assert result.actions_by_municipality == [("Aywaille", 2), ("Esneux", 0), (None, 1)]
    assert (result.materials_issued, result.copies_issued) == (2, 500)
    assert (in_esneux.actions, in_esneux.public_reached) == (1, 1000)
    assert in_esneux.actions_by_municipality == [("Esneux", 0), (None, 1)]


# --- agreements -----------------------------------------------------------------------------


def test_agreements_expiring_within_ninety_days_soonest_first():
    greova = factories.organisation("Groupement régional", short_name="GREOVA")
    pole = factories.organisation("Pôle de ressources")
    start = date(2025, 1, 1)
    agreement("Day ninety", pole, start, date(2026, 1, 13))
    agreement("Soonest", greova, start, date(2025, 11, 30))
    agreement("Day ninety-one", greova, start, date(2026, 1, 14))
    agreement("Open-ended", greova, start, None)
    agreement("Already ended", greova, start, date(2025, 10, 1))
    agreement("Not yet in force", greova, date(2025, 11, 1), date(2025, 12, 1))

    expiring = figures.agreements(db.session, YEAR_2025, date(2025, 10, 15)).expiring

    assert [(a.title, a.organisation, a.valid_until) for a in expiring] == [
        ("Soonest", "GREOVA", date(2025, 11, 30)),
        ("Day ninety", "Pôle de ressources", date(2026, 1, 13)),
    ]


def test_agreements_active_at_the_end_of_the_period_and_ended_within_it():
    here, elsewhere = factories.municipality(), factories.municipality()
    regional = factories.organisation()
    local, other = (
        factories.organisation(municipality=here),
        factories.organisation(municipality=elsewhere),
    )
    agreement("Open-ended", regional, date(2024, 10, 1), None)
    agreement("Ends on the last day", local, date(2025, 1, 1), date(2025, 12, 31))
    agreement("Goes on", other, date(2025, 2, 1), date(2026, 12, 31))
    agreement("Ended mid-year", local, date(2024, 1, 1), date(2025, 6, 30))
    agreement("Starts next year", other, date(2026, 1, 1), None)

    everywhere = figures.agreements(db.session, YEAR_2025, TODAY)
    in_here = figures.agreements(db.session, Period.year(2025, here.id), TODAY)

    assert (everywhere.active, everywhere.ended) == (3, 2)
    assert (in_here.active, in_here.ended) == (2, 2)


# --- the demo: the seed's figures ----------------------------------------------------------


def test_demo_year_shows_the_figures_of_the_seed():
    demo.load()
    today = date.today()
    period = Period.year(today.year - 1)

    network = figures.network(db.session, period, today)
    housing_ = figures.housing(db.session, period, today)
    children = figures.children(db.session, period, today)
    agreements = figures.agreements(db.session, period, today)

    assert network.referents == 17
    assert network.referents_by_body == {"municipal_college": 9, "social_action_council": 8}
    assert network.platform_members == 32
    assert (network.meetings_held, network.meetings_expected) == (4, 4)
    assert (housing_.nights_occupied, housing_.nights_available) == (228, 365)
    assert round(housing_.occupancy_rate * 100, 1) == 62.5
    assert (round(housing_.months_occupied, 1), housing_.months_in_period) == (7.5, 12)
    assert (children.sessions_held, children.sessions_planned) == (12, 12)
    assert (agreements.active, agreements.ended) == (3, 1)  # GREOVA, AISOVA, the Pôle
    in_december = figures.agreements(db.session, period, date(period.end.year, 12, 1))
    assert [a.organisation for a in in_december.expiring] == ["AISOVA"]  # its test phase ends
