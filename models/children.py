"""Support groups for children and young people: the "La cabane" workshops and their sessions.

Only counts are kept: no child's (or parent's) name is ever stored.
"""

from __future__ import annotations

from calendar import monthrange
from datetime import date, time, timedelta

from flask_babel import lazy_gettext as _
from sqlalchemy import String, Text, UniqueConstraint, text
from sqlalchemy.orm import Mapped, mapped_column, relationship, validates

from .base import (
    Record,
    among,
    check,
    column,
    labelled,
    link_table,
    not_before,
    not_negative,
    refers_to,
)
from .network import Municipality, Organisation

OLDEST_AGE = 18  # the groups are for minors

WEEKDAYS = range(7)  # date.weekday(): 0 Monday .. 6 Sunday
WEDNESDAY = 2
LAST_WEEK = -1  # "the last Wednesday of the month"
WEEKS_OF_THE_MONTH = (1, 2, 3, 4, LAST_WEEK)


def meeting_day(year: int, month: int, weekday: int, week_of_month: int) -> date:
    """The day of a month a rule names: its first (1) to fourth (4) or last (-1) weekday."""
    if week_of_month == LAST_WEEK:
        last = date(year, month, monthrange(year, month)[1])
        return last - timedelta(days=(last.weekday() - weekday) % 7)
    first = date(year, month, 1)
    return first + timedelta(days=(weekday - first.weekday()) % 7 + 7 * (week_of_month - 1))


def first_wednesdays(year: int) -> list[date]:
    """Return the first Wednesday of each month of `year`."""
    return [meeting_day(year, month, WEDNESDAY, 1) for month in range(1, 13)]


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
        check(
            "ends_at_after_starts_at",
            "ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at",
            field="ends_at",
            rule="order",
        ),
    )

    name: Mapped[str] = mapped_column(String(200), unique=True)
    min_age: Mapped[int] = not_negative(default=5, server_default=text("5"), label=_("Minimum age"))
    max_age: Mapped[int] = column(default=10, server_default=text("10"), label=_("Maximum age"))
    # The rule the sessions follow: the first (1) to fourth (4) or last (-1) `weekday`
    # (0 Monday .. 6 Sunday) of every month, from starts_at to ends_at. The report writes it
    # in each language from these fields; `schedule` holds what users typed beside it.
    week_of_month: Mapped[int] = among(
        WEEKS_OF_THE_MONTH, default=1, server_default=text("1"), label=_("Week of the month")
    )
    weekday: Mapped[int] = among(
        WEEKDAYS, default=WEDNESDAY, server_default=text("2"), label=_("Day of the week")
    )
    starts_at: Mapped[time | None] = column(label=_("From (time)"))
    ends_at: Mapped[time | None] = column(label=_("Until (time)"))
    schedule: Mapped[str | None] = column(String(200), label=_("Notes on the schedule"))
    place: Mapped[str | None] = mapped_column(String(200))
    municipality_id: Mapped[int | None] = refers_to("municipality")
    parents_reception: Mapped[bool] = column(
        default=False, server_default=text("false"), label=_("Parents' reception")
    )
    active: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    # Held from starts_on until ends_on (included): the sessions planned in a period read these.
    starts_on: Mapped[date] = column(default=date.today, label=_("Held from"))
    ends_on: Mapped[date | None] = not_before("starts_on", label=_("Held until"))

    municipality: Mapped[Municipality | None] = relationship()
    facilitators: Mapped[list[Organisation]] = relationship(
        secondary=workshop_facilitator,
        order_by="Organisation.name",
        info=labelled(_("Facilitating organisations")),
    )
    # The database refuses to delete a workshop that has sessions: never orphan them.
    sessions: Mapped[list[WorkshopSession]] = relationship(
        back_populates="workshop", order_by="WorkshopSession.held_on", passive_deletes="all"
    )

    @validates("starts_on")
    def _starts_the_day_recorded(self, _key: str, starts_on: date | None) -> date:
        """A workshop recorded without its first day starts the day it is recorded."""
        return starts_on or date.today()

    def meeting_days(self, first: date, last: date) -> list[date]:
        """The days the rule plans sessions between two days, both included."""
        first, last = max(first, self.starts_on), min(last, self.ends_on or last)
        return [
            day
            for year in range(first.year, last.year + 1)
            for month in range(1, 13)
            if first <= (day := meeting_day(year, month, self.weekday, self.week_of_month)) <= last
        ]

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
    children_present: Mapped[int] = not_negative(
        default=0, server_default=text("0"), label=_("Children present")
    )
    parents_present: Mapped[int] = not_negative(
        default=0, server_default=text("0"), label=_("Parents present")
    )
    notes: Mapped[str | None] = mapped_column(Text)

    workshop: Mapped[Workshop] = relationship(
        back_populates="sessions", info=labelled(_("Workshop"))
    )

    def __str__(self) -> str:
        return f"{self.workshop} – {self.held_on.isoformat()}"
