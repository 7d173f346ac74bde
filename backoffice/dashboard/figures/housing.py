"""Emergency housing figures: nights occupied and available, month by month."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import (
    ColumnElement,
    Date,
    and_,
    case,
    func,
    literal,
    or_,
    select,
    true,
    union_all,
)
from sqlalchemy.orm import Session, aliased

from models.housing import HousingStay, HousingUnit, days_between, earlier_of, later_of

from ..period import Period
from .conditions import (
    of_municipality,
    ratio,
    within,
)
from .results import HousingFigures, MonthlyOccupancy

MONTH = ("first", "last", "stop")


def _months(period: Period):
    """The months of the period as rows: first day, last day, first day of the next month."""
    rows = []
    for month in period.months:
        following = (month + timedelta(days=32)).replace(day=1)
        days = (month, following - timedelta(days=1), following)
        rows.append(
            select(*(literal(day, Date).label(name) for day, name in zip(days, MONTH, strict=True)))
        )
    return union_all(*rows).subquery("months")


def _nights_by_month(
    session: Session, spans, period: Period, *, inclusive: bool
) -> dict[date, int]:
    """Sum by month the nights of spans (columns day_first, day_stop).

    A span covers the nights from day_first to day_stop, excluded (a stay's exit day) or
    included (a unit's last available day). Each span is joined with the few months it
    meets: the work grows with the spans, never with their nights.
    """
    # Materialized: the bounds of each span are computed once, not once per month.
    spans = spans.cte("spans").prefix_with("MATERIALIZED")
    month = _months(period)
    first = later_of(spans.c.day_first, month.c.first)
    if inclusive:
        meets = and_(spans.c.day_first <= month.c.last, spans.c.day_stop >= month.c.first)
        nights = days_between(first, earlier_of(spans.c.day_stop, month.c.last)) + 1
    else:
        meets = and_(spans.c.day_first < month.c.stop, spans.c.day_stop > month.c.first)
        nights = days_between(first, earlier_of(spans.c.day_stop, month.c.stop))
    rows = session.execute(
        select(month.c.first, func.sum(nights))
        .select_from(spans)
        .join(month, meets)
        .group_by(month.c.first)
    )
    return {first_day: int(total) for first_day, total in rows}


def _nights_in_period(period: Period, today: date):
    """A stay's first night in the period and the day after its last (see occupied_nights)."""
    first = later_of(HousingStay.entry_date, period.start)
    stop = earlier_of(
        func.coalesce(HousingStay.exit_date, today + timedelta(days=1)),
        period.end + timedelta(days=1),
    )
    return first, stop


def _meets(period: Period) -> ColumnElement[bool]:
    """Stays that may share a night with the period, as a range of the entry date index.

    A unit's stays never share a night: of those entering before the period, only each
    unit's last one (with a night) may reach into it, and no stay that entered before the
    earliest of those can.
    """
    before = aliased(HousingStay)
    last_before = (
        select(func.max(before.entry_date))
        .where(
            before.unit_id == HousingUnit.id,
            before.entry_date < period.start,
            or_(before.exit_date.is_(None), before.exit_date > before.entry_date),
        )
        .scalar_subquery()
    )
    earliest = select(func.min(last_before)).select_from(HousingUnit).scalar_subquery()
    return and_(
        HousingStay.entry_date <= period.end,
        HousingStay.entry_date >= func.coalesce(earliest, period.start),
        or_(HousingStay.exit_date.is_(None), HousingStay.exit_date > period.start),
    )


def _monthly_occupancy(session: Session, period: Period, today: date) -> list[MonthlyOccupancy]:
    """The nights occupied and available in each month (see models.housing), one query each."""
    entered, leaves = _nights_in_period(period, today)
    occupied = _nights_by_month(
        session,
        select(entered.label("day_first"), leaves.label("day_stop")).where(
            _meets(period), leaves > entered, _in_units(period)
        ),
        period,
        inclusive=False,
    )
    opens = later_of(HousingUnit.available_from, period.start)
    closes = earlier_of(func.coalesce(HousingUnit.available_until, period.end), period.end)
    available = _nights_by_month(
        session,
        select(opens.label("day_first"), closes.label("day_stop")).where(
            closes >= opens, of_municipality(HousingUnit.municipality_id, period)
        ),
        period,
        inclusive=True,
    )
    return [
        MonthlyOccupancy(month, occupied.get(month, 0), available.get(month, 0))
        for month in period.months
    ]


def _in_units(period: Period) -> ColumnElement[bool]:
    """Stays in the units of the period's municipality; all when none is chosen."""
    if period.municipality_id is None:
        return true()
    return HousingStay.unit_id.in_(
        select(HousingUnit.id).where(HousingUnit.municipality_id == period.municipality_id)
    )


def housing(session: Session, period: Period, today: date) -> HousingFigures:
    """Measure the occupancy of the emergency housing and count the households sheltered."""
    monthly = _monthly_occupancy(session, period, today)
    occupied = sum(month.nights_occupied for month in monthly)
    available = sum(month.nights_available for month in monthly)
    rate = ratio(occupied, available)
    in_units = _in_units(period)
    entered = within(HousingStay.entry_date, period)
    exited = within(HousingStay.exit_date, period)
    started, ended, average = session.execute(
        select(
            func.sum(case((entered, 1), else_=0)),
            func.sum(case((exited, 1), else_=0)),
            func.avg(case((exited, days_between(HousingStay.entry_date, HousingStay.exit_date)))),
        ).where(in_units, or_(entered, exited))
    ).one()
    first, stop = _nights_in_period(period, today)
    households, adults, children_ = session.execute(
        select(
            func.count(),
            func.coalesce(func.sum(HousingStay.adults), 0),
            func.coalesce(func.sum(HousingStay.children), 0),
        ).where(in_units, _meets(period), stop > first)
    ).one()
    destinations = session.execute(
        select(HousingStay.destination, func.count())
        .where(in_units, exited)
        .group_by(HousingStay.destination)
    ).all()
    return HousingFigures(
        nights_occupied=occupied,
        nights_available=available,
        occupancy_rate=rate,
        months_in_period=len(period.months),
        months_occupied=None if rate is None else rate * len(period.months),
        stays_started=started or 0,
        stays_ended=ended or 0,
        households=households,
        adults=int(adults),
        children=int(children_),
        average_stay_nights=None if average is None else float(average),
        destinations=sorted(
            ((code, count) for code, count in destinations),
            key=lambda row: (-row[1], row[0] is None, row[0] or ""),
        ),
        monthly=monthly,
    )
