"""Children and youth figures: the workshops held against their rule."""

from __future__ import annotations

from datetime import date

from sqlalchemy import extract, func, select
from sqlalchemy.orm import Session

from models.children import Workshop, WorkshopSession

from ..period import Period
from .conditions import of_municipality, overlaps, ratio, within
from .results import ChildrenFigures, MonthlyAttendance


def children(session: Session, period: Period, today: date) -> ChildrenFigures:
    """Count the workshop sessions planned and held, and the children and parents present."""
    in_municipality = of_municipality(Workshop.municipality_id, period)
    year = extract("year", WorkshopSession.held_on)
    month = extract("month", WorkshopSession.held_on)
    rows = session.execute(
        select(
            year,
            month,
            func.count(),
            func.coalesce(func.sum(WorkshopSession.children_present), 0),
            func.coalesce(func.sum(WorkshopSession.parents_present), 0),
        )
        .join(Workshop, Workshop.id == WorkshopSession.workshop_id)
        .where(within(WorkshopSession.held_on, period), in_municipality)
        .group_by(year, month)
    )
    held_in = {
        date(int(y), int(m), 1): MonthlyAttendance(date(int(y), int(m), 1), n, int(c), int(p))
        for y, m, n, c, p in rows
    }
    monthly = [held_in.get(month, MonthlyAttendance(month, 0, 0, 0)) for month in period.months]
    held = sum(month.sessions for month in monthly)
    present = sum(month.children for month in monthly)
    parents = sum(month.parents for month in monthly)
    # A handful of workshops: each one's rule is read for the days it was held in the period.
    workshops = session.scalars(
        select(Workshop).where(
            overlaps(Workshop.starts_on, Workshop.ends_on, period), in_municipality
        )
    )
    planned = sum(len(w.meeting_days(period.start, period.end)) for w in workshops)
    return ChildrenFigures(
        sessions_held=held,
        sessions_planned=planned,
        children_present=present,
        parents_present=parents,
        children_per_session=ratio(present, held),
        parents_per_session=ratio(parents, held),
        monthly=monthly,
    )
