import re
from datetime import date, timedelta

import pytest

from models.agreements import Agreement, AgreementKind
from models.network import Organisation
from tests import factories
from tests.admin import crud
from tests.factories import agreement
from tests.helpers import not_shown

TODAY = date.today()
DAY = timedelta(days=1)


def listed_titles(page: str) -> set[str]:
    return set(re.findall(r'<td class="col-title">\s*(.*?)\s*</td>', page))


def form(organisation: Organisation, **fields) -> dict:
    return {
        "organisation": organisation.id,
        "kind": "partnership",
        "title": "Convention de partenariat GREOVA",
        "valid_from": "2025-01-01",
        **fields,
    }


def test_agreement_round_trip(client):
    greova = factories.organisation("GREOVA")
    data = form(greova, reference="STOPP-2025-01", signed_on="2024-12-12")
    place = "Classeur conventions, Chaudfontaine"
    change = {"valid_until": "2025-12-31", "document_reference": place}
    trip = crud.round_trip(client, Agreement, data, change)
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert "Convention de partenariat GREOVA" in trip.listing and "GREOVA" in trip.listing
    assert place in trip.details and "31 déc. 2025" in trip.details
    assert place in trip.csv and "2025-12-31" in trip.csv


def test_agreement_form_looks_organisations_up_by_name(client):
    factories.organisation("Agence Immobilière Sociale Ourthe-Vesdre-Amblève", short_name="AISOVA")
    found = client.get("/admin/agreement/ajax/lookup/?name=organisation&query=AISO")
    assert "AISOVA" in found.get_data(as_text=True)


def test_list_shows_organisation_by_name_kind_and_status_in_french(client):
    agreement(
        organisation=factories.organisation("AISOVA"),
        kind=AgreementKind.HOUSING_PROVISION,
        valid_from=TODAY - 30 * DAY,
        valid_until=TODAY,
    )
    page = client.get("/admin/agreement/").get_data(as_text=True)
    assert "AISOVA" in page
    assert "Mise à disposition de logement" in page
    assert "En vigueur" in page


def test_export_names_the_status(client):
    agreement(valid_from=TODAY + DAY, title="Convention à venir")
    csv = client.get("/admin/agreement/export/csv/").get_data(as_text=True)
    assert "Convention à venir" in csv and "À venir" in csv


@pytest.mark.parametrize(
    ("status", "shown"),
    [("upcoming", "Future"), ("active", "Courante"), ("ended", "Ancienne")],
)
def test_list_filters_agreements_by_status_today(client, status, shown):
    agreement(title="Future", valid_from=TODAY + DAY)
    agreement(title="Courante", valid_from=TODAY - 10 * DAY, valid_until=TODAY)
    agreement(title="Ancienne", valid_from=TODAY - 10 * DAY, valid_until=TODAY - DAY)

    arg = crud.filter_arg(client, "agreement", "Statut")
    page = client.get(f"/admin/agreement/?{arg}={status}").get_data(as_text=True)
    assert listed_titles(page) == {shown}


def test_an_unknown_status_in_the_address_is_ignored(client):
    agreement(title="Courante", valid_from=TODAY)
    arg = crud.filter_arg(client, "agreement", "Statut")
    response = client.get(f"/admin/agreement/?{arg}=lost")
    assert response.status_code == 200
    assert listed_titles(response.get_data(as_text=True)) == {"Courante"}


def test_list_filters_agreements_by_the_municipality_of_the_organisation(client):
    esneux, trooz = factories.municipality("Esneux"), factories.municipality("Trooz")
    agreement(organisation=factories.organisation("CPAS d'Esneux", municipality=esneux))
    agreement(organisation=factories.organisation("CPAS de Trooz", municipality=trooz))

    arg = crud.filter_arg(client, "agreement", "Commune de l'organisation", "vaut")
    page = client.get(f"/admin/agreement/?{arg}=Trooz").get_data(as_text=True)
    assert "CPAS de Trooz" in page and "CPAS d&#39;Esneux" not in page


def test_list_searches_agreements_by_organisation_name_and_reference(client):
    agreement(organisation=factories.organisation("Pôle de ressources"), reference="PR-7")
    agreement(organisation=factories.organisation("GREOVA"), reference="GR-1")

    by_name = client.get("/admin/agreement/?search=ressources").get_data(as_text=True)
    assert "Pôle de ressources" in by_name and "GREOVA" not in by_name
    by_reference = client.get("/admin/agreement/?search=GR-1").get_data(as_text=True)
    assert "GREOVA" in by_reference and "Pôle de ressources" not in by_reference


def test_list_is_sorted_by_start_date_most_recent_first(client):
    agreement(title="Ancienne convention", valid_from=date(2023, 1, 1))
    agreement(title="Nouvelle convention", valid_from=date(2025, 1, 1))
    listed = crud.as_listed(client, "agreement", "Ancienne convention", "Nouvelle convention")
    assert listed == ["Nouvelle convention", "Ancienne convention"]


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        pytest.param({"title": ""}, "Ce champ est requis.", id="no-title"),
        pytest.param({"valid_from": ""}, "Ce champ est requis.", id="no-start"),
        pytest.param({"organisation": ""}, "Ce champ est requis.", id="no-organisation"),
        pytest.param({"kind": "loan"}, "N&#39;est pas un choix valide.", id="unknown-kind"),
        pytest.param(
            {"valid_from": "2025-06-01", "valid_until": "2025-05-31"},
            "Ne doit pas précéder « Début de validité »",
            id="ends-before-start",
        ),
        pytest.param({"title": "T" * 201}, "200", id="long-title"),
        pytest.param({"reference": "R" * 61}, "60", id="long-reference"),
    ],
)
def test_agreement_form_refuses_bad_input_and_keeps_it(client, fields, message):
    typed = form(factories.organisation("GREOVA"), reference="STOPP-1") | fields
    answer = crud.send(client, Agreement, typed)
    assert answer.status == 200 and answer.records == 0
    assert message in answer.page
    texts = ("title", "reference", "valid_from", "valid_until")
    kept = [f'value="{typed[name]}"' for name in texts if typed.get(name)]
    assert not_shown(answer.page, *kept) == []  # what was typed is shown back


def test_editing_an_agreement_to_end_before_it_starts_keeps_the_stored_dates(client):
    stored = agreement(valid_from=date(2025, 1, 1), valid_until=date(2025, 12, 31))
    response = crud.edit(
        client,
        "agreement",
        stored.id,
        form(stored.organisation, valid_from="2025-01-01", valid_until="2024-12-31"),
    )
    assert response.status_code == 200
    assert "Ne doit pas précéder « Début de validité »" in response.get_data(as_text=True)
    factories.db.session.expire_all()
    assert factories.db.session.get(Agreement, stored.id).valid_until == date(2025, 12, 31)


def test_deleting_an_organisation_with_an_agreement_is_refused_with_explanation(client):
    greova = factories.organisation("GREOVA")
    agreement(organisation=greova)
    refusal = crud.remove(client, greova)
    assert "« GREOVA » ne peut pas être supprimé" in refusal.page
    assert "1 × conventions" in refusal.page
    assert refusal.records == 1 and crud.count(Agreement) == 1
