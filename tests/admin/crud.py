"""Helpers to drive the admin screens over HTTP the way a browser does."""

from __future__ import annotations

import json
import re

from sqlalchemy import func, select

from models import db


def count(model) -> int:
    return db.session.scalar(select(func.count()).select_from(model))


def create(client, endpoint: str, data: dict):
    return client.post(f"/admin/{endpoint}/new/", data=data)


def edit(client, endpoint: str, record_id: int, data: dict):
    return client.post(f"/admin/{endpoint}/edit/?id={record_id}", data=data)


def delete(client, endpoint: str, record_id: int):
    return client.post(f"/admin/{endpoint}/delete/", data={"id": record_id})


def round_trip(
    client,
    endpoint: str,
    model,
    data: dict,
    change: dict,
    shown: str,
    changed: str,
    exported: str | None = None,
):
    """Create, list, search, edit, show, export and delete one record through the admin.

    `shown` must appear in the list once created; `changed` in the details once edited
    and `exported` (default: `changed`) in the CSV export.
    """
    before = count(model)
    response = create(client, endpoint, data)
    assert response.status_code == 302, response.get_data(as_text=True)
    assert count(model) == before + 1
    record = db.session.scalars(select(model).order_by(model.id.desc())).first()

    listing = client.get(f"/admin/{endpoint}/")
    assert listing.status_code == 200
    assert shown in listing.get_data(as_text=True)

    response = edit(client, endpoint, record.id, {**data, **change})
    assert response.status_code == 302, response.get_data(as_text=True)
    details = client.get(f"/admin/{endpoint}/details/?id={record.id}")
    assert changed in details.get_data(as_text=True)

    for export_type in ("csv", "xlsx"):
        export = client.get(f"/admin/{endpoint}/export/{export_type}/")
        assert export.status_code == 200
    csv = client.get(f"/admin/{endpoint}/export/csv/").get_data(as_text=True)
    assert (exported or changed) in csv

    response = delete(client, endpoint, record.id)
    assert response.status_code == 302
    assert count(model) == before


def filter_arg(client, endpoint: str, label: str, operation: str | None = None) -> str:
    """The query argument of the list filter a user picks by its label (and operation)."""
    page = client.get(f"/admin/{endpoint}/").get_data(as_text=True)
    groups = json.loads(re.search(r'id="filter-groups-data"[^>]*>(.*?)</div>', page).group(1))
    found = next(f for f in groups[label] if operation in (None, f["operation"]))
    return f"flt0_{found['arg']}"


def filtered(client, endpoint: str, label: str, operation: str, value: str) -> str:
    """The list page once the user filtered it by the filter `label`, `operation`, `value`."""
    arg = filter_arg(client, endpoint, label, operation)
    return client.get(f"/admin/{endpoint}/?{arg}={value}").get_data(as_text=True)


def error_next_to(page: str, field: str, message: str) -> bool:
    """Tell whether `message` is shown in the form group of `field`."""
    start = page.index(f'name="{field}"')
    end = page.find('class="form-group', start)
    return message in page[start : end if end != -1 else None]


def create_forms(app) -> list[tuple[object, object]]:
    """(view, empty create form) of every admin screen an administrator may create in."""
    from flask_admin.contrib.sqla import ModelView
    from flask_login import login_user

    from backoffice.auth.sessions import SignedInUser
    from models.accounts import User

    reader = User(username="form-reader", role="administrator", password_hash="-", active=True)
    with app.test_request_context():
        login_user(SignedInUser(reader, "form-reader"))
        return [
            (view, view.create_form())
            for view in app.extensions["admin"][0]._views
            if isinstance(view, ModelView) and view.can_create
        ]
