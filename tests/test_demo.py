"""The demo data reproduces the figures of the network's own summary, for the demo year."""

from datetime import date

import pytest
from sqlalchemy import func, select

from backoffice import demo
from models import db
from models.network import (
    AppointingBody,
    Municipality,
    PlatformMeeting,
    PlatformMembership,
    ReferentAppointment,
)

TODAY = date.today()
YEAR = TODAY.year - 1
YEAR_END = date(YEAR, 12, 31)


@pytest.fixture
def loaded():
    assert demo.load() is True


def count(statement) -> int:
    return db.session.scalar(select(func.count()).select_from(statement.subquery()))


def active_referents(**where):
    statement = select(ReferentAppointment).where(
        ReferentAppointment.starts_on <= YEAR_END,
        (ReferentAppointment.ends_on.is_(None)) | (ReferentAppointment.ends_on >= YEAR_END),
    )
    for column, value in where.items():
        statement = statement.where(getattr(ReferentAppointment, column) == value)
    return statement


def test_demo_year_is_the_year_before_today():
    assert demo.demo_year(date(2026, 11, 26)) == 2025


def test_five_municipalities_of_zone_secova(loaded):
    names = db.session.scalars(select(Municipality.name).order_by(Municipality.name)).all()
    assert names == ["Aywaille", "Chaudfontaine", "Esneux", "Sprimont", "Trooz"]


def test_seventeen_referents_appointed_by_colleges_and_social_action_councils(loaded):
    assert count(active_referents()) == 17
    assert count(active_referents(appointed_by=AppointingBody.MUNICIPAL_COLLEGE)) == 9
    assert count(active_referents(appointed_by=AppointingBody.SOCIAL_ACTION_COUNCIL)) == 8
    towns = db.session.scalars(
        select(func.count(func.distinct(ReferentAppointment.municipality_id))).where(
            ReferentAppointment.ends_on.is_(None)
        )
    ).one()
    assert towns == 5


def test_thirty_two_platform_members_meeting_once_per_quarter(loaded):
    members = select(PlatformMembership).where(
        PlatformMembership.starts_on <= YEAR_END, PlatformMembership.ends_on.is_(None)
    )
    assert count(members) == 32
    meetings = db.session.scalars(
        select(PlatformMeeting.held_on).where(
            PlatformMeeting.held_on.between(date(YEAR, 1, 1), YEAR_END)
        )
    ).all()
    assert sorted((d.month - 1) // 3 for d in meetings) == [0, 1, 2, 3]


def test_loading_twice_duplicates_nothing(app, loaded):
    tables = [t for t in db.metadata.sorted_tables]
    before = {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in tables}
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code == 0
    after = {t.name: db.session.scalar(select(func.count()).select_from(t)) for t in tables}
    assert after == before
    assert sum(before.values()) > 100


def test_emergency_apartment_occupied_seven_and_a_half_months_of_twelve(loaded):
    from models.housing import HousingUnit, available_nights, occupied_nights

    start = date(YEAR, 1, 1)
    occupied = occupied_nights(db.session, start, YEAR_END)
    available = available_nights(db.session, start, YEAR_END)
    assert (occupied, available) == (228, 365)
    assert round(occupied / available * 100, 1) == 62.5
    assert round(occupied / available * 12, 1) == 7.5
    unit = db.session.scalars(select(HousingUnit)).one()
    assert unit.provider.short_name == "AISOVA"
    # The test phase goes on this year.
    assert (unit.available_from, unit.available_until) == (date(YEAR, 1, 1), date(YEAR + 1, 12, 31))


def test_la_cabane_every_first_wednesday_for_children_five_to_ten(loaded):
    from models.children import Workshop, WorkshopSession, first_wednesdays

    workshop = db.session.scalars(select(Workshop)).one()
    assert (workshop.name, workshop.min_age, workshop.max_age) == ("La cabane", 5, 10)
    assert workshop.parents_reception is True
    held = db.session.scalars(
        select(WorkshopSession.held_on).where(
            WorkshopSession.held_on.between(date(YEAR, 1, 1), YEAR_END)
        )
    ).all()
    assert sorted(held) == first_wednesdays(YEAR)


def test_agreements_with_greova_aisova_and_the_pole_de_ressources(loaded):
    from models.agreements import Agreement

    partners = {a.organisation.short_name for a in db.session.scalars(select(Agreement))}
    assert partners == {"GREOVA", "AISOVA", "Pôle de ressources"}


def test_trainings_awareness_in_every_municipality_materials_and_a_protocol(loaded):
    from models.awareness import AwarenessAction, CommunicationMaterial
    from models.protocols import InterventionProtocol
    from models.training import TrainingSession

    assert (
        count(
            select(TrainingSession).where(
                TrainingSession.held_on.between(date(YEAR, 1, 1), YEAR_END)
            )
        )
        >= 4
    )
    towns = {a.municipality.name for a in db.session.scalars(select(AwarenessAction))}
    assert towns == {"Aywaille", "Chaudfontaine", "Esneux", "Sprimont", "Trooz"}
    assert count(select(CommunicationMaterial)) >= 3
    protocol = db.session.scalars(select(InterventionProtocol)).one()
    assert len(protocol.signatories) == 11


def test_demo_refused_into_a_database_with_real_records(app):
    from tests.factories import organisation

    organisation(name="Maison de quartier", short_name="MQ")
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["demo", "load"])
    assert result.exit_code != 0
    assert "données de démonstration non chargées" in result.output
    assert db.session.scalar(select(func.count()).select_from(Municipality)) == 0


def test_demo_refused_into_a_database_with_only_an_account(app):
    from backoffice.auth import accounts
    from models.accounts import User

    accounts.create("realadmin", "administrator", "a long enough secret 42")
    db.session.commit()
    result = app.test_cli_runner().invoke(args=["demo", "load", "--if-empty"])
    assert result.exit_code == 0  # make run goes on serving
    assert db.session.scalar(select(func.count()).select_from(User)) == 1
    assert db.session.scalar(select(func.count()).select_from(Municipality)) == 0


def test_this_year_holds_records_up_to_today_so_the_first_screen_has_figures(loaded):
    from models.awareness import AwarenessAction
    from models.housing import HousingStay
    from models.training import TrainingSession

    this_year = date(YEAR + 1, 1, 1)
    for model, when in (
        (HousingStay, HousingStay.entry_date),
        (TrainingSession, TrainingSession.held_on),
        (AwarenessAction, AwarenessAction.held_on),
    ):
        dates = db.session.scalars(select(when).where(when >= this_year)).all()
        assert all(day < TODAY for day in dates), model.__name__
        if TODAY >= date(YEAR + 1, 10, 31):  # by then, every area has this year's records
            assert dates, model.__name__
    stays = db.session.scalars(select(HousingStay).where(HousingStay.entry_date >= this_year))
    for stay in stays:
        assert stay.exit_date is None or stay.exit_date <= TODAY
