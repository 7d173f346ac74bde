"""Small builders of valid records, committed, for tests to start from."""

from __future__ import annotations

import itertools
from datetime import date, datetime
from decimal import Decimal

from models import db
from models.agreements import Agreement, AgreementKind
from models.audit import AuditEntry
from models.awareness import AwarenessAction, CommunicationMaterial, MaterialKind, Occasion
from models.children import Workshop, WorkshopSession
from models.housing import HousingStay, HousingUnit
from models.network import (
    AppointingBody,
    Municipality,
    Organisation,
    OrganisationKind,
    Person,
    ReferentAppointment,
)
from models.protocols import InterventionProtocol
from models.training import Training, TrainingAudience, TrainingSession

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


def housing_unit(**fields) -> HousingUnit:
    """An emergency housing unit available from 1 January 2025."""
    fields.setdefault("label", f"Logement {next(_unit_labels)}")
    fields.setdefault("provider", fields.get("provider") or organisation())
    fields.setdefault("municipality", fields.get("municipality") or municipality())
    fields.setdefault("available_from", date(2025, 1, 1))
    return save(HousingUnit(**fields))


def housing_stay(in_unit, entry: date, exit_: date | None = None, **fields) -> HousingStay:
    """A household's stay in a unit; its code is generated."""
    return save(HousingStay(unit=in_unit, entry_date=entry, exit_date=exit_, **fields))


def agreement(
    title: str = "Convention de partenariat",
    organisation: Organisation | None = None,
    valid_from: date = date(2025, 1, 1),
    valid_until: date | None = None,
    **fields,
) -> Agreement:
    """A partnership agreement, with an organisation of its own unless one is given."""
    fields.setdefault("kind", AgreementKind.PARTNERSHIP)
    partner = organisation or Organisation(
        name=f"Organisation {next(_counter)}", kind=OrganisationKind.ASSOCIATION
    )
    return save(
        Agreement(
            title=title,
            organisation=partner,
            valid_from=valid_from,
            valid_until=valid_until,
            **fields,
        )
    )


def workshop(name: str | None = None, **fields) -> Workshop:
    """A children's workshop (names are unique: each gets its own unless one is given)."""
    fields.setdefault("starts_on", LONG_AGO)
    return save(Workshop(name=name or f"Atelier {next(_counter)}", **fields))


def workshop_session(held_on: date, **fields) -> WorkshopSession:
    """A session of a workshop (a new one unless given) with 6 children and 3 parents."""
    fields.setdefault("workshop", fields.get("workshop") or workshop())
    fields.setdefault("children_present", 6)
    fields.setdefault("parents_present", 3)
    return save(WorkshopSession(held_on=held_on, **fields))


def training(title: str = "Repérer les violences intrafamiliales", **fields) -> Training:
    """A training for first-line professionals unless told otherwise."""
    fields.setdefault("audience", TrainingAudience.FIRST_LINE)
    return save(Training(title=title, **fields))


def training_session(held_on: date = date(2025, 3, 18), **fields) -> TrainingSession:
    """A session of three and a half hours of a training (a new one unless given)."""
    fields.setdefault("training", fields.get("training") or training())
    fields.setdefault("hours", Decimal("3.5"))
    return save(TrainingSession(held_on=held_on, **fields))


def material(title: str = "Dépliant STOPP VIF", **fields) -> CommunicationMaterial:
    """A communication material: 500 flyers unless told otherwise."""
    fields.setdefault("kind", MaterialKind.FLYER)
    fields.setdefault("quantity", 500)
    return save(CommunicationMaterial(title=title, **fields))


def awareness_action(title: str = "Stand à la brocante", **fields) -> AwarenessAction:
    """An awareness action at a local event on 10 May 2025 unless told otherwise."""
    fields.setdefault("occasion", Occasion.LOCAL_EVENT)
    fields.setdefault("held_on", date(2025, 5, 10))
    return save(AwarenessAction(title=title, **fields))


def protocol(*signatories: Organisation, **fields) -> InterventionProtocol:
    """An intervention protocol, version 1.0, signed by the organisations given."""
    fields.setdefault("title", "Protocole de prise en charge des victimes")
    fields.setdefault("revision", "1.0")
    return save(InterventionProtocol(signatories=list(signatories), **fields))


def audit_entry(at: datetime, **fields) -> AuditEntry:
    """An entry of the audit log, an export unless told otherwise."""
    fields.setdefault("action", "export")
    return save(AuditEntry(at=at, **fields))
