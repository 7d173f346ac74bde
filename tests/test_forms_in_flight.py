"""Forms in flight: a create form sent twice saves once; typing survives an expired session."""

from __future__ import annotations

import re

from sqlalchemy import select

from models import db
from models.network import Organisation
from tests.admin.crud import count

FORM = {"name": "Planning familial d'Esneux", "kind": "family_planning", "active": "y"}


def token_of(page) -> str:
    html = page.get_data(as_text=True)
    return re.search(r'name="submission_token" type="hidden" value="([^"]+)"', html).group(1)


def test_a_create_form_sent_twice_saves_one_record_and_shows_it(client):
    token = token_of(client.get("/admin/organisation/new/"))
    first = client.post("/admin/organisation/new/", data={**FORM, "submission_token": token})
    assert first.status_code == 302
    again = client.post("/admin/organisation/new/", data={**FORM, "submission_token": token})
    assert count(Organisation) == 1
    record = db.session.scalars(select(Organisation)).one()
    assert again.status_code == 302
    assert again.headers["Location"].endswith(f"/admin/organisation/details/?id={record.id}")
    shown = client.get(again.headers["Location"]).get_data(as_text=True)
    assert "Ce formulaire avait déjà été enregistré" in shown
    assert "Planning familial d&#39;Esneux" in shown


def test_two_create_forms_opened_separately_save_two_records(client):
    for name in ("Planning familial d'Esneux", "Planning familial de Trooz"):
        token = token_of(client.get("/admin/organisation/new/"))
        form = {**FORM, "name": name, "submission_token": token}
        assert client.post("/admin/organisation/new/", data=form).status_code == 302
    assert count(Organisation) == 2


def test_each_create_form_gets_its_own_token(client):
    first = token_of(client.get("/admin/organisation/new/"))
    second = token_of(client.get("/admin/organisation/new/"))
    assert first != second and len(first) >= 24
