"""Helpers to drive the admin screens over HTTP the way a browser does."""

from __future__ import annotations

import json
import re
from dataclasses import dataclass

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


@dataclass
class Trip:
    """What a user meets taking one record through the admin: create, list, edit, show,
    export (CSV and XLSX) and delete."""

    statuses: tuple[int, ...]  # of each of these seven requests, in that order
    counts: tuple[int, int, int]  # records before, once created, once deleted
    listing: str  # the list once the record is created
    details: str  # the record's details once edited
    csv: str  # the CSV export once edited


# Saved (a redirect), listed, saved, shown, exported twice, deleted (a redirect).
EVERY_STEP_TAKEN = (302, 200, 302, 200, 200, 200, 302)


def round_trip(client, model, data: dict, change: dict) -> Trip:
    """Create a `model` record from `data`, list it, edit it with `change`, show it,
    export the list and delete the record, on the model's screen."""
    endpoint, before = model.__name__.lower(), count(model)
    created = create(client, endpoint, data)
    once_created = count(model)
    if created.status_code != 302:  # refused: the form came back, and the trip ends there
        refused = created.get_data(as_text=True)
        return Trip((created.status_code,), (before, once_created, once_created), refused, "", "")
    record = db.session.scalars(select(model).order_by(model.id.desc())).first()
    listing = client.get(f"/admin/{endpoint}/")
    edited = edit(client, endpoint, record.id, {**data, **change})
    details = client.get(f"/admin/{endpoint}/details/?id={record.id}")
    csv, xlsx = (client.get(f"/admin/{endpoint}/export/{kind}/") for kind in ("csv", "xlsx"))
    deleted = delete(client, endpoint, record.id)
    return Trip(
        statuses=tuple(
            r.status_code for r in (created, listing, edited, details, csv, xlsx, deleted)
        ),
        counts=(before, once_created, count(model)),
        listing=listing.get_data(as_text=True),
        details=details.get_data(as_text=True),
        csv=csv.get_data(as_text=True),
    )


@dataclass
class Answer:
    """What the user is shown once a form or a deletion is sent, and what the database holds."""

    status: int  # of the request sending it
    page: str  # shown in answer (for a deletion: the list it leads back to, with its message)
    records: int  # of the model, once sent


def send(client, model, data: dict, record=None) -> Answer:
    """Send the creation form of a `model` record, or the edit form of `record`."""
    endpoint = model.__name__.lower()
    if record is None:
        response = create(client, endpoint, data)
    else:
        response = edit(client, endpoint, record.id, data)
    return Answer(response.status_code, response.get_data(as_text=True), count(model))


def remove(client, record) -> Answer:
    """Delete `record` on its screen and follow to the page the user lands on."""
    model = type(record)
    response = delete(client, model.__name__.lower(), record.id)
    if "Location" in response.headers:
        shown = client.get(response.headers["Location"]).get_data(as_text=True)
    else:  # refused outright: the answer is the page itself
        shown = response.get_data(as_text=True)
    return Answer(response.status_code, shown, count(model))


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


def as_listed(client, endpoint: str, *shown: str) -> list[str]:
    """The texts `shown`, in the order the list of `endpoint` shows them."""
    page = client.get(f"/admin/{endpoint}/").get_data(as_text=True)
    return sorted(shown, key=page.index)


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
