"""The network: municipalities, partner organisations, professionals, referents, the platform."""

from __future__ import annotations

import enum
from datetime import date

from flask_babel import lazy_gettext as _
from sqlalchemy import Index, String, Text, text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from .base import Record, column, labelled, link_table, not_before, one_of, refers_to


class Municipality(Record):
    """One of the five municipalities of the police zone."""

    __tablename__ = "municipality"

    name: Mapped[str] = mapped_column(String(80), unique=True)
    postal_code: Mapped[str] = column(String(4), label=_("Postal code"))

    def __str__(self) -> str:
        return self.name


class OrganisationKind(enum.StrEnum):
    POLICE_VICTIM_ASSISTANCE = "police_victim_assistance"
    MUNICIPAL_SOCIAL_SERVICE = "municipal_social_service"
    CPAS = "cpas"
    REGIONAL_BODY = "regional_body"
    SOCIAL_HOUSING_AGENCY = "social_housing_agency"
    RESOURCE_CENTRE = "resource_centre"
    MENTAL_HEALTH = "mental_health"
    CHILD_AND_FAMILY = "child_and_family"
    YOUTH_AID = "youth_aid"
    FAMILY_PLANNING = "family_planning"
    SCHOOL = "school"
    GENERAL_PRACTICE = "general_practice"
    JUSTICE_HOUSE = "justice_house"
    ASSOCIATION = "association"
    OTHER = "other"


class Organisation(Record):
    """A partner organisation; regional bodies belong to no single municipality."""

    __tablename__ = "organisation"

    name: Mapped[str] = mapped_column(String(200), unique=True)
    short_name: Mapped[str | None] = mapped_column(String(40))
    kind: Mapped[str] = one_of(OrganisationKind, 40)
    municipality_id: Mapped[int | None] = refers_to("municipality")
    address: Mapped[str | None] = mapped_column(String(300))
    phone: Mapped[str | None] = mapped_column(String(40))
    email: Mapped[str | None] = mapped_column(String(200))
    website: Mapped[str | None] = column(String(300), label=_("Website"))
    active: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    # In the network from joined_on until left_on (included): the figures of a period read these.
    joined_on: Mapped[date] = column(default=date.today, index=True, label=_("In the network from"))
    left_on: Mapped[date | None] = not_before("joined_on", label=_("In the network until"))

    municipality: Mapped[Municipality | None] = relationship()

    @validates("joined_on")
    def _joins_the_day_recorded(self, _key: str, joined_on: date | None) -> date:
        """An organisation recorded without the day it joined joins the day it is recorded."""
        return joined_on or date.today()

    def __str__(self) -> str:
        return self.short_name or self.name


class Person(Record):
    """A professional of the network. Never a victim: victims are not recorded by name."""

    __tablename__ = "person"

    first_name: Mapped[str] = mapped_column(String(80))
    last_name: Mapped[str] = mapped_column(String(80))
    job_title: Mapped[str | None] = column(String(120), label=_("Job title"))
    organisation_id: Mapped[int | None] = refers_to("organisation")
    email: Mapped[str | None] = column(String(200), label=_("Work e-mail"))
    phone: Mapped[str | None] = column(String(40), label=_("Work phone"))

    organisation: Mapped[Organisation | None] = relationship()

    def __str__(self) -> str:
        return f"{self.first_name} {self.last_name}"


class AppointingBody(enum.StrEnum):
    MUNICIPAL_COLLEGE = "municipal_college"
    SOCIAL_ACTION_COUNCIL = "social_action_council"


def open_once(name: str, *columns: str) -> Index:
    """At most one open period (no end date yet) per value of `columns`."""
    ongoing = text("ends_on IS NULL")
    return Index(name, *columns, unique=True, sqlite_where=ongoing, postgresql_where=ongoing)


class ReferentAppointment(Record):
    """A person appointed intrafamily-violence referent for a municipality."""

    __tablename__ = "referent_appointment"
    # A person holds at most one open appointment per municipality.
    __table_args__ = (open_once("uq_referent_appointment_open", "person_id", "municipality_id"),)

    person_id: Mapped[int] = refers_to("person", index=False)
    municipality_id: Mapped[int] = refers_to("municipality")
    appointed_by: Mapped[str] = one_of(AppointingBody, 30, label=_("Appointed by"))
    starts_on: Mapped[date]
    ends_on: Mapped[date | None] = not_before("starts_on")

    person: Mapped[Person] = relationship(info=labelled(_("Referent")))
    municipality: Mapped[Municipality] = relationship()

    def __str__(self) -> str:
        return f"{self.person} ({self.municipality})"


class PlatformMembership(Record):
    """A professional's seat in the STOPP VIF platform."""

    __tablename__ = "platform_membership"
    __table_args__ = (open_once("uq_platform_membership_open", "person_id"),)

    person_id: Mapped[int] = refers_to("person", index=False)
    starts_on: Mapped[date]
    ends_on: Mapped[date | None] = not_before("starts_on")

    person: Mapped[Person] = relationship(info=labelled(_("Member")))

    def __str__(self) -> str:
        return str(self.person)


# Deleting a meeting removes its attendance list; deleting a person who attended is refused.
meeting_attendee = link_table(
    "platform_meeting_attendee", ("meeting_id", "platform_meeting"), ("person_id", "person")
)


class PlatformMeeting(Record):
    """A quarterly meeting of the platform."""

    __tablename__ = "platform_meeting"

    held_on: Mapped[date] = mapped_column(index=True)
    place: Mapped[str | None] = mapped_column(String(200))
    agenda: Mapped[str | None] = column(Text, label=_("Agenda"))
    minutes: Mapped[str | None] = column(Text, label=_("Minutes"))

    attendees: Mapped[list[Person]] = relationship(
        secondary=meeting_attendee,
        order_by="Person.last_name",
        info=labelled(_("Attendees")),
    )

    def __str__(self) -> str:
        return self.held_on.isoformat()
