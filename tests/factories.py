"""Small builders of valid records, committed, for tests to start from."""

from __future__ import annotations

import itertools
from datetime import date

from models import db
from models.network import (
    AppointingBody,
    Municipality,
    Organisation,
    OrganisationKind,
    Person,
    ReferentAppointment,
)

_counter = itertools.count(1)
# Records whose own dates do not matter to a test are there since long before its periods.
LONG_AGO = date(2000, 1, 1)


def save(*records):
    """Add and commit records; return the first (handy for one-liners)."""
    db.session.add_all(records)
    db.session.commit()
    return records[0]


def municipality(name: str | None = None, **fields) -> Municipality:
    n = next(_counter)
    return save(
        Municipality(
            name=name or f"Commune {n}", postal_code=fields.pop("postal_code", "4000"), **fields
        )
    )


def organisation(name: str | None = None, **fields) -> Organisation:
    fields.setdefault("kind", OrganisationKind.ASSOCIATION)
    fields.setdefault("joined_on", LONG_AGO)
    return save(Organisation(name=name or f"Organisation {next(_counter)}", **fields))


def person(last_name: str | None = None, **fields) -> Person:
    fields.setdefault("first_name", "Alex")
    return save(Person(last_name=last_name or f"Dupont{next(_counter)}", **fields))


def referent(**fields) -> ReferentAppointment:
    fields.setdefault("person", fields.get("person") or person())
    fields.setdefault("municipality", fields.get("municipality") or municipality())
    fields.setdefault("appointed_by", AppointingBody.MUNICIPAL_COLLEGE)
    fields.setdefault("starts_on", date(2025, 1, 1))
    return save(ReferentAppointment(**fields))


_unit_labels = itertools.count(1)


def housing_unit(**fields):
    """An emergency housing unit available from 1 January 2025."""
    from models.housing import HousingUnit

    fields.setdefault("label", f"Logement {next(_unit_labels)}")
    fields.setdefault("provider", fields.get("provider") or organisation())
    fields.setdefault("municipality", fields.get("municipality") or municipality())
    fields.setdefault("available_from", date(2025, 1, 1))
    return save(HousingUnit(**fields))


def housing_stay(in_unit, entry: date, exit_: date | None = None, **fields):
    """A household's stay in a unit; its code is generated."""
    from models.housing import HousingStay

    return save(HousingStay(unit=in_unit, entry_date=entry, exit_date=exit_, **fields))
