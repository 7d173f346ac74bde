import re
from datetime import date

import pytest
from markupsafe import escape
from sqlalchemy import func, select

from models import db
from models.network import Organisation
from models.protocols import InterventionProtocol, protocol_signatory
from tests import factories
from tests.admin import crud
from tests.factories import protocol


def signatures() -> int:
    return db.session.scalar(select(func.count()).select_from(protocol_signatory))


def test_protocol_round_trip_with_signatories(client):
    sapv, cpas = factories.organisation("SAPV Secova"), factories.organisation("CPAS de Sprimont")
    title = "Protocole d'intervention VIF"
    data = {"title": title, "revision": "1.0", "signatories": [sapv.id, cpas.id]}
    summary = "Qui appeler en cas de crise, et dans quel ordre"
    trip = crud.round_trip(client, InterventionProtocol, data, {"summary": summary})
    assert trip.statuses == crud.EVERY_STEP_TAKEN and trip.counts == (0, 1, 0)
    assert escape(title) in trip.listing
    assert "CPAS de Sprimont, SAPV Secova" in trip.details and summary in trip.details
    assert "CPAS de Sprimont, SAPV Secova" in trip.csv
    assert signatures() == 0 and crud.count(Organisation) == 2  # signatures go, signatories stay


def test_protocol_form_looks_signatories_up_by_name(client):
    factories.organisation("Pôle de ressources spécialisées en violences conjugales")
    found = client.get("/admin/interventionprotocol/ajax/lookup/?name=signatories&query=Pôle")
    assert [name for _, name in found.get_json()] == [
        "Pôle de ressources spécialisées en violences conjugales"
    ]


def test_list_counts_signatories_and_details_name_them(client):
    signed = protocol(factories.organisation("GREOVA"), factories.organisation("AISOVA"))
    listing = client.get("/admin/interventionprotocol/").get_data(as_text=True)
    assert re.search(r'class="col-signatories">\s*2\s*<', listing)
    details = client.get(f"/admin/interventionprotocol/details/?id={signed.id}")
    assert "AISOVA, GREOVA" in details.get_data(as_text=True)
    csv = client.get("/admin/interventionprotocol/export/csv/").get_data(as_text=True)
    assert "AISOVA, GREOVA" in csv


def test_list_filters_protocols_by_signatory_listing_each_once(client):
    trooz, esneux = factories.organisation("CPAS de Trooz"), factories.organisation("CPAS d'Esneux")
    protocol(trooz, esneux, title="Accueil en urgence")
    protocol(factories.organisation("GREOVA"), title="Logement")

    arg = crud.filter_arg(client, "interventionprotocol", "Signé par")
    page = client.get(f"/admin/interventionprotocol/?{arg}=CPAS").get_data(as_text=True)
    assert re.findall(r'<td class="col-title">\s*(.*?)\s*</td>', page) == ["Accueil en urgence"]


def test_same_title_and_version_twice_is_refused_next_to_the_title(client):
    protocol(title="Protocole VIF", revision="1.0")
    answer = crud.send(client, InterventionProtocol, {"title": "Protocole VIF", "revision": "1.0"})
    assert answer.status == 200 and answer.records == 1
    assert "Un autre enregistrement a déjà cette valeur." in answer.page
    assert 'value="Protocole VIF"' in answer.page


def test_a_new_version_of_a_protocol_is_accepted(client):
    protocol(title="Protocole VIF", revision="1.0")
    answer = crud.send(client, InterventionProtocol, {"title": "Protocole VIF", "revision": "1.1"})
    assert answer.status == 302 and answer.records == 2


@pytest.mark.parametrize(
    ("fields", "message"),
    [
        ({"title": "Protocole VIF", "revision": ""}, "Ce champ est requis."),
        ({"title": "", "revision": "1.0"}, "Ce champ est requis."),
        ({"title": "Protocole VIF", "revision": "1" * 21}, "20"),
    ],
)
def test_protocol_form_refuses_bad_input_and_keeps_it(client, fields, message):
    answer = crud.send(client, InterventionProtocol, {**fields, "summary": "Brouillon"})
    assert answer.status == 200 and answer.records == 0
    assert message in answer.page and "Brouillon" in answer.page


def test_editing_signatories_replaces_the_signatures(client):
    greova, aisova = factories.organisation("GREOVA"), factories.organisation("AISOVA")
    signed = protocol(greova, adopted_on=date(2025, 1, 10))
    data = {"title": signed.title, "revision": signed.revision, "signatories": [aisova.id]}
    assert crud.send(client, InterventionProtocol, data, signed).status == 302
    db.session.expire_all()
    assert [str(o) for o in db.session.get(InterventionProtocol, signed.id).signatories] == [
        "AISOVA"
    ]


def test_deleting_an_organisation_that_signed_a_protocol_is_refused_with_explanation(client):
    sapv = factories.organisation("SAPV Secova")
    protocol(sapv)
    refusal = crud.remove(client, sapv)
    assert "« SAPV Secova » ne peut pas être supprimé" in refusal.page
    assert "1 × signatures de protocoles d&#39;intervention" in refusal.page
    assert refusal.records == 1 and signatures() == 1


def test_deleting_a_protocol_removes_its_signatures_but_not_the_organisations(client):
    signed = protocol(factories.organisation("GREOVA"), factories.organisation("AISOVA"))
    answer = crud.remove(client, signed)
    assert answer.status == 302 and answer.records == 0
    assert signatures() == 0 and crud.count(Organisation) == 2
