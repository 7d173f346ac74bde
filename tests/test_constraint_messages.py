"""Every named rule of the database has a message, shown next to its field, in every language."""

from __future__ import annotations

import pytest
from flask_babel import force_locale
from sqlalchemy import CheckConstraint, UniqueConstraint
from sqlalchemy.dialects.postgresql import ExcludeConstraint

from backoffice.admin.base import CONSTRAINT_MESSAGES
from models import db
from models.integrity import by_name

KINDS = {CheckConstraint: "check", UniqueConstraint: "unique", ExcludeConstraint: "exclusion"}


def named_rules() -> list[tuple[str, str, str]]:
    """(table, constraint name, kind) of every named check, unique, exclusion and trigger rule."""
    rules = []
    for table in db.metadata.sorted_tables:
        for constraint in table.constraints:
            kind = KINDS.get(type(constraint))
            if kind and constraint.name:
                rules.append((table.name, str(constraint.name), kind))
        unique_indexes = [index for index in table.indexes if index.unique]
        rules += [(table.name, str(index.name), "unique") for index in unique_indexes]
        rules += [(table.name, name, "check") for name in table.info.get("trigger_rules", {})]
    return rules


def test_the_rules_are_found():
    names = {name for _, name, _ in named_rules()}
    assert {
        "ck_housing_unit_capacity_positive",
        "ck_housing_stay_household_not_empty",
        "ck_housing_stay_destination_after_exit",
        "ex_housing_stay_entry_date_unit_free",
        "ck_housing_stay_entry_date_within_availability",
        "uq_organisation_name",
        "uq_referent_appointment_open",
    } <= names


@pytest.mark.parametrize(("table", "name", "kind"), named_rules())
def test_every_named_rule_has_a_message_next_to_its_field(app, table, name, kind):
    found = by_name(db.metadata, kind, name)
    columns = db.metadata.tables[table].columns
    assert found.columns, f"{name} names no field to show its message next to"
    for field in found.columns:
        assert field in columns or f"{field}_id" in columns, f"{name}: no field {field}"
    message = CONSTRAINT_MESSAGES.get(found.rule or found.kind)
    assert message is not None, f"{name} would show only 'Invalid value.'"
    with app.test_request_context():
        shown = {}
        for language in app.config["LANGUAGES"]:
            with force_locale(language):
                shown[language] = str(message)
    for language, text in shown.items():
        assert text.strip(), f"{name}: no message in {language}"
        if language != "en":  # English is the source language
            assert text != shown["en"], f"{name}: not translated into {language}"
