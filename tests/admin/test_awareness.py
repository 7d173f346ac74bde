from datetime import date

import pytest
from markupsafe import escape
from sqlalchemy import select

from models import db
from models.awareness import AwarenessAction, CommunicationMaterial, MaterialKind, Occasion
from models.network import Organisation
from tests import factories
from tests.admin import crud
from tests.factories import awareness_action as action
from tests.factories import material

MATERIAL_FORM = {"title": "Affiche 25 novembre", "kind": "poster", "quantity": "40"}
ACTION_FORM = {"title": "Stand au marché d'Aywaille", "occasion": "market_or_fair"}


def test_awareness_action_round_trip_with_materials_and_partners(client):
    town = factories.municipality("Aywaille")
    flyer = material("Dépliant Violences, parlons-en")
    sapv, cpas = factories.organisation("SAPV Secova"), factories.organisation("CPAS d'Aywaille")
    data = {
        "title": "Stand au marché d'Aywaille",
        "municipality": town.id,
        "occasion": "market_or_fair",
        "held_on": "2025-06-14",
        "public_reached": "120",
        "materials": [flyer.id],
        "partners": f"{sapv.id},{cpas.id}",
    }
    notes = "Beaucoup de questions sur le logement d'urgence"
    trip = crud.round_trip(client, AwarenessAction, data, {"notes": notes})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Marché ou foire" in trip.listing and "Aywaille" in trip.listing
    assert escape(notes) in trip.details and notes in trip.csv
    assert "Dépliant Violences, parlons-en" in trip.details and "SAPV Secova" in trip.details
    assert crud.count(CommunicationMaterial) == 1 and crud.count(Organisation) == 2


def test_communication_material_round_trip(client):
    data = {**MATERIAL_FORM, "languages": ["fr"], "issued_on": "2025-11-01"}
    change = {"quantity": "60", "description": "Format A3, à afficher dans les salles d'attente"}
    trip = crud.round_trip(client, CommunicationMaterial, data, change)
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Affiche 25 novembre" in trip.listing and "français" in trip.listing
    assert "Format A3" in trip.details and "Format A3" in trip.csv


def test_action_details_and_export_show_materials_and_partners_by_name(client):
    flyer, card = material("Dépliant STOPP VIF"), material("Carte 0800 30 030", kind="card")
    sapv = factories.organisation("SAPV Secova")
    action(materials=[flyer, card], partners=[sapv])
    record = db.session.scalars(select(AwarenessAction)).one()
    details = client.get(f"/admin/awarenessaction/details/?id={record.id}").get_data(as_text=True)
    assert "Carte 0800 30 030" in details and "Dépliant STOPP VIF" in details
    assert "SAPV Secova" in details
    csv = client.get("/admin/awarenessaction/export/csv/").get_data(as_text=True)
    assert "Carte 0800 30 030, Dépliant STOPP VIF" in csv and "SAPV Secova" in csv


def test_zone_wide_action_is_shown_as_the_whole_police_zone(client):
    action("Campagne d'affichage", occasion=Occasion.CAMPAIGN_25_NOVEMBER)
    page = client.get("/admin/awarenessaction/").get_data(as_text=True)
    assert "Toute la zone de police" in page and "Campagne du 25 novembre" in page


def test_partner_lookup_finds_organisations(client):
    factories.organisation("Pôle de ressources en violences conjugales et intrafamiliales")
    found = client.get("/admin/awarenessaction/ajax/lookup/?name=partners&query=Pôle")
    assert found.json[0][1].startswith("Pôle de ressources")


def test_material_languages_round_trip_shows_translated_names(client):
    response = crud.create(
        client, "communicationmaterial", {**MATERIAL_FORM, "languages": ["nl", "fr"]}
    )
    assert response.status_code == 302
    record = db.session.scalars(select(CommunicationMaterial)).one()
    assert record.languages == ["fr", "nl"]
    assert "français, néerlandais" in client.get("/admin/communicationmaterial/").get_data(
        as_text=True
    )

    form = client.get(f"/admin/communicationmaterial/edit/?id={record.id}").get_data(as_text=True)
    assert '<option selected value="fr">français</option>' in form
    assert '<option value="de">allemand</option>' in form

    response = crud.edit(
        client,
        "communicationmaterial",
        record.id,
        {**MATERIAL_FORM, "languages": ["fr", "nl", "de"]},
    )
    assert response.status_code == 302
    db.session.expire_all()
    assert db.session.get(CommunicationMaterial, record.id).languages == ["fr", "nl", "de"]
    for url in ("/admin/communicationmaterial/", "/admin/communicationmaterial/export/csv/"):
        assert "français, néerlandais, allemand" in client.get(url).get_data(as_text=True)


def test_material_without_language_is_accepted(client):
    response = crud.create(client, "communicationmaterial", {**MATERIAL_FORM, "kind": "goodies"})
    assert response.status_code == 302
    assert db.session.scalars(select(CommunicationMaterial)).one().languages == []


def test_unknown_language_code_is_refused(client):
    answer = crud.send(client, CommunicationMaterial, {**MATERIAL_FORM, "languages": ["fr", "xx"]})
    assert answer.status == 200 and answer.records == 0
    assert "«\xa0xx\xa0» n&#39;est pas un choix valide pour ce champ." in answer.page
    assert 'value="Affiche 25 novembre"' in answer.page


@pytest.mark.parametrize(
    ("model", "data", "kept"),
    [
        (AwarenessAction, {**ACTION_FORM, "held_on": "2025-06-14", "public_reached": "-5"}, "-5"),
        (CommunicationMaterial, {**MATERIAL_FORM, "quantity": "-1"}, "-1"),
    ],
)
def test_negative_counts_are_refused_next_to_the_field(client, model, data, kept):
    answer = crud.send(client, model, data)
    assert answer.status == 200 and answer.records == 0
    assert "Doit être égal ou supérieur à zéro." in answer.page
    assert f'value="{kept}"' in answer.page


@pytest.mark.parametrize(
    ("model", "data"),
    [
        (AwarenessAction, {**ACTION_FORM, "title": ""}),
        (AwarenessAction, {**ACTION_FORM, "held_on": ""}),
        (CommunicationMaterial, {**MATERIAL_FORM, "title": ""}),
    ],
)
def test_missing_required_fields_are_refused(client, model, data):
    answer = crud.send(client, model, {"held_on": "2025-06-14", **data})
    assert (answer.status, answer.records) == (200, 0)
    assert "Ce champ est requis." in answer.page


def test_title_beyond_column_length_is_refused_and_kept(client):
    title = "T" * 201
    answer = crud.send(
        client, AwarenessAction, {**ACTION_FORM, "title": title, "held_on": "2025-06-14"}
    )
    assert answer.status == 200 and answer.records == 0
    assert "200" in answer.page and f'value="{title}"' in answer.page


def test_printed_material_needs_a_quantity_but_a_web_page_does_not(client):
    answer = crud.send(client, CommunicationMaterial, {**MATERIAL_FORM, "quantity": ""})
    assert answer.status == 200 and answer.records == 0
    # The message stands next to the quantity, the field it concerns.
    assert "Ce champ est requis." in answer.page.split('name="quantity"')[1]

    web_page = {"title": "Page STOPP VIF sur le site de la zone", "kind": "web_page"}
    assert crud.create(client, "communicationmaterial", web_page).status_code == 302
    assert crud.count(CommunicationMaterial) == 1


def test_a_second_material_with_the_same_title_is_refused(client):
    material(MATERIAL_FORM["title"])
    answer = crud.send(client, CommunicationMaterial, MATERIAL_FORM)
    assert answer.status == 200 and answer.records == 1
    assert "Existe déjà." in answer.page


def test_deleting_what_an_action_refers_to_is_refused_with_explanation(client):
    flyer, greova = material("Dépliant STOPP VIF"), factories.organisation("GREOVA")
    town = factories.municipality("Esneux")
    action(materials=[flyer], partners=[greova], municipality=town)
    used, partner, place = (crud.remove(client, record) for record in (flyer, greova, town))
    assert "« Dépliant STOPP VIF » ne peut pas être supprimé" in used.page
    assert "1 × actions de sensibilisation (supports utilisés)" in used.page
    assert "1 × actions de sensibilisation (partenaires)" in partner.page
    assert "« Esneux » ne peut pas être supprimé" in place.page
    assert (used.records, partner.records, place.records) == (1, 1, 1)


def test_deleting_an_action_keeps_its_materials_and_partners(client):
    flyer, sapv = material(), factories.organisation("SAPV Secova")
    record = action(materials=[flyer], partners=[sapv])
    assert crud.remove(client, record).records == 0
    assert crud.count(CommunicationMaterial) == 1 and crud.count(Organisation) == 1


def test_actions_are_listed_most_recent_first(client):
    action("Action de janvier", held_on=date(2025, 1, 20))
    action("Action de novembre", held_on=date(2025, 11, 25))
    listed = crud.as_listed(client, "awarenessaction", "Action de janvier", "Action de novembre")
    assert listed == ["Action de novembre", "Action de janvier"]


def test_actions_filter_by_date_municipality_and_occasion(client):
    sprimont, trooz = factories.municipality("Sprimont"), factories.municipality("Trooz")
    action("Fête de Sprimont", municipality=sprimont, held_on=date(2025, 6, 1))
    action("Conférence à Trooz", municipality=trooz, occasion=Occasion.SCHOOL)
    action(
        "Affichage 25 novembre", occasion=Occasion.CAMPAIGN_25_NOVEMBER, held_on=date(2025, 11, 25)
    )

    def listed(label: str, operation: str, value: str) -> str:
        return crud.filtered(client, "awarenessaction", label, operation, value)

    page = listed("Commune", "vaut", "Sprimont")
    assert "Fête de Sprimont" in page and "Conférence à Trooz" not in page
    page = listed("Commune", "vide", "1")
    assert "Affichage 25 novembre" in page and "Fête de Sprimont" not in page
    page = listed("Occasion", "vaut", "school")
    assert "Conférence à Trooz" in page and "Fête de Sprimont" not in page
    page = listed("Date", "entre", "2025-11-01+to+2025-11-30")
    assert "Affichage 25 novembre" in page and "Conférence à Trooz" not in page


def test_actions_search_by_title(client):
    action("Stand à la brocante d'Esneux")
    action("Séance d'information à l'école")
    page = client.get("/admin/awarenessaction/?search=brocante").get_data(as_text=True)
    assert "brocante" in page and "Séance d" not in page


def test_materials_filter_by_kind_and_issue_date_and_search(client):
    material("Affiche du 25 novembre", kind=MaterialKind.POSTER, issued_on=date(2024, 11, 1))
    material("Vidéo de sensibilisation", kind=MaterialKind.VIDEO, quantity=None)
    page = crud.filtered(client, "communicationmaterial", "Type", "vaut", "video")
    assert "Vidéo de sensibilisation" in page and "Affiche du 25 novembre" not in page
    page = crud.filtered(
        client, "communicationmaterial", "Date de parution", "plus grand que", "2024-10-01"
    )
    assert "Affiche du 25 novembre" in page and "Vidéo de sensibilisation" not in page
    page = client.get("/admin/communicationmaterial/?search=affiche").get_data(as_text=True)
    assert "Affiche du 25 novembre" in page and "Vidéo de sensibilisation" not in page


def test_materials_are_filtered_by_one_of_their_languages(client):
    material("Dépliant bilingue", languages=["fr", "nl"])
    material("Affiche Esneux", languages=["fr"])
    material("Brochure Eupen", languages=["de"])
    written_in = crud.filter_arg(client, "communicationmaterial", "Langues")

    page = client.get(f"/admin/communicationmaterial/?{written_in}=fr").get_data(as_text=True)

    assert "Dépliant bilingue" in page and "Affiche Esneux" in page
    assert "Brochure Eupen" not in page
