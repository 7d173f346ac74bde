"""The audit log records every change, export, login and refusal, and nobody can alter it."""

from __future__ import annotations

import re
from datetime import UTC, datetime

import pytest
from sqlalchemy import select

from backoffice import demo
from models import db
from models.audit import AuditEntry
from models.housing import HousingUnit
from tests import factories
from tests.admin.crud import create, delete, edit, filter_arg
from tests.factories import audit_entry
from tests.helpers import login


def entries(action: str | None = None) -> list[AuditEntry]:
    statement = select(AuditEntry).order_by(AuditEntry.id)
    if action:
        statement = statement.where(AuditEntry.action == action)
    return list(db.session.scalars(statement))


def test_create_update_delete_are_recorded_with_user_and_fields(client):
    create(client, "organisation", {"name": "Maison médicale", "kind": "general_practice"})
    org_id = entries("create")[-1].record_id
    edit(
        client,
        "organisation",
        org_id,
        {"name": "Maison médicale d'Esneux", "kind": "general_practice"},
    )
    delete(client, "organisation", org_id)

    created, updated, deleted = entries("create")[-1], entries("update")[-1], entries("delete")[-1]
    assert (created.username, created.table_name, created.record_id) == (
        "secretariat",
        "organisation",
        org_id,
    )
    assert created.changes["name"] == [None, "Maison médicale"]
    assert updated.changes == {"name": ["Maison médicale", "Maison médicale d'Esneux"]}
    assert deleted.changes["name"] == ["Maison médicale d'Esneux", None]
    assert created.at is not None


def test_housing_addresses_and_notes_are_masked(as_role):
    admin = as_role("administrator")
    demo.load()
    unit = db.session.scalars(select(HousingUnit)).first()
    data = {
        "label": unit.label,
        "provider": unit.provider_id,
        "municipality": unit.municipality_id,
        "capacity": 4,
        "available_from": "2025-01-01",
        "address": "Rue Secrète 12",
        "notes": "Code de la porte 1234",
    }
    assert edit(admin, "housingunit", unit.id, data).status_code == 302
    entry = entries("update")[-1]
    assert entry.changes["address"] == ["•••", "•••"]
    assert "Secrète" not in str(entry.changes) and "1234" not in str(entry.changes)


def test_exports_logins_and_refusals_are_recorded(app, as_role, anonymous):
    as_role("secretariat").get("/admin/person/export/csv/")
    as_role("partner").get("/admin/housingstay/")
    login(anonymous, "coordinator", password="wrong password")
    assert entries("export")[-1].table_name == "person"
    assert entries("export")[-1].username == "secretariat"
    assert entries("denied")[-1].detail == "GET /admin/housingstay/"
    assert {e.username for e in entries("login")} >= {"secretariat"}
    assert entries("login_failed")[-1].username == "coordinator"


def test_bulk_delete_records_each_record(client):
    a, b = factories.organisation("A supprimer"), factories.organisation("B supprimer")
    client.post(
        "/admin/organisation/action/", data={"action": "delete", "rowid": [str(a.id), str(b.id)]}
    )
    assert {e.record_label for e in entries("delete")} == {"A supprimer", "B supprimer"}


def test_log_is_readable_by_administrator_and_coordinator_only(as_role):
    factories.organisation("Visible dans le journal")
    assert "Visible dans le journal" in as_role("administrator").get("/admin/auditentry/").get_data(
        as_text=True
    )
    assert as_role("coordinator").get("/admin/auditentry/").status_code == 200
    assert as_role("secretariat").get("/admin/auditentry/").status_code == 403


def test_nobody_can_change_or_delete_the_log(as_role):
    factories.organisation("Trace")
    entry = entries("create")[-1]
    admin = as_role("administrator")
    assert (
        admin.post(f"/admin/auditentry/edit/?id={entry.id}", data={"username": "x"}).status_code
        == 403
    )
    assert admin.post("/admin/auditentry/delete/", data={"id": entry.id}).status_code == 403
    assert admin.get("/admin/auditentry/new/").status_code == 403
    db.session.refresh(entry)
    assert entry.username is None or entry.username != "x"


# --- the log as people read it -------------------------------------------------------------


def log_rows(client, query: str = "") -> list[str]:
    """The rows of the audit log's list, each as the text a person reads."""
    page = client.get(f"/admin/auditentry/{query}").get_data(as_text=True)
    start = page.index("</thead>")
    body = page[start : page.index("</table>", start)]
    rows = body.split("<tr")[1:]
    return [" ".join(re.sub(r"<[^>]+>", " ", f"<tr{row}").split()) for row in rows]


@pytest.mark.parametrize(
    ("utc", "shown"),
    [
        (datetime(2026, 1, 15, 10, 15, 7, tzinfo=UTC), "15 janv. 2026, 11:15:07"),
        (datetime(2026, 7, 1, 22, 30, 0, tzinfo=UTC), "2 juil. 2026, 00:30:00"),
    ],
    ids=["winter", "summer-past-midnight"],
)
def test_the_log_shows_date_and_time_in_brussels(as_role, utc, shown):
    audit_entry(utc, username="secretariat", table_name="person")
    rows = log_rows(as_role("administrator"), "?search=person")
    assert rows[0].startswith(shown), rows[0]


def test_a_login_is_one_event_naming_its_user(as_role):
    as_role("secretariat")
    assert [(e.action, e.username) for e in entries()[-1:]] == [("login", "secretariat")]
    assert [e for e in entries("update") if e.table_name == "user_account"] == []
    rows = log_rows(as_role("administrator"), "?search=secretariat")
    logins = [
        row for row in rows if "Connexion secretariat" in row or "secretariat Connexion" in row
    ]
    assert len(logins) == 1
    assert not any("Dernière connexion" in row for row in rows)


def test_no_none_in_the_logs_list_nor_its_details(as_role):
    secretariat = as_role("secretariat")
    create(secretariat, "organisation", {"name": "Maison médicale", "kind": "general_practice"})
    secretariat.get("/admin/person/export/csv/")
    admin = as_role("administrator")
    rows = log_rows(admin)
    assert rows and not any("None" in row for row in rows)
    export = next(row for row in rows if " Export " in row)
    assert "personnes –" in export  # the area, then no single record
    created = next(row for row in rows if "Création organisations Maison médicale" in row)
    assert "Type : ∅ → Médecine générale" in created or "∅ → Médecine générale" in created
    assert "Actif : ∅ → non" in created
    for entry in entries():
        details = admin.get(f"/admin/auditentry/details/?id={entry.id}").get_data(as_text=True)
        assert "None" not in re.sub(r"<[^>]+>", " ", details), entry.action


def test_a_password_change_is_logged_without_the_password(as_role, users):
    admin = as_role("administrator")
    user = users["coordinator"]
    data = {"username": "coordinator", "role": "coordinator", "active": "y"}
    response = edit(admin, "user", user.id, {**data, "new_password": "a new long passphrase"})
    assert response.status_code == 302, response.get_data(as_text=True)
    entry = entries("update")[-1]
    assert entry.changes["password_hash"] == ["•••", "•••"]
    assert "argon2" not in str([e.changes for e in entries()])


def test_the_user_list_shows_a_language_or_a_dash_never_none(as_role, users):
    users["coordinator"].language = "nl"
    db.session.commit()
    page = as_role("administrator").get("/admin/user/").get_data(as_text=True)
    text = " ".join(re.sub(r"<[^>]+>", " ", page[page.index("</thead>") :]).split())
    assert "None" not in text
    assert "coordinator Coordination néerlandais" in text
    assert "secretariat Secrétariat –" in text


def test_the_log_is_filtered_by_user_action_area_and_day(as_role):
    brussels_evening = datetime(2024, 3, 9, 22, 30, tzinfo=UTC)  # 23:30 in Brussels, 9 March
    audit_entry(brussels_evening, username="alice", table_name="person")
    audit_entry(datetime(2024, 3, 9, 23, 30, tzinfo=UTC), username="bob", table_name="person")
    audit_entry(datetime(2024, 3, 10, 8, 0, tzinfo=UTC), username="alice", action="login")
    admin = as_role("administrator")

    def shown(label: str, operation: str, value: str) -> list[str]:
        argument = filter_arg(admin, "auditentry", label, operation)
        return [row for row in log_rows(admin, f"?{argument}={value}") if "2024" in row]

    assert {row.split()[4] for row in shown("Utilisateur", "vaut", "alice")} == {"alice"}
    assert len(shown("Utilisateur", "vaut", "alice")) == 2
    assert len(shown("Action", "vaut", "login")) == 1
    assert len(shown("Enregistrements", "vaut", "person")) == 2
    on_ninth = shown("Quand", "le", "2024-03-09")
    assert [row.split()[4] for row in on_ninth] == ["alice"]  # bob's 00:30 is the 10th
    assert len(shown("Quand", "à partir du", "2024-03-10")) == 2
    assert len(shown("Quand", "jusqu'au", "2024-03-09")) == 1


def test_a_changed_link_names_the_linked_record(client, as_role):
    org = factories.organisation("CPAS d'Esneux")
    create(
        client, "person", {"first_name": "Claire", "last_name": "Renard", "organisation": org.id}
    )
    page = as_role("administrator").get("/admin/auditentry/").get_data(as_text=True)
    assert "∅ → CPAS d&#39;Esneux" in page
    assert f"∅ → {org.id}<" not in page


def test_a_change_of_a_materials_languages_is_recorded(client):
    form = {"title": "Dépliant", "kind": "flyer", "quantity": "100", "languages": ["fr"]}
    create(client, "communicationmaterial", form)
    material_id = entries("create")[-1].record_id
    edit(client, "communicationmaterial", material_id, {**form, "languages": ["nl", "fr"]})
    edit(client, "communicationmaterial", material_id, {**form, "languages": ["fr", "nl"]})

    assert entries("create")[-1].changes["languages"] == [[], ["fr"]]
    (updated,) = entries("update")  # saving the same languages again changes nothing
    assert updated.changes == {"languages": [["fr"], ["fr", "nl"]]}
