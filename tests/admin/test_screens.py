"""What every screen declares once: a field's label and choices, the names of its records."""

from __future__ import annotations

import html
import json
import re

import pytest

from backoffice.admin.base import BackofficeModelView
from backoffice.admin.fields import COMMON_LABELS, RECORD_NAMES, model_labels
from models import db
from tests import factories


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


def test_every_field_a_screen_shows_or_edits_has_a_label(app):
    shown = ("column_list", "column_details_list", "form_columns")
    unlabelled = [
        (view.endpoint, name)
        for view in screens(app)
        for name in (name for attr in shown for name in getattr(view, attr) or ())
        if isinstance(name, str) and name not in view.column_labels
    ]
    assert unlabelled == []


def test_a_screen_labels_only_what_its_model_does_not_say(app):
    # A field's label sits with the field: a screen words otherwise only a few of its own.
    with app.test_request_context():
        said_again = [
            (view.endpoint, name)
            for view in screens(app)
            for name, label in (vars(type(view)).get("column_labels") or {}).items()
            if str(label) == str({**COMMON_LABELS, **model_labels(view.model)}.get(name))
        ]
    assert said_again == []


def test_a_list_sorts_a_link_by_the_linked_records_name(app, client):
    factories.agreement(title="Convention Z", organisation=factories.organisation("Zèbre"))
    factories.agreement(title="Convention A", organisation=factories.organisation("Alpha"))
    view = next(v for v in screens(app) if v.endpoint == "agreement")
    by_organisation = [name for name, _label in view._list_columns].index("organisation")

    def listed(query: str) -> list[str]:
        page = client.get(f"/admin/agreement/?{query}").get_data(as_text=True)
        return sorted(["Convention A", "Convention Z"], key=page.index)

    assert listed(f"sort={by_organisation}") == ["Convention A", "Convention Z"]
    assert listed(f"sort={by_organisation}&desc=1") == ["Convention Z", "Convention A"]
