"""Support groups for children and young people: the "La cabane" workshops and their sessions.

Only counts are kept: no child's (or parent's) name is ever stored.
"""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, check, link_table, not_negative, refers_to
from .network import Municipality, Organisation

OLDEST_AGE = 18  # the groups are for minors

WEDNESDAY = 2  # date.weekday()


def first_wednesdays(year: int) -> list[date]:
    """Return the first Wednesday of each month of `year`."""
    wednesdays = []
    for month in range(1, 13):
        first = date(year, month, 1)
        wednesdays.append(first + timedelta(days=(WEDNESDAY - first.weekday()) % 7))
    return wednesdays


# Deleting a workshop removes its list of facilitators; deleting an organisation that
# facilitates a workshop is refused.
workshop_facilitator = link_table(
    "workshop_facilitator", ("workshop_id", "workshop"), ("organisation_id", "organisation")
)


class Workshop(Record):
    """A recurring support group for children who are victims or witnesses, e.g. "La cabane"."""

    __tablename__ = "workshop"
    __table_args__ = (
        check("max_age_not_below_min_age", "max_age >= min_age", field="max_age", rule="age_range"),
        check("max_age_of_a_minor", f"max_age <= {OLDEST_AGE}", field="max_age", rule="minor"),
    )

    name: Mapped[str] = mapped_column(String(200), unique=True)
    min_age: Mapped[int] = not_negative(default=5, server_default=text("5"))
    max_age: Mapped[int] = mapped_column(default=10, server_default=text("10"))
    schedule: Mapped[str | None] = mapped_column(String(200))
    place: Mapped[str | None] = mapped_column(String(200))
    municipality_id: Mapped[int | None] = refers_to("municipality")
    parents_reception: Mapped[bool] = mapped_column(default=False, server_default=text("false"))
    active: Mapped[bool] = mapped_column(default=True, server_default=text("true"))

    municipality: Mapped[Municipality | None] = relationship()
    facilitators: Mapped[list[Organisation]] = relationship(
        secondary=workshop_facilitator, order_by="Organisation.name"
    )
    # The database refuses to delete a workshop that has sessions: never orphan them.
    sessions: Mapped[list[WorkshopSession]] = relationship(
        back_populates="workshop", order_by="WorkshopSession.held_on", passive_deletes="all"
    )

    @property
    def age_range(self) -> str:
        return f"{self.min_age}–{self.max_age}"

    def __str__(self) -> str:
        return self.name


class WorkshopSession(Record):
    """One session of a workshop: how many children and parents came, never who."""

    __tablename__ = "workshop_session"
    # held_on first: a second session on the same day is reported next to the date.
    __table_args__ = (UniqueConstraint("held_on", "workshop_id"),)

    workshop_id: Mapped[int] = refers_to("workshop", index=False)
    held_on: Mapped[date] = mapped_column(index=True)
    children_present: Mapped[int] = not_negative(default=0, server_default=text("0"))
    parents_present: Mapped[int] = not_negative(default=0, server_default=text("0"))
    notes: Mapped[str | None] = mapped_column(Text)

    workshop: Mapped[Workshop] = relationship(back_populates="sessions")

    def __str__(self) -> str:
        return f"{self.workshop} – {self.held_on.isoformat()}"
