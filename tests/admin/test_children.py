from datetime import date

import pytest
from markupsafe import escape

from models.children import Workshop, WorkshopSession
from models.network import Organisation
from tests import factories
from tests.admin import crud
from tests.factories import workshop, workshop_session


def workshop_form(**fields) -> dict:
    return {
        "name": "La cabane",
        "min_age": "5",
        "max_age": "10",
        "schedule": "Chaque premier mercredi du mois",
        "parents_reception": "y",
        "active": "y",
        **fields,
    }


def test_workshop_round_trip_with_facilitators(client):
    town = factories.municipality("Esneux")
    one = factories.organisation("Service de santé mentale d'Esneux")
    other = factories.organisation("Planning familial d'Esneux")
    data = workshop_form(municipality=town.id, facilitators=[one.id, other.id])
    place = "Maison de l'enfance d'Esneux"
    trip = crud.round_trip(client, Workshop, data, {"place": place})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "La cabane" in trip.listing and "5–10" in trip.listing
    assert escape(place) in trip.details and place in trip.csv
    assert escape("Planning familial d'Esneux") in trip.details
    assert crud.count(Organisation) == 2  # the facilitators outlive the workshop


def test_workshop_session_round_trip(client):
    cabane = workshop("La cabane")
    data = {"workshop": cabane.id, "held_on": "2025-02-05", "children_present": "7"}
    trip = crud.round_trip(client, WorkshopSession, data, {"notes": "Thème : les émotions"})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "5 févr. 2025" in trip.listing and "La cabane" in trip.listing
    assert "Thème : les émotions" in trip.details
    assert "2025-02-05" in trip.csv and "Thème : les émotions" in trip.csv


def test_workshop_list_shows_age_range_and_municipality_by_name(client):
    workshop(min_age=5, max_age=10, municipality=factories.municipality("Aywaille"))
    page = client.get("/admin/workshop/").get_data(as_text=True)
    assert "5–10" in page and "Aywaille" in page


def test_facilitator_lookup_finds_organisations_by_name(client):
    factories.organisation("Office de la naissance et de l'enfance", short_name="ONE")
    found = client.get("/admin/workshop/ajax/lookup/?name=facilitators&query=naissance")
    assert "ONE" in found.get_data(as_text=True)


def test_minimum_age_above_maximum_age_is_refused_next_to_maximum_age(client):
    answer = crud.send(client, Workshop, workshop_form(min_age="12", max_age="8"))
    assert answer.status == 200 and answer.records == 0
    assert crud.error_next_to(
        answer.page, "max_age", "Ne doit pas être inférieur à l&#39;âge minimum."
    )
    assert 'value="12"' in answer.page and 'value="8"' in answer.page


@pytest.mark.parametrize(("field", "value"), [("min_age", "-1"), ("max_age", "19")])
def test_ages_outside_childhood_are_refused(client, field, value):
    answer = crud.send(client, Workshop, workshop_form(**{field: value}))
    assert answer.status == 200 and answer.records == 0
    assert crud.error_next_to(answer.page, field, "Doit être compris entre 0 et 18.")


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"name": ""}, "name", "Ce champ est requis."),
        ({"name": "C" * 201}, "name", "200"),
        ({"place": "P" * 201}, "place", "200"),
    ],
)
def test_workshop_form_refuses_bad_input_and_keeps_it(client, fields, field, message):
    answer = crud.send(client, Workshop, workshop_form(**fields))
    assert answer.status == 200 and answer.records == 0
    assert crud.error_next_to(answer.page, field, message)
    assert "Chaque premier mercredi du mois" in answer.page


def test_second_workshop_with_the_same_name_is_refused(client):
    workshop("La cabane")
    answer = crud.send(client, Workshop, workshop_form(name="La cabane"))
    assert crud.error_next_to(answer.page, "name", "Existe déjà.") and answer.records == 1


@pytest.mark.parametrize("field", ["children_present", "parents_present"])
def test_negative_attendance_is_refused(client, field):
    cabane = workshop()
    data = {"workshop": cabane.id, "held_on": "2025-03-05", "children_present": "5"}
    answer = crud.send(client, WorkshopSession, {**data, field: "-1"})
    assert answer.status == 200 and answer.records == 0
    assert crud.error_next_to(answer.page, field, "Doit être égal ou supérieur à zéro.")


def test_second_session_on_the_same_day_is_refused_next_to_the_date(client):
    existing = workshop_session(date(2025, 4, 2))
    answer = crud.send(
        client,
        WorkshopSession,
        {"workshop": existing.workshop_id, "held_on": "2025-04-02", "children_present": "3"},
    )
    assert answer.status == 200 and answer.records == 1
    assert crud.error_next_to(
        answer.page, "held_on", "Un autre enregistrement a déjà cette valeur."
    )


def test_moving_a_session_onto_another_sessions_day_keeps_it_unchanged(client):
    first = workshop_session(date(2025, 5, 7))
    second = workshop_session(date(2025, 6, 4), workshop=first.workshop)
    data = {"workshop": first.workshop_id, "held_on": "2025-05-07", "children_present": "2"}
    assert crud.send(client, WorkshopSession, data, second).status == 200
    assert factories.db.session.get(WorkshopSession, second.id).held_on == date(2025, 6, 4)


def test_deleting_a_workshop_with_sessions_or_its_facilitator_is_refused(client):
    saj = factories.organisation("SAJ de Liège")
    session = workshop_session(date(2025, 1, 1), workshop=workshop(facilitators=[saj]))
    refusal = crud.remove(client, session.workshop)
    assert "ne peut pas être supprimé" in refusal.page
    assert "1 × séances d&#39;atelier" in refusal.page
    assert refusal.records == 1 and crud.count(WorkshopSession) == 1
    refusal = crud.remove(client, saj)
    assert "« SAJ de Liège » ne peut pas être supprimé" in refusal.page
    assert "1 × animations d&#39;ateliers" in refusal.page and refusal.records == 1


def test_deleting_a_workshop_without_sessions_keeps_its_facilitators(client):
    cabane = workshop(facilitators=[factories.organisation("ONE")])
    answer = crud.remove(client, cabane)
    assert answer.status == 302 and answer.records == 0
    assert crud.count(Organisation) == 1


def test_sessions_are_listed_latest_first(client):
    cabane = workshop()
    for held_on in (date(2025, 1, 1), date(2025, 3, 5)):
        workshop_session(held_on, workshop=cabane)
    shown = crud.as_listed(client, "workshopsession", "1 janv. 2025", "5 mars 2025")
    assert shown == ["5 mars 2025", "1 janv. 2025"]


def test_sessions_filter_by_date_and_workshop(client):
    cabane, other = workshop("La cabane"), workshop("Les petits pas")
    workshop_session(date(2025, 1, 1), workshop=cabane)
    workshop_session(date(2025, 9, 3), workshop=cabane)
    workshop_session(date(2025, 9, 10), workshop=other)

    text = crud.filtered(client, "workshopsession", "Date", "plus grand que", "2025-06-30")
    assert "3 sept. 2025" in text and "10 sept. 2025" in text and "1 janv. 2025" not in text

    text = crud.filtered(client, "workshopsession", "Atelier", "contient", "cabane")
    assert "3 sept. 2025" in text and "10 sept. 2025" not in text


def test_sessions_can_be_searched_by_workshop_name(client):
    workshop_session(date(2025, 2, 5), workshop=workshop("La cabane"))
    workshop_session(date(2025, 2, 12), workshop=workshop("Les petits pas"))
    text = client.get("/admin/workshopsession/?search=petits").get_data(as_text=True)
    assert "12 févr. 2025" in text and "5 févr. 2025" not in text


def test_session_form_reminds_that_no_names_are_written(client):
    page = client.get("/admin/workshopsession/new/").get_data(as_text=True)
    assert "N'écrivez jamais ici le nom d'un enfant ou d'un parent." in page
