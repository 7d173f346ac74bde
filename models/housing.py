"""Emergency housing: the units partners provide and the stays of households hidden there.

A stay describes a household hiding from its aggressor. Nothing here names a victim:
a stay carries a generated pseudonymous code, counts of persons and dates, no more.
"""

from __future__ import annotations

import enum
import secrets
from collections.abc import Iterable
from datetime import date, timedelta

from flask_babel import lazy_gettext as _
from sqlalchemy import (
    Date,
    Integer,
    String,
    Text,
    case,
    func,
    or_,
    select,
    text,
)
from sqlalchemy.dialects.postgresql import ExcludeConstraint
from sqlalchemy.ext.compiler import compiles
from sqlalchemy.orm import Mapped, Session, mapped_column, relationship
from sqlalchemy.sql.functions import FunctionElement

from .base import Record, check, column, labelled, not_before, not_negative, one_of, refers_to
from .network import Municipality, Organisation

# No 0/O, 1/I/L or U/V: a code read aloud on the phone or copied by hand stays exact.
CODE_ALPHABET = "23456789ABCDEFGHJKMNPQRSTWXYZ"
CODE_PREFIX = "M-"  # "ménage", the household
CODE_LENGTH = 6


def new_household_code() -> str:
    """Draw a fresh pseudonymous household code such as "M-7K3F9Q"."""
    return CODE_PREFIX + "".join(secrets.choice(CODE_ALPHABET) for _ in range(CODE_LENGTH))


# The rule that two stays of one unit never overlap, as both databases name it.
UNIT_FREE = "ex_housing_stay_entry_date_unit_free"


class HousingUnit(Record):
    """A dwelling a partner lends for emergency housing, during a window of availability."""

    __tablename__ = "housing_unit"
    __table_args__ = (
        check("capacity_positive", "capacity >= 1", field="capacity", rule="capacity"),
        # Enforced by triggers (see the migration): no stay of the unit may fall outside.
        {
            "info": {
                "trigger_rules": {
                    "ck_housing_unit_available_from_covers_stays": {
                        "field": "available_from",
                        "rule": "covers_stays",
                    },
                    "ck_housing_unit_available_until_covers_stays": {
                        "field": "available_until",
                        "rule": "covers_stays",
                    },
                }
            }
        },
    )

    label: Mapped[str] = column(String(120), unique=True, label=_("Name"))
    provider_id: Mapped[int] = refers_to("organisation")
    municipality_id: Mapped[int] = refers_to("municipality")
    capacity: Mapped[int] = column(default=1, label=_("Capacity (persons)"))
    available_from: Mapped[date] = column(label=_("Available from"))
    available_until: Mapped[date | None] = not_before("available_from", label=_("Available until"))
    # Where victims hide: shown to whoever manages the unit, never listed or exported;
    # "sensitive" masks the values in the audit log.
    address: Mapped[str | None] = mapped_column(String(300), info={"sensitive": True})
    notes: Mapped[str | None] = mapped_column(Text, info={"sensitive": True})

    provider: Mapped[Organisation] = relationship(info=labelled(_("Provided by")))
    municipality: Mapped[Municipality] = relationship()

    def __str__(self) -> str:
        return self.label

    # The unit is available every night from available_from to available_until, both
    # included; a stay occupies the nights from its entry to the night before its exit.
    def welcomes_entry(self, entry: date) -> bool:
        """Tell whether a household may enter on `entry`."""
        return self.available_from <= entry and (
            self.available_until is None or entry <= self.available_until
        )

    def welcomes_exit(self, exit_: date | None) -> bool:
        """Tell whether a household may leave on `exit_` (None: still housed)."""
        return exit_ is None or self.available_until is None or exit_ <= self.last_exit

    @property
    def last_exit(self) -> date | None:
        """The last day a household may leave: the day after the last available night."""
        return None if self.available_until is None else self.available_until + timedelta(days=1)


class ExitDestination(enum.StrEnum):
    OWN_HOUSING = "own_housing"
    FAMILY_OR_FRIENDS = "family_or_friends"
    OTHER_SHELTER = "other_shelter"
    SOCIAL_HOUSING = "social_housing"
    RETURN_HOME = "return_home"
    OTHER = "other"
    UNKNOWN = "unknown"


class HousingStay(Record):
    """A household's stay in a unit; the exit date stays empty while the stay goes on."""

    __tablename__ = "housing_stay"
    __table_args__ = (
        check("household_not_empty", "adults + children >= 1", field="adults", rule="household"),
        check(
            "destination_after_exit",
            "destination IS NULL OR exit_date IS NOT NULL",
            field="destination",
            rule="destination",
        ),
        # Two stays of one unit never share a night: a stay occupies [entry, exit), open
        # while ongoing. PostgreSQL enforces it with this constraint (a range of the unit
        # id stands in for btree_gist's integer equality, so no extension is needed);
        # SQLite with triggers raising the same name (see the migration).
        ExcludeConstraint(
            (text("int4range(unit_id, unit_id, '[]')"), "="),
            (text("daterange(entry_date, exit_date, '[)')"), "&&"),
            name=UNIT_FREE,
            using="gist",
            info={"field": "entry_date", "rule": "unit_free"},
        ).ddl_if(dialect="postgresql"),
        # Enforced by triggers on both databases (see the migration).
        {
            "info": {
                "trigger_rules": {
                    "ck_housing_stay_entry_date_within_availability": {
                        "field": "entry_date",
                        "rule": "availability",
                    },
                    "ck_housing_stay_exit_date_within_availability": {
                        "field": "exit_date",
                        "rule": "availability",
                    },
                }
            }
        },
    )

    unit_id: Mapped[int] = refers_to("housing_unit")
    household_code: Mapped[str] = column(
        String(12), unique=True, default=new_household_code, label=_("Household code")
    )
    referring_organisation_id: Mapped[int | None] = refers_to("organisation")
    entry_date: Mapped[date] = column(index=True, label=_("Entry date"))
    exit_date: Mapped[date | None] = not_before("entry_date", label=_("Exit date"))
    adults: Mapped[int] = not_negative(default=1, label=_("Adults"))
    children: Mapped[int] = not_negative(default=0, label=_("Children"))
    destination: Mapped[str | None] = one_of(ExitDestination, 30, label=_("Destination on exit"))
    notes: Mapped[str | None] = mapped_column(Text, info={"sensitive": True})

    unit: Mapped[HousingUnit] = relationship(info=labelled(_("Housing unit")))
    referring_organisation: Mapped[Organisation | None] = relationship(
        info=labelled(_("Referred by"))
    )

    def __str__(self) -> str:
        return self.household_code or ""


def overlapping_stay(
    session: Session,
    unit_id: int,
    entry_date: date,
    exit_date: date | None,
    excluding: int | None = None,
) -> HousingStay | None:
    """Return the first other stay of the unit whose nights meet [entry_date, exit_date).

    A household may enter on the day the previous one leaves.
    """
    query = select(HousingStay).where(
        HousingStay.unit_id == unit_id,
        or_(HousingStay.exit_date.is_(None), HousingStay.exit_date > entry_date),
    )
    if exit_date is not None:
        query = query.where(HousingStay.entry_date < exit_date)
    if excluding is not None:
        query = query.where(HousingStay.id != excluding)
    return session.scalars(query.order_by(HousingStay.entry_date).limit(1)).first()


def stay_outside(
    session: Session,
    unit_id: int,
    available_from: date | None = None,
    available_until: date | None = None,
) -> HousingStay | None:
    """Return the first stay of the unit that an availability from..until would leave out.

    A bound left None is not checked.
    """
    outside = []
    if available_from is not None:
        outside.append(HousingStay.entry_date < available_from)
    if available_until is not None:
        last_exit = available_until + timedelta(days=1)
        outside += [HousingStay.entry_date > available_until, HousingStay.exit_date > last_exit]
    if not outside:
        return None
    query = select(HousingStay).where(HousingStay.unit_id == unit_id, or_(*outside))
    return session.scalars(query.order_by(HousingStay.entry_date).limit(1)).first()


# --- nights: the figures of the occupancy rate --------------------------------------


class days_between(FunctionElement):
    """`end - start` in whole days, for date expressions (SQLite has no date subtraction)."""

    type = Integer()
    inherit_cache = True


@compiles(days_between)
def _days_between(element, compiler, **kw) -> str:
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"({end} - {start})"


@compiles(days_between, "sqlite")
def _days_between_sqlite(element, compiler, **kw) -> str:
    start, end = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(ROUND(julianday({end}) - julianday({start})) AS INTEGER)"


class month_after(FunctionElement):
    """The first day of the month after a date's month, in SQL (portable like days_between)."""

    type = Date()
    inherit_cache = True


@compiles(month_after)
def _month_after(element, compiler, **kw) -> str:
    (day,) = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"CAST(date_trunc('month', CAST({day} AS TIMESTAMP)) + INTERVAL '1 month' AS DATE)"


@compiles(month_after, "sqlite")
def _month_after_sqlite(element, compiler, **kw) -> str:
    (day,) = (compiler.process(clause, **kw) for clause in element.clauses)
    return f"date({day}, 'start of month', '+1 month')"


def later_of(a, b):
    """The later of two date expressions."""
    return case((a < b, b), else_=a)


def earlier_of(a, b):
    """The earlier of two date expressions."""
    return case((a > b, b), else_=a)


def occupied_nights(
    session: Session,
    start: date,
    end: date,
    unit_ids: Iterable[int] | None = None,
    *,
    today: date | None = None,
) -> int:
    """Count the occupied nights of the days start..end (both included).

    The night of day d is occupied by a stay when entry_date <= d < exit_date; a stay
    without exit date occupies every night up to and including today's.
    """
    if end < start:
        return 0
    after_end = end + timedelta(days=1)
    open_until = min(after_end, (today or date.today()) + timedelta(days=1))
    first = later_of(HousingStay.entry_date, start)
    until = earlier_of(func.coalesce(HousingStay.exit_date, open_until), after_end)
    query = select(func.coalesce(func.sum(days_between(first, until)), 0)).where(until > first)
    if unit_ids is not None:
        query = query.where(HousingStay.unit_id.in_(list(unit_ids)))
    return int(session.scalar(query))


def available_nights(
    session: Session, start: date, end: date, unit_ids: Iterable[int] | None = None
) -> int:
    """Count the nights of the days start..end (both included) on which units were available.

    A unit is available every night from available_from to available_until, both included;
    without an end it stays available.
    """
    if end < start:
        return 0
    first = later_of(HousingUnit.available_from, start)
    last = earlier_of(func.coalesce(HousingUnit.available_until, end), end)
    query = select(func.coalesce(func.sum(days_between(first, last) + 1), 0)).where(last >= first)
    if unit_ids is not None:
        query = query.where(HousingUnit.id.in_(list(unit_ids)))
    return int(session.scalar(query))
