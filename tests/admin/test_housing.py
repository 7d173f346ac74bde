import io
import zipfile
from datetime import date

import pytest
from sqlalchemy import select

from models import db
from models.housing import HousingStay, HousingUnit
from tests import factories
from tests.admin import crud
from tests.factories import housing_stay as stay
from tests.factories import housing_unit as unit

CANARY = "Rue-du-Canari-17"  # stands for an address or a note that must not leak


def stay_form(in_unit: HousingUnit, **fields) -> dict:
    """The stay form as typed for one adult entering on 1 March 2025."""
    return {"unit": in_unit.id, "entry_date": "2025-03-01", "adults": "1", "children": "0"} | fields


def unit_form(label: str, provider: int, municipality: int, **fields) -> dict:
    """The unit form as typed for a unit for one, available from 1 January 2025."""
    typed = {"capacity": "1", "available_from": "2025-01-01"}
    return {"label": label, "provider": provider, "municipality": municipality} | typed | fields


def unit_form_of(place: HousingUnit, **fields) -> dict:
    """The edit form of `place` as shown, with `fields` typed over it."""
    return unit_form(place.label, place.provider_id, place.municipality_id, **fields)


def xlsx_text(response) -> str:
    with zipfile.ZipFile(io.BytesIO(response.data)) as book:
        return "".join(book.read(name).decode() for name in book.namelist())


# --- round trips -------------------------------------------------------------------------


def test_housing_unit_round_trip(client):
    provider, town = factories.organisation("AISOVA"), factories.municipality("Sprimont")
    data = unit_form("Appartement Sprimont", provider.id, town.id, capacity="4")
    trip = crud.round_trip(client, HousingUnit, data, {"available_until": "2025-12-31"})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Appartement Sprimont" in trip.listing and "AISOVA" in trip.listing
    assert "31 déc. 2025" in trip.details and "2025-12-31" in trip.csv


def test_housing_stay_round_trip(client):
    data = stay_form(unit(label="Studio Esneux"), entry_date="2025-02-03", children="2")
    change = {"exit_date": "2025-06-30", "destination": "social_housing"}
    trip = crud.round_trip(client, HousingStay, data, change)
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Studio Esneux" in trip.listing and "3 févr. 2025" in trip.listing
    assert "Logement social" in trip.details
    assert "2025-06-30" in trip.csv and "Logement social" in trip.csv


def test_referring_organisation_is_looked_up_by_name(client):
    factories.organisation("SAPV Secova")
    found = client.get("/admin/housingstay/ajax/lookup/?name=referring_organisation&query=SAPV")
    assert "SAPV Secova" in found.get_data(as_text=True)
    found = client.get("/admin/housingunit/ajax/lookup/?name=provider&query=SAPV")
    assert "SAPV Secova" in found.get_data(as_text=True)


# --- the pseudonymous household code -----------------------------------------------------


def test_each_new_stay_gets_its_own_code_shown_in_the_list(client):
    place = unit()
    crud.create(
        client, "housingstay", stay_form(place, entry_date="2025-01-01", exit_date="2025-02-01")
    )
    crud.create(client, "housingstay", stay_form(place, entry_date="2025-02-01"))
    codes = db.session.scalars(select(HousingStay.household_code)).all()
    assert len(codes) == 2 and len(set(codes)) == 2
    page = client.get("/admin/housingstay/").get_data(as_text=True)
    assert all(code in page for code in codes)


def test_the_code_cannot_be_typed_nor_changed_through_the_form(client):
    place = unit()
    form = client.get("/admin/housingstay/new/").get_data(as_text=True)
    assert 'name="household_code"' not in form

    crud.create(client, "housingstay", stay_form(place, household_code="Marie Dupont"))
    record = db.session.scalars(select(HousingStay)).one()
    code = record.household_code
    assert code.startswith("M-")

    crud.edit(client, "housingstay", record.id, stay_form(place, household_code="M-AAAAAA"))
    db.session.expire_all()
    assert db.session.get(HousingStay, record.id).household_code == code


def test_stays_are_found_by_their_code(client):
    place = unit()
    wanted, other = stay(place, date(2025, 1, 1), date(2025, 2, 1)), stay(place, date(2025, 3, 1))
    page = client.get(f"/admin/housingstay/?search={wanted.household_code}")
    assert wanted.household_code in page.get_data(as_text=True)
    assert other.household_code not in page.get_data(as_text=True)


# --- bad input ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"entry_date": ""}, "Ce champ est requis."),
        ({"exit_date": "2025-02-28"}, "Ne doit pas précéder « Date d&#39;entrée »"),
        ({"adults": "-1"}, "Doit être égal ou supérieur à zéro."),
        ({"children": "-2"}, "Doit être égal ou supérieur à zéro."),
        ({"children": "100"}, "Ne peut pas dépasser 99."),
        ({"adults": "0", "children": "0"}, "Un séjour concerne au moins une personne."),
        (
            {"destination": "return_home"},
            "La destination ne s&#39;indique qu&#39;une fois la date de sortie connue.",
        ),
        ({"destination": "nowhere", "exit_date": "2025-04-01"}, "N&#39;est pas un choix valide."),
    ],
    ids=["no-entry", "exit-before-entry", "adults", "children", "huge", "nobody", "no-exit", "bad"],
)
def test_stay_form_refuses_bad_input_and_keeps_it(client, fields, message):
    answer = crud.send(client, HousingStay, stay_form(unit(), **fields))
    assert answer.status == 200 and answer.records == 0
    assert message in answer.page, answer.page
    assert 'value="2025-03-01"' in answer.page or fields.get("entry_date") == ""


def test_a_stay_overlapping_another_in_the_same_unit_is_refused_next_to_the_entry_date(client):
    place = unit()
    existing = stay(place, date(2025, 1, 10))  # ongoing
    answer = crud.send(client, HousingStay, stay_form(place, entry_date="2025-05-01"))
    assert answer.status == 200 and answer.records == 1
    assert (
        f"Ce logement est déjà occupé à ces dates (séjour {existing.household_code}, "
        "entrée le 10 janv. 2025)." in answer.page
    )


def test_stays_may_follow_each_other_and_be_edited_without_clashing_with_themselves(client):
    place = unit()
    earlier = stay(place, date(2025, 1, 1), date(2025, 3, 1))
    response = crud.create(client, "housingstay", stay_form(place, entry_date="2025-03-01"))
    assert response.status_code == 302
    response = crud.edit(
        client,
        "housingstay",
        earlier.id,
        stay_form(place, entry_date="2025-01-02", exit_date="2025-03-01"),
    )
    assert response.status_code == 302
    assert db.session.get(HousingStay, earlier.id).entry_date == date(2025, 1, 2)


def test_editing_a_stay_into_another_ones_dates_keeps_the_stored_record(client):
    place = unit()
    stay(place, date(2025, 1, 1), date(2025, 3, 1))
    later = stay(place, date(2025, 3, 1))
    response = crud.edit(client, "housingstay", later.id, stay_form(place, entry_date="2025-02-15"))
    assert response.status_code == 200
    assert "Ce logement est déjà occupé" in response.get_data(as_text=True)
    db.session.expire_all()
    assert db.session.get(HousingStay, later.id).entry_date == date(2025, 3, 1)


# --- availability: a stay lies within its unit's, and a unit's covers its stays --------


def unit_of_2025(**fields) -> HousingUnit:
    return unit(available_from=date(2025, 1, 1), available_until=date(2025, 12, 31), **fields)


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"entry_date": "31/12/2024"}, "entry_date"),
        ({"entry_date": "01/01/2026"}, "entry_date"),
        ({"entry_date": "01/12/2025", "exit_date": "02/01/2026"}, "exit_date"),
    ],
    ids=["enters-before", "enters-after", "leaves-after"],
)
def test_a_stay_outside_its_units_availability_is_refused_next_to_the_date(client, fields, field):
    place = unit_of_2025(label="Studio Esneux")
    answer = crud.send(client, HousingStay, stay_form(place, **fields))
    assert answer.status == 200 and answer.records == 0
    message = (
        "« Studio Esneux » est disponible du 1 janv. 2025 jusqu&#39;à la nuit du 31 déc. 2025."
    )
    assert crud.error_next_to(answer.page, field, message)
    assert f'value="{fields[field]}"' in answer.page


def test_a_stay_may_leave_the_morning_after_the_last_available_night(client):
    place = unit_of_2025()
    fields = {"entry_date": "01/12/2025", "exit_date": "01/01/2026"}
    assert crud.create(client, "housingstay", stay_form(place, **fields)).status_code == 302
    assert crud.count(HousingStay) == 1


@pytest.mark.parametrize(
    ("fields", "field"),
    [
        ({"available_from": "02/03/2025"}, "available_from"),
        ({"available_until": "30/03/2025"}, "available_until"),
    ],
)
def test_narrowing_a_units_availability_past_its_stays_is_refused(client, fields, field):
    place = unit_of_2025()
    housed = stay(place, date(2025, 3, 1), date(2025, 4, 1))
    typed = {"available_from": "01/01/2025", "available_until": "31/12/2025"} | fields
    answer = crud.send(client, HousingUnit, unit_form_of(place, **typed), place)
    assert answer.status == 200
    message = f"Le séjour {housed.household_code} (entrée le 1 mars 2025) sortirait de ces dates."
    assert crud.error_next_to(answer.page, field, message)
    db.session.expire_all()
    unchanged = db.session.get(HousingUnit, place.id)
    assert (unchanged.available_from, unchanged.available_until) == (
        date(2025, 1, 1),
        date(2025, 12, 31),
    )


DATABASE_REFUSALS = {
    "fr": ("Le logement n&#39;est pas disponible à cette date.", "Ce logement est déjà occupé"),
    "nl": ("De woning is op deze datum niet beschikbaar.", "Deze woning is op deze data al bezet."),
    "de": ("Die Wohnung ist an diesem Datum nicht verfügbar.", "Diese Wohnung ist zu diesen"),
    "en": ("The unit is not available at this date.", "This unit is already occupied at these"),
}


@pytest.mark.parametrize("language", ["fr", "nl", "de", "en"])
def test_the_databases_refusal_is_shown_next_to_the_entry_date(client, monkeypatch, language):
    """When the form's checks pass but the database refuses (another save won the race)."""
    place = unit_of_2025()
    stay(place, date(2025, 3, 1), date(2025, 4, 1))
    # The form's own checks see nothing wrong: only the database stands in the way.
    monkeypatch.setattr(HousingUnit, "welcomes_entry", lambda unit, entry: True)
    monkeypatch.setattr("backoffice.admin.housing.overlapping_stay", lambda *a, **k: None)
    client.post("/language", data={"language": language})
    outside, occupied = DATABASE_REFUSALS[language]

    response = crud.create(client, "housingstay", stay_form(place, entry_date="2024-12-01"))
    assert crud.error_next_to(response.get_data(as_text=True), "entry_date", outside)
    response = crud.create(client, "housingstay", stay_form(place, entry_date="2025-03-15"))
    assert crud.error_next_to(response.get_data(as_text=True), "entry_date", occupied)
    assert crud.count(HousingStay) == 1


def test_the_databases_refusal_of_a_narrower_availability_is_shown_next_to_it(client, monkeypatch):
    place = unit_of_2025()
    stay(place, date(2025, 3, 1), date(2025, 4, 1))
    monkeypatch.setattr("backoffice.admin.housing.stay_outside", lambda *a, **k: None)
    answer = crud.send(
        client, HousingUnit, unit_form_of(place, available_until="2025-03-15"), place
    )
    message = "Des séjours de ce logement sortiraient de sa disponibilité."
    assert crud.error_next_to(answer.page, "available_until", message)
    db.session.expire_all()
    assert db.session.get(HousingUnit, place.id).available_until == date(2025, 12, 31)


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"label": ""}, "Ce champ est requis."),
        ({"label": "L" * 121}, "120"),
        ({"capacity": "0"}, "Doit valoir au moins 1."),
        ({"available_until": "2024-12-31"}, "Ne doit pas précéder « Disponible à partir du »"),
    ],
    ids=["no-label", "long-label", "no-capacity", "closes-before-opening"],
)
def test_unit_form_refuses_bad_input_and_keeps_it(client, fields, message):
    provider, town = factories.organisation(), factories.municipality()
    data = unit_form("Studio Trooz", provider.id, town.id) | fields
    answer = crud.send(client, HousingUnit, data)
    assert answer.status == 200 and answer.records == 0
    assert message in answer.page
    assert 'value="2025-01-01"' in answer.page


def test_two_units_cannot_share_a_name(client):
    existing = unit(label="Appartement d'urgence")
    answer = crud.send(client, HousingUnit, unit_form_of(existing))
    assert answer.status == 200 and answer.records == 1
    assert "Existe déjà." in answer.page


# --- what never leaves the record --------------------------------------------------------


def test_addresses_and_notes_show_only_in_the_records_details(client):
    place = unit(address=CANARY, notes=f"{CANARY} code porte")
    record = stay(place, date(2025, 1, 1), notes=f"{CANARY} suivi")
    for endpoint, shown in (("housingunit", place.label), ("housingstay", record.household_code)):
        listing = client.get(f"/admin/{endpoint}/").get_data(as_text=True)
        assert shown in listing and CANARY not in listing
        csv = client.get(f"/admin/{endpoint}/export/csv/").get_data(as_text=True)
        assert shown in csv and CANARY not in csv
        xlsx = xlsx_text(client.get(f"/admin/{endpoint}/export/xlsx/"))
        assert shown in xlsx and CANARY not in xlsx
    assert CANARY in client.get(f"/admin/housingunit/details/?id={place.id}").get_data(as_text=True)
    assert CANARY in client.get(f"/admin/housingstay/details/?id={record.id}").get_data(
        as_text=True
    )


def test_nothing_is_editable_from_the_lists(client):
    stay(unit(), date(2025, 1, 1))
    for endpoint in ("housingunit", "housingstay"):
        page = client.get(f"/admin/{endpoint}/").get_data(as_text=True)
        assert "x-editable" not in page and "ajax/update" not in page


# --- lists: order and filters ------------------------------------------------------------


def test_a_stay_without_destination_shows_an_empty_cell_not_none(client):
    stay(unit(), date(2025, 1, 1))
    for url in ("/admin/housingstay/", "/admin/housingstay/export/csv/"):
        assert "None" not in client.get(url).get_data(as_text=True)


def test_latest_stays_come_first(client):
    place = unit()
    old = stay(place, date(2025, 1, 1), date(2025, 2, 1))
    recent = stay(place, date(2025, 5, 1))
    listed = crud.as_listed(client, "housingstay", old.household_code, recent.household_code)
    assert listed == [recent.household_code, old.household_code]


def test_stays_filtered_by_unit_destination_ongoing_and_referrer(client):
    studio, flat = unit(label="Studio Aywaille"), unit(label="Appartement Trooz")
    cpas = factories.organisation("CPAS de Trooz")
    left = stay(studio, date(2025, 1, 1), date(2025, 2, 1), destination="family_or_friends")
    housed = stay(flat, date(2025, 1, 1), referring_organisation=cpas)

    def shown(label: str, operation: str, value: str) -> set[str]:
        page = crud.filtered(client, "housingstay", label, operation, value)
        return {s.household_code for s in (left, housed) if s.household_code in page}

    assert shown("Logement", "contient", "Trooz") == {housed.household_code}
    assert shown("Destination à la sortie", "vaut", "family_or_friends") == {left.household_code}
    assert shown("Date de sortie", "vide", "1") == {housed.household_code}
    assert shown("Orienté par", "vaut", "CPAS de Trooz") == {housed.household_code}
    both = {left.household_code, housed.household_code}
    assert shown("Date d'entrée", "plus petit que", "2025-02-01") == both


def test_units_filtered_by_provider(client):
    unit(label="Studio Esneux", provider=factories.organisation("AISOVA"))
    unit(label="Maison Sprimont", provider=factories.organisation("CPAS de Sprimont"))
    page = crud.filtered(client, "housingunit", "Mis à disposition par", "contient", "AISOVA")
    assert "Studio Esneux" in page and "Maison Sprimont" not in page


# --- deleting what stays depend on -------------------------------------------------------


def test_deleting_a_unit_or_an_organisation_a_stay_needs_is_refused_with_explanation(client):
    aisova, cpas = factories.organisation("AISOVA"), factories.organisation("CPAS d'Esneux")
    place = unit(label="Appartement Chaudfontaine", provider=aisova)
    stay(place, date(2025, 1, 1), date(2025, 2, 1), referring_organisation=cpas)
    housed_someone, referred, provides = (crud.remove(client, r) for r in (place, cpas, aisova))
    assert "« Appartement Chaudfontaine » ne peut pas être supprimé" in housed_someone.page
    assert "1 × séjours" in housed_someone.page and "1 × séjours" in referred.page
    assert "1 × logements d&#39;urgence" in provides.page
    assert (housed_someone.records, referred.records, provides.records) == (1, 2, 2)


def test_a_stay_can_be_deleted(client):
    record = stay(unit(), date(2025, 1, 1))
    assert crud.delete(client, "housingstay", record.id).status_code == 302
    assert crud.count(HousingStay) == 0
