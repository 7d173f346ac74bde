"""Text is clean at the door: control characters are refused next to the field, nothing saved."""

from __future__ import annotations

import pytest
from sqlalchemy import func, select
from wtforms import IntegerField, PasswordField, StringField, TextAreaField

from models import db
from models.accounts import User
from models.audit import AuditEntry
from models.awareness import CommunicationMaterial
from models.network import Municipality, Organisation, PlatformMeeting
from models.training import TrainingSession
from tests import factories
from tests.admin.crud import count, create_forms, error_next_to, send
from tests.helpers import PASSWORD, login, make_user

MESSAGE = "Retirez les caractères de contrôle invisibles de ce texte."


def text_fields(app) -> list[tuple[str, str, str]]:
    """(screen, field, kind) of every text field of every create form of the admin."""
    return [
        (view.endpoint, field.name, field.type)
        for view, form in create_forms(app)
        for field in form
        if isinstance(field, StringField) and field.type != "HiddenField"
    ]


def test_every_create_form_has_text_fields_to_check(app):
    screens = {screen for screen, *_ in text_fields(app)}
    assert {"organisation", "platformmeeting", "housingstay", "user"} <= screens


@pytest.mark.parametrize("character", ["\x00", "\x01", "\x1b", "\x7f", "\x85"])
def test_every_text_field_of_every_form_refuses_control_characters(app, as_role, character):
    browser = as_role("administrator")
    for screen, field, _kind in text_fields(app):
        model = next(v.model for v in app.extensions["admin"][0]._views if v.endpoint == screen)
        before = count(model)
        response = browser.post(f"/admin/{screen}/new/", data={field: f"Avant{character}après"})
        page = response.get_data(as_text=True)
        page = page[page.index("<body") :]  # a <meta name="description"> is not the field
        assert response.status_code == 200, (screen, field)
        assert error_next_to(page, field, MESSAGE), (screen, field)
        assert count(model) == before, (screen, field)


@pytest.mark.parametrize("character", ["\t", "\n", "\r"])
def test_single_line_fields_refuse_tabs_and_line_breaks(client, character):
    response = client.post(
        "/admin/organisation/new/", data={"name": f"Nom{character}coupé", "kind": "association"}
    )
    assert response.status_code == 200
    assert error_next_to(response.get_data(as_text=True), "name", MESSAGE)
    assert count(Organisation) == 0


def test_multi_line_fields_keep_tabs_and_line_breaks(client):
    minutes = "Points :\r\n\t- budget\r\n\t- calendrier"
    response = client.post(
        "/admin/platformmeeting/new/", data={"held_on": "2025-03-12", "minutes": minutes}
    )
    assert response.status_code == 302, response.get_data(as_text=True)
    assert db.session.scalar(select(PlatformMeeting.minutes)).replace("\r\n", "\n") == (
        minutes.replace("\r\n", "\n")
    )


def test_multi_line_fields_refuse_other_control_characters(client):
    response = client.post(
        "/admin/platformmeeting/new/", data={"held_on": "2025-03-12", "minutes": "Ordre\x00"}
    )
    assert error_next_to(response.get_data(as_text=True), "minutes", MESSAGE)
    assert count(PlatformMeeting) == 0


def test_editing_with_a_control_character_keeps_the_record_and_what_was_typed(client):
    org = factories.organisation("Maison de quartier")
    response = client.post(
        f"/admin/organisation/edit/?id={org.id}", data={"name": "Maison\x01", "kind": "association"}
    )
    page = response.get_data(as_text=True)
    assert response.status_code == 200 and error_next_to(page, "name", MESSAGE)
    assert 'value="Maison' in page  # what was typed stays in the form
    db.session.refresh(org)
    assert org.name == "Maison de quartier"


def test_message_is_in_the_users_language(client):
    client.post("/language", data={"language": "nl", "next": "/admin/"})
    response = client.post(
        "/admin/organisation/new/", data={"name": "X\x01", "kind": "association"}
    )
    body = response.get_data(as_text=True)
    assert error_next_to(body, "name", "Verwijder de onzichtbare stuurtekens uit deze tekst.")


def test_account_form_refuses_a_username_with_a_nul(as_role):
    response = as_role("administrator").post(
        "/admin/user/new/",
        data={"username": "bob\x00", "role": "secretariat", "new_password": "a" * 6 + "Zq9!xT"},
    )
    assert error_next_to(response.get_data(as_text=True), "username", MESSAGE)
    assert (
        db.session.scalar(select(func.count()).select_from(User).where(User.username.like("bob%")))
        == 0
    )


def test_password_change_refuses_control_characters(client):
    response = client.post(
        "/account/password",
        data={"current": PASSWORD, "new": "nouveau\x01mot de passe", "confirm": "x"},
    )
    assert response.status_code == 200
    assert MESSAGE in response.get_data(as_text=True)


def test_login_strips_control_characters_before_checking_and_logging(app):
    make_user("thr3", "secretariat")
    browser = app.test_client()
    assert login(browser, "thr3\x00", "wrong password, surely").status_code == 401
    assert login(browser, "\x01thr3\x1f").status_code == 302
    names = db.session.scalars(
        select(AuditEntry.username).where(AuditEntry.action.in_(("login", "login_failed")))
    ).all()
    assert names and set(names) == {"thr3"}


def test_login_with_only_control_characters_is_refused_unchecked(app):
    response = login(app.test_client(), "\x00\x01")
    assert response.status_code == 200
    assert db.session.scalar(select(func.count()).select_from(AuditEntry)) == 0


@pytest.mark.parametrize("value", ["2147483648", "-2147483648", "99999999999999999999"])
def test_whole_number_fields_refuse_what_the_database_cannot_hold(client, value):
    poster = {"title": "Affiche", "kind": "poster", "quantity": value}
    answer = send(client, CommunicationMaterial, poster)
    assert (answer.status, answer.records) == (200, 0)
    assert error_next_to(answer.page, "quantity", "2147483647")


def test_a_number_too_long_for_a_float_is_refused_not_a_crash(client):
    # The field's own "zero or more" check would turn it into a float and fail.
    poster = {"title": "Affiche", "kind": "poster", "quantity": "9" * 400}
    answer = send(client, CommunicationMaterial, poster)
    assert answer.status == 200 and error_next_to(answer.page, "quantity", "2147483647")


@pytest.mark.parametrize("hours", ["NaN", "Infinity", "-Infinity", "sNaN"])
def test_decimal_fields_refuse_what_is_no_number(client, hours):
    training = client.post(
        "/admin/training/new/", data={"title": "Accueil", "audience": "referents"}
    )
    assert training.status_code == 302, training.get_data(as_text=True)
    response = client.post(
        "/admin/trainingsession/new/", data={"held_on": "2025-03-12", "hours": hours}
    )
    assert response.status_code == 200
    assert error_next_to(response.get_data(as_text=True), "hours", "Indiquez un nombre.")
    assert count(TrainingSession) == 0


def test_stored_control_characters_never_break_a_page(client):
    town = factories.municipality("Ctl\x01Town\x1b")
    org = factories.organisation("Org\x02\x7f", municipality=town, address="Rue\x0b1")
    for path in (
        "/admin/municipality/",
        f"/admin/municipality/details/?id={town.id}",
        f"/admin/municipality/edit/?id={town.id}",
        "/admin/organisation/",
        f"/admin/organisation/details/?id={org.id}",
        f"/admin/organisation/edit/?id={org.id}",
        "/admin/",
        f"/admin/?municipality={town.id}",
        "/network-overview/",
    ):
        assert client.get(path).status_code == 200, path
    assert db.session.get(Municipality, town.id).name == "Ctl\x01Town\x1b"


def test_text_and_number_fields_are_those_the_meta_watches(app):
    # The mechanism binds to field classes: the admin's fields are of those classes.
    kinds = {kind for *_, kind in text_fields(app)}
    assert {"StringField", "TextAreaField", "PasswordField"} <= kinds
    assert issubclass(TextAreaField, StringField) and issubclass(PasswordField, StringField)
    assert not issubclass(IntegerField, StringField)
