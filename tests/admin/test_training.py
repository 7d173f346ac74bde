import re
from datetime import date
from decimal import Decimal

import pytest
from markupsafe import escape

from models.network import Person
from models.training import Training, TrainingAudience, TrainingSession
from tests import factories
from tests.admin import crud
from tests.factories import training, training_session


def session_form(training_id: int, **fields) -> dict:
    return {
        "training": training_id,
        "held_on": "2025-03-18",
        "hours": "3.5",
        "external_participants": "0",
        **fields,
    }


def column(page: str, name: str) -> list[str]:
    """Return the cells of one column of a list page, as shown."""
    return re.findall(rf'<td class="col-{name}">\s*(.*?)\s*</td>', page, re.DOTALL)


def test_training_round_trip_with_trainer_lookup(client):
    pole = factories.organisation("Pôle de ressources en violences conjugales et intrafamiliales")
    found = client.get("/admin/training/ajax/lookup/?name=trainer&query=ressources")
    assert found.json == [[pole.id, str(pole)]]
    data = {"title": "Le processus de domination conjugale", "audience": "referents"}
    change = {"description": "Module de base pour les référents VIF"}
    trip = crud.round_trip(client, Training, {**data, "trainer": pole.id}, change)
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Référents VIF" in trip.listing  # the audience by its name
    assert "Pôle de ressources" in trip.details
    assert change["description"] in trip.details and change["description"] in trip.csv


def test_training_session_round_trip_with_participants(client):
    course = training("Accueillir une victime")
    a, b = factories.person("Aubry"), factories.person("Bodart")
    data = session_form(course.id, participants=[a.id, b.id], external_participants="4")
    trip = crud.round_trip(client, TrainingSession, data, {"place": "CPAS de Sprimont"})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Accueillir une victime" in trip.listing
    assert column(trip.listing, "participant_count") == ["6"]  # two recorded, four external
    assert "CPAS de Sprimont" in trip.details and "CPAS de Sprimont" in trip.csv
    assert crud.count(Person) == 2  # the participants outlive the session


def test_participant_lookup_finds_persons_by_name(client):
    factories.person("Lambert", first_name="Claire")
    found = client.get("/admin/trainingsession/ajax/lookup/?name=participants&query=lamb")
    assert "Claire Lambert" in found.get_data(as_text=True)


def test_session_list_counts_recorded_and_external_participants(client):
    people = [factories.person(), factories.person()]
    session = training_session(participants=people, external_participants=3)
    assert session.participant_count == 5
    page = client.get("/admin/trainingsession/").get_data(as_text=True)
    assert column(page, "participant_count") == ["5"]


def test_hours_are_shown_the_french_way_and_exported_as_numbers(client):
    training_session(hours=Decimal("3.5"))
    page = client.get("/admin/trainingsession/").get_data(as_text=True)
    assert column(page, "hours") == ["3,5"]
    assert "3.5" in client.get("/admin/trainingsession/export/csv/").get_data(as_text=True)


def test_audience_is_shown_by_its_french_name(client):
    training("Module de base", audience=TrainingAudience.REFERENTS)
    training("Module commun", audience=TrainingAudience.MIXED)
    page = client.get("/admin/training/").get_data(as_text=True)
    assert "Référents VIF" in page and "Public mixte" in page


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"hours": "-1"}, "hours", "Doit être égal ou supérieur à zéro."),
        ({"hours": "10000"}, "hours", "Doit être au plus 9999.9."),
        ({"external_participants": "-2"}, "external_participants", "Doit être égal ou sup"),
        ({"held_on": ""}, "held_on", "Ce champ est requis."),
        ({"place": "P" * 201}, "place", "200"),
    ],
)
def test_session_form_refuses_bad_input_and_keeps_it(client, fields, field, message):
    course = training()
    answer = crud.send(client, TrainingSession, session_form(course.id, **fields))
    assert answer.status == 200 and answer.records == 0
    assert crud.error_next_to(answer.page, field, message)
    assert 'value="2025-03-18"' in answer.page or 'value="3.5"' in answer.page


@pytest.mark.parametrize(
    ("fields", "field", "message"),
    [
        ({"title": ""}, "title", "Ce champ est requis."),
        ({"audience": "victims"}, "audience", "N&#39;est pas un choix valide."),
    ],
)
def test_training_form_refuses_bad_input(client, fields, field, message):
    data = {"title": "Module de base", "audience": "referents", **fields}
    answer = crud.send(client, Training, data)
    assert answer.status == 200 and answer.records == 0
    assert crud.error_next_to(answer.page, field, message)


def test_deleting_what_a_training_session_refers_to_is_refused_with_explanation(client):
    participant, pole = factories.person("Gilles"), factories.organisation("Pôle de ressources")
    session = training_session(participants=[participant], training=training(trainer=pole))
    for record, dependents in [
        (participant, "1 × participations aux formations"),
        (session.training, "1 × séances de formation"),
        (pole, "1 × formations"),
    ]:
        refusal = crud.remove(client, record)
        assert f"« {escape(record)} » ne peut pas être supprimé" in refusal.page
        assert dependents in refusal.page and refusal.records == 1


def test_deleting_a_session_removes_its_attendance_but_not_the_people(client):
    session = training_session(participants=[factories.person(), factories.person()])
    answer = crud.remove(client, session)
    assert (answer.status, answer.records) == (302, 0)
    assert crud.count(Person) == 2


def test_sessions_filter_by_date_audience_and_training(client):
    referents = training("Module référents", audience=TrainingAudience.REFERENTS)
    first_line = training("Module première ligne", audience=TrainingAudience.FIRST_LINE)
    training_session(date(2025, 2, 11), training=referents)
    training_session(date(2025, 10, 14), training=first_line)

    text = crud.filtered(client, "trainingsession", "Public", "vaut", "referents")
    assert "Module référents" in text and "Module première ligne" not in text
    text = crud.filtered(client, "trainingsession", "Date", "plus petit que", "2025-06-30")
    assert "11 févr. 2025" in text and "14 oct. 2025" not in text
    text = crud.filtered(client, "trainingsession", "Formation", "contient", "première")
    assert "14 oct. 2025" in text and "11 févr. 2025" not in text


def test_sessions_are_listed_latest_first(client):
    course = training()
    training_session(date(2025, 1, 20), training=course)
    training_session(date(2025, 5, 20), training=course)
    shown = crud.as_listed(client, "trainingsession", "20 janv. 2025", "20 mai 2025")
    assert shown == ["20 mai 2025", "20 janv. 2025"]
