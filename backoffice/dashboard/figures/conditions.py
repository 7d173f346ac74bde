"""SQL conditions and expressions the axes share."""

from __future__ import annotations

from datetime import date

from sqlalchemy import ColumnElement, and_, func, or_, select, true
from sqlalchemy.orm import Session

from models.network import Municipality

from ..period import Period

# --- shared conditions ---------------------------------------------------------------


def active_on(starts, ends, day: date) -> ColumnElement[bool]:
    """Rows whose span starts..ends (ends inclusive, None while open) covers `day`."""
    return and_(starts <= day, or_(ends.is_(None), ends >= day))


def overlaps(starts, ends, period: Period) -> ColumnElement[bool]:
    """Rows whose span starts..ends (ends inclusive, None while open) meets the period."""
    return and_(starts <= period.end, or_(ends.is_(None), ends >= period.start))


def within(column, period: Period) -> ColumnElement[bool]:
    """Rows whose `column` falls within the period, both ends included."""
    return column.between(period.start, period.end)


def of_municipality(column, period: Period, *, or_regional: bool = False) -> ColumnElement[bool]:
    """Match the period's municipality (and no municipality if asked); all when none is chosen."""
    if period.municipality_id is None:
        return true()
    if or_regional:
        return or_(column == period.municipality_id, column.is_(None))
    return column == period.municipality_id


def by_municipality(session: Session, period: Period, model, on) -> list[tuple[str, int]]:
    """(name, count of the `model` rows joined `on` it) for every municipality, by name."""
    query = (
        select(Municipality.name, func.count(model.id))
        .outerjoin(model, on)
        .where(of_municipality(Municipality.id, period))
        .group_by(Municipality.id, Municipality.name)
        .order_by(Municipality.name)
    )
    return [(name, count) for name, count in session.execute(query)]


def ratio(part, whole) -> float | None:
    """part / whole as a float, None when either is missing or the whole is zero."""
    return float(part) / whole if part is not None and whole else None


EXPIRY_NOTICE_DAYS = 90
