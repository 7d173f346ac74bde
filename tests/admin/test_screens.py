"""What every screen declares once: the choices of a field, the names of its records."""

from __future__ import annotations

import html
import json
import re

import pytest

from backoffice.admin.base import BackofficeModelView
from backoffice.admin.fields import RECORD_NAMES
from models import db


def screens(app) -> list[BackofficeModelView]:
    return [v for v in app.extensions["admin"][0]._views if isinstance(v, BackofficeModelView)]


def chosen_fields(app) -> list[tuple[str, str]]:
    return [(view.endpoint, field) for view in screens(app) for field in view.field_choices]


def filter_options(page: str, label: str) -> list[set[str]]:
    """The options of each filter of the column labelled `label` that offers a choice."""
    groups = json.loads(re.search(r'id="filter-groups-data"[^>]*>(.*?)</div>', page).group(1))
    return [
        {name for _value, name in flt["options"]} for flt in groups.get(label, []) if flt["options"]
    ]


# (screen, field) of every field with a fixed set of values.
CHOSEN = [
    ("organisation", "kind"),
    ("referentappointment", "appointed_by"),
    ("agreement", "kind"),
    ("housingstay", "destination"),
    ("training", "audience"),
    ("trainingsession", "training.audience"),
    ("awarenessaction", "occasion"),
    ("workshop", "week_of_month"),
    ("workshop", "weekday"),
    ("communicationmaterial", "kind"),
    ("user", "role"),
    ("user", "language"),
    ("auditentry", "action"),
]


@pytest.fixture
def admin(as_role):
    return as_role("administrator")


@pytest.mark.parametrize(("endpoint", "field"), CHOSEN)
def test_a_fields_choices_read_the_same_in_the_filter_and_the_form(app, admin, endpoint, field):
    view = next(v for v in screens(app) if v.endpoint == endpoint)
    assert (endpoint, field) in chosen_fields(app)
    with app.test_request_context():
        labels = {str(label) for label in view.field_choices[field].values()}
        column = str(view.column_labels[field])
    listing = html.unescape(admin.get(f"/admin/{endpoint}/").get_data(as_text=True))
    yes_no = {"Oui", "Non"}  # the filter "is empty"
    # A field may be chosen in forms and lists without a list filter.
    assert all(
        options == labels for options in filter_options(listing, column) if options != yes_no
    )
    if "." not in field and not view.read_only:
        form = html.unescape(admin.get(f"/admin/{endpoint}/new/").get_data(as_text=True))
        assert all(f">{label}</option>" in form for label in labels)


def test_every_screen_with_choices_is_covered_above(app):
    # The kinds of records in the audit log: a filter and a column, chosen by nobody.
    assert set(chosen_fields(app)) == {*CHOSEN, ("auditentry", "table_name")}


def test_every_record_that_can_hold_back_a_deletion_has_a_name(app):
    shown = {view.model.__tablename__ for view in screens(app)}
    holding_back = {
        table.name
        for table in db.metadata.sorted_tables
        for fk in table.foreign_keys
        if fk.column.table.name in shown
        and (fk.ondelete or "").upper() not in ("CASCADE", "SET NULL")
    }
    assert shown - {"audit_entry"} <= set(RECORD_NAMES)
    assert holding_back <= set(RECORD_NAMES)
