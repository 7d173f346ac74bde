import re
from datetime import date

import pytest
from markupsafe import escape

from models import network
from tests import factories
from tests.admin import crud
from tests.helpers import login


def referent_form(person_id: int, municipality_id: int, **fields) -> dict:
    """The referent appointment form as typed for an appointment by the municipal college."""
    appointed = {"person": person_id, "municipality": municipality_id}
    return appointed | {"appointed_by": "municipal_college", "starts_on": "2025-02-01"} | fields


def test_municipality_round_trip(client):
    data, change = {"name": "Comblain", "postal_code": "4170"}, {"name": "Comblain-au-Pont"}
    trip = crud.round_trip(client, network.Municipality, data, change)
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Comblain" in trip.listing
    assert "Comblain-au-Pont" in trip.details and "Comblain-au-Pont" in trip.csv


def test_organisation_round_trip(client):
    town = factories.municipality("Esneux")
    name = "Planning familial d'Esneux"
    data = {"name": name, "kind": "family_planning", "municipality": town.id, "active": "y"}
    trip = crud.round_trip(client, network.Organisation, data, {"short_name": "PF Esneux"})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert escape(name) in trip.listing and "Esneux" in trip.listing
    assert "PF Esneux" in trip.details and "PF Esneux" in trip.csv


def test_person_round_trip_with_organisation_lookup(client):
    org = factories.organisation("SAPV Secova")
    found = client.get("/admin/person/ajax/lookup/?name=organisation&query=SAPV")
    assert found.json == [[org.id, "SAPV Secova"]]
    data = {"first_name": "Claire", "last_name": "Renard", "organisation": org.id}
    trip = crud.round_trip(client, network.Person, data, {"job_title": "Assistante sociale"})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Renard" in trip.listing and "SAPV Secova" in trip.details
    assert "Assistante sociale" in trip.details and "Assistante sociale" in trip.csv


def test_referent_round_trip(client):
    person, town = factories.person("Lambert"), factories.municipality("Trooz")
    data = referent_form(person.id, town.id)
    trip = crud.round_trip(client, network.ReferentAppointment, data, {"ends_on": "2025-12-31"})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Alex Lambert" in trip.listing and "Trooz" in trip.listing
    assert "31 déc. 2025" in trip.details  # shown as French readers write it,
    assert "2025-12-31" in trip.csv  # exported as spreadsheets read it


def test_platform_membership_round_trip(client):
    person = factories.person("Marchal")
    data = {"person": person.id, "starts_on": "2025-01-15"}
    trip = crud.round_trip(client, network.PlatformMembership, data, {"ends_on": "2025-06-30"})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Marchal" in trip.listing
    assert "30 juin 2025" in trip.details and "2025-06-30" in trip.csv


def test_platform_meeting_round_trip_with_attendees(client):
    a, b = factories.person("Aubry"), factories.person("Bodart")
    place = "Maison communale de Chaudfontaine"
    data = {"held_on": "2025-03-12", "place": place, "attendees": [a.id, b.id]}
    trip = crud.round_trip(
        client, network.PlatformMeeting, data, {"minutes": "Bilan du premier trimestre"}
    )
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert place in trip.listing
    assert re.search(r'class="col-attendee_count">\s*2\s*<', trip.listing)  # two attendees
    assert "Bilan du premier trimestre" in trip.details
    assert "Bilan du premier trimestre,2\r\n" in trip.csv
    assert crud.count(network.Person) == 2  # the attendees outlive the meeting


def test_list_shows_related_records_by_name_not_id(client):
    factories.referent(
        person=factories.person("Hubert"), municipality=factories.municipality("Sprimont")
    )
    page = client.get("/admin/referentappointment/").get_data(as_text=True)
    assert "Alex Hubert" in page and "Sprimont" in page


def test_list_filters_organisations_by_kind(client):
    factories.organisation("CPAS de Trooz", kind="cpas")
    factories.organisation("École communale", kind="school")
    page = crud.filtered(client, "organisation", "Type", "contient", "cpas")
    assert "CPAS de Trooz" in page and "École communale" not in page


@pytest.mark.parametrize(
    ("data", "message", "kept"),
    [
        ({"first_name": "", "last_name": "Renard"}, "Ce champ est requis.", 'value="Renard"'),
        (
            {"first_name": "Claire", "last_name": "R" * 81},
            "Le champ ne peut pas contenir plus de 80 caractères.",
            'value="' + "R" * 81 + '"',
        ),
    ],
)
def test_person_form_refuses_bad_input_and_keeps_it(client, data, message, kept):
    answer = crud.send(client, network.Person, data)
    assert answer.status == 200 and answer.records == 0
    assert message in answer.page
    assert kept in answer.page


def test_referent_end_before_start_is_refused_next_to_the_field(client):
    person, town = factories.person(), factories.municipality()
    data = referent_form(person.id, town.id, starts_on="2025-05-01", ends_on="2025-04-01")
    answer = crud.send(client, network.ReferentAppointment, data)
    assert answer.status == 200 and answer.records == 0
    assert "Ne doit pas précéder « Du »" in answer.page
    assert 'value="2025-04-01"' in answer.page


def test_second_open_appointment_for_same_person_and_town_is_refused(client):
    existing = factories.referent()
    data = referent_form(existing.person_id, existing.municipality_id, starts_on="2025-06-01")
    answer = crud.send(
        client, network.ReferentAppointment, data | {"appointed_by": "social_action_council"}
    )
    assert answer.status == 200 and answer.records == 1
    assert "Un autre enregistrement a déjà cette valeur." in answer.page


def test_deleting_an_organisation_people_work_for_is_refused_with_explanation(client):
    org = factories.organisation("CPAS d'Aywaille")
    factories.person("Gilles", organisation=org)
    refusal = crud.remove(client, org)
    assert "ne peut pas être supprimé" in refusal.page and "1 × personnes" in refusal.page
    assert refusal.records == 1


def test_editing_with_an_impossible_date_keeps_the_stored_record(client):
    membership = factories.save(
        network.PlatformMembership(person=factories.person(), starts_on=date(2025, 1, 1))
    )
    response = crud.edit(
        client,
        "platformmembership",
        membership.id,
        {
            "person": membership.person_id,
            "starts_on": "2025-01-01",
            "ends_on": "2024-12-31",
        },
    )
    assert response.status_code == 200
    assert factories.db.session.get(network.PlatformMembership, membership.id).ends_on is None


def test_bulk_delete_reports_refusals_and_counts_only_real_deletions(client):
    used = factories.organisation("Employeur")
    factories.person("Salarié", organisation=used)
    free = factories.organisation("Libre")
    response = client.post(
        "/admin/organisation/action/",
        data={"action": "delete", "rowid": [str(used.id), str(free.id)]},
        follow_redirects=True,
    )
    page = response.get_data(as_text=True)
    assert "« Employeur » ne peut pas être supprimé" in page
    assert "1 enregistrement supprimé." in page
    assert crud.count(network.Organisation) == 1


def test_second_of_two_editors_gets_a_conflict_and_the_first_change_survives(client, app):
    org = factories.organisation("Maison de quartier")
    other = app.test_client()
    login(other, "secretariat")
    forms = [browser.get(f"/admin/organisation/edit/?id={org.id}") for browser in (client, other)]
    seen = [
        re.search(r'name="seen_version"[^>]*value="(\d+)"', f.get_data(as_text=True)).group(1)
        for f in forms
    ]
    assert seen[0] == seen[1]
    first = {"name": "Maison de quartier de Trooz", "kind": "association", "seen_version": seen[0]}
    assert client.post(f"/admin/organisation/edit/?id={org.id}", data=first).status_code == 302
    second = {"name": "Maison de quartier d'Esneux", "kind": "association", "seen_version": seen[1]}
    response = other.post(f"/admin/organisation/edit/?id={org.id}", data=second)
    assert response.status_code == 200
    page = response.get_data(as_text=True)
    assert "Quelqu&#39;un d&#39;autre a modifié cet enregistrement" in page or (
        "Quelqu'un d'autre a modifié cet enregistrement" in page
    )
    assert "Maison de quartier d&#39;Esneux" in page  # what the second editor typed is kept
    factories.db.session.refresh(org)
    assert org.name == "Maison de quartier de Trooz"
