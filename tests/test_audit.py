"""The audit log records every change, export, login and refusal, and nobody can alter it."""

from __future__ import annotations

from sqlalchemy import select

from backoffice import demo
from models import db
from models.audit import AuditEntry
from models.housing import HousingUnit
from tests import factories
from tests.admin.crud import create, delete, edit
from tests.conftest import login


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
