"""Forms in flight: a create form sent twice saves once; typing survives an expired session."""

from __future__ import annotations

import re
from datetime import UTC, datetime, timedelta
from urllib.parse import quote

from sqlalchemy import select

from models import db
from models.accounts import UserSession
from models.forms import KeptForm, SubmittedForm
from models.network import Organisation
from tests.admin.crud import count
from tests.helpers import login

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


NEW = "/admin/organisation/new/?url=%2Fadmin%2Forganisation%2F"


def expire_sessions() -> None:
    for row in db.session.scalars(select(UserSession)):
        row.last_seen_at = datetime.now(UTC) - timedelta(minutes=31)
    db.session.commit()


def sent_after_the_session_expired(client, form: dict):
    """Open the creation form, let the session expire as the person types, then send it."""
    client.get(NEW)
    expire_sessions()
    return client.post(NEW, data=form)


def test_what_was_typed_survives_an_expired_session_and_is_not_saved(client):
    sent = sent_after_the_session_expired(client, {**FORM, "notes": "Permanence le mardi"})
    assert sent.status_code == 302 and "/login" in sent.headers["Location"]
    assert count(Organisation) == 0
    back = login(client, "secretariat", next_url=quote(NEW))
    assert back.headers["Location"] == NEW
    page = client.get(NEW).get_data(as_text=True)
    assert 'value="Planning familial d&#39;Esneux"' in page
    assert "Ce que vous aviez saisi avant l’expiration de votre session" in page
    assert count(Organisation) == 0  # given back, never saved without the save button
    assert count(KeptForm) == 0
    again = client.get(NEW).get_data(as_text=True)
    assert "Planning familial" not in again  # given back once


def test_a_form_kept_for_one_account_is_never_shown_to_another(client):
    sent_after_the_session_expired(client, FORM)
    login(client, "coordinator", next_url=quote(NEW))
    assert "Planning familial" not in client.get(NEW).get_data(as_text=True)


def test_a_forged_token_is_no_token(client):
    forged = {**FORM, "submission_token": "x\x00' OR 1=1 --"}
    assert client.post("/admin/organisation/new/", data=forged).status_code in (200, 302)
    again = {**FORM, "name": "Autre", "submission_token": "x\x00' OR 1=1 --"}
    assert client.post("/admin/organisation/new/", data=again).status_code in (200, 302)
    assert count(SubmittedForm) == 0


def test_a_kept_form_with_a_nul_character_is_kept_without_error(client):
    sent = sent_after_the_session_expired(client, {**FORM, "name": "Maison\x00 médicale"})
    assert sent.status_code == 302 and "/login" in sent.headers["Location"]
    login(client, "secretariat", next_url=quote(NEW))
    assert client.get(NEW).status_code == 200
    assert count(Organisation) == 0
