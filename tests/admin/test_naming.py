"""Messages that name the record, in every language, and what the delete dialog is told."""

from datetime import date

from models.network import Organisation
from tests import factories
from tests.admin.crud import create, delete, edit


def follow(client, response) -> str:
    assert response.status_code == 302, response.get_data(as_text=True)
    return client.get(response.headers["Location"]).get_data(as_text=True)


def choose_language(client, code: str) -> None:
    client.post("/language", data={"language": code, "next": "/admin/"})


def test_create_edit_delete_name_the_record_in_french(client):
    town = factories.municipality("Aywaille")
    data = {"name": "CPAS d'Aywaille", "kind": "cpas", "municipality": town.id, "active": "y"}
    page = follow(client, create(client, "organisation", data))
    assert "Organisation « CPAS d&#39;Aywaille » créée." in page
    record = Organisation.query.filter_by(name="CPAS d'Aywaille").one()

    page = follow(client, edit(client, "organisation", record.id, {**data, "short_name": "CPAS"}))
    assert "Organisation « CPAS » modifiée." in page, "named as lists name it: its short name"

    page = follow(client, delete(client, "organisation", record.id))
    assert "Organisation « CPAS » supprimée." in page


def test_a_stay_is_named_by_its_household_code(client):
    stay = factories.housing_stay(factories.housing_unit(), date(2025, 3, 1), date(2025, 3, 9))
    code, stay_id = stay.household_code, stay.id
    page = follow(client, delete(client, "housingstay", stay_id))
    assert f"Séjour « {code} » supprimé." in page


def test_messages_name_the_record_in_every_language(client):
    town = factories.municipality("Sprimont")
    expected = {
        "nl": "Organisatie ‘Huis %s’ aangemaakt.",
        "de": "Organisation „Huis %s“ angelegt.",
        "en": "Organisation “Huis %s” created.",
    }
    for code, message in expected.items():
        choose_language(client, code)
        data = {"name": f"Huis {code}", "kind": "association", "municipality": town.id}
        page = follow(client, create(client, "organisation", data))
        assert message % code in page, code


def test_the_delete_dialog_learns_what_refers_to_the_record(client):
    org = factories.organisation("SAPV Secova")
    factories.person(organisation=org)
    answer = client.get(f"/admin/organisation/dependents/?id={org.id}").get_json()
    assert answer["record"] == "SAPV Secova"
    assert answer["dependents"] == ["1 × personnes"]

    lonely = factories.organisation("Maison de quartier")
    answer = client.get(f"/admin/organisation/dependents/?id={lonely.id}").get_json()
    assert answer == {"record": "Maison de quartier", "dependents": []}

    assert client.get("/admin/organisation/dependents/?id=999999").status_code == 404
    assert client.get("/admin/organisation/dependents/?id=abc").status_code == 400


def test_only_who_may_delete_learns_what_refers_to_a_record(as_role):
    org = factories.organisation("GREOVA")
    partner = as_role("partner")
    assert partner.get(f"/admin/organisation/dependents/?id={org.id}").status_code == 403
