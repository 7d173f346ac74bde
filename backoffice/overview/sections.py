"""What the overview shows: active organisations and current referents, per municipality.

Three queries whatever the size of the network; grouping and ordering happen here, in
Python, so that the order does not depend on the database's collation. Housing is never
read: the overview is open to partners, and a unit's address is where victims hide.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass, field
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import or_, select
from sqlalchemy.orm import contains_eager

from models import db
from models.network import Municipality, Organisation, Person, ReferentAppointment

from ..admin.network import ORGANISATION_KINDS

REGIONAL = _("Regional organisations")


@dataclass
class KindGroup:
    """The organisations of one kind within a section."""

    label: str
    organisations: list[Organisation]


@dataclass
class Section:
    """One municipality (or the regional bodies, without municipality) of the overview."""

    title: str
    municipality: Municipality | None = None
    groups: list[KindGroup] = field(default_factory=list)
    referents: list[ReferentAppointment] = field(default_factory=list)

    @property
    def organisations(self) -> list[Organisation]:
        return [org for group in self.groups for org in group.organisations]


def sort_key(text: str | None) -> str:
    """Order names alike on every database: ignore case and accents."""
    decomposed = unicodedata.normalize("NFKD", text or "")
    return "".join(c for c in decomposed if not unicodedata.combining(c)).casefold()


def build(on: date) -> list[Section]:
    """Return the five municipalities in name order, then the regional organisations."""
    municipalities = sorted(
        db.session.scalars(select(Municipality)), key=lambda town: sort_key(town.name)
    )
    organisations = db.session.scalars(select(Organisation).where(Organisation.active)).all()
    appointments = db.session.scalars(
        select(ReferentAppointment)
        .join(ReferentAppointment.person)
        .options(contains_eager(ReferentAppointment.person).joinedload(Person.organisation))
        .where(
            ReferentAppointment.starts_on <= on,
            or_(ReferentAppointment.ends_on.is_(None), ReferentAppointment.ends_on >= on),
        )
    ).all()

    sections = [Section(town.name, town) for town in municipalities]
    sections.append(Section(str(REGIONAL)))
    by_town = {section.municipality.id: section for section in sections[:-1]}
    for section in sections:
        town_id = section.municipality.id if section.municipality else None
        section.groups = _by_kind(o for o in organisations if o.municipality_id == town_id)
    for appointment in sorted(appointments, key=_referent_order):
        by_town[appointment.municipality_id].referents.append(appointment)
    return sections


def _by_kind(organisations) -> list[KindGroup]:
    """Group organisations by kind, kinds in the labels' order, names alphabetically."""
    groups = {kind: KindGroup(str(label), []) for kind, label in ORGANISATION_KINDS.items()}
    for org in sorted(organisations, key=lambda org: sort_key(org.name)):
        groups.setdefault(org.kind, KindGroup(org.kind, [])).organisations.append(org)
    return [group for group in groups.values() if group.organisations]


def _referent_order(appointment: ReferentAppointment) -> tuple[str, str]:
    person = appointment.person
    return sort_key(person.last_name), sort_key(person.first_name)


# --- contact links: only well-formed values become links, everything else stays text ----
_EMAIL = re.compile(r"[^@\s<>\"'?&:/\\]+@[^@\s<>\"'?&:/\\]+\.[^@\s<>\"'?&:/\\]+")
_SCHEME = re.compile(r"^[a-z][a-z0-9+.-]*:", re.IGNORECASE)


def mailto(email: str | None) -> str | None:
    """Return a mailto: link for a plain address, or None."""
    email = (email or "").strip()
    return f"mailto:{email}" if _EMAIL.fullmatch(email) else None


def tel(phone: str | None) -> str | None:
    """Return a tel: link (digits and a leading +) for a phone number, or None."""
    phone = (phone or "").strip()
    digits = re.sub(r"[^\d]", "", phone)
    if not digits:
        return None
    return f"tel:{'+' if phone.startswith('+') else ''}{digits}"


def website(url: str | None) -> str | None:
    """Return an http(s) link for a website; other schemes (javascript:, data:) give None."""
    url = (url or "").strip()
    if not url or any(c.isspace() for c in url):
        return None
    if url.lower().startswith(("http://", "https://")):
        return url
    if _SCHEME.match(url) or url.startswith("/"):
        return None
    return f"https://{url}"
