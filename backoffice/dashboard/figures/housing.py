"""Emergency housing figures: nights occupied and available, month by month."""

from __future__ import annotations

from datetime import date, timedelta

from sqlalchemy import (
    ColumnElement,
    case,
    extract,
    func,
    or_,
    select,
    true,
)
from sqlalchemy.orm import Session

from models.housing import HousingStay, HousingUnit, days_between, earlier_of, later_of, month_after

from ..period import Period
from .conditions import (
    of_municipality,
    ratio,
    within,
)
from .results import HousingFigures, MonthlyOccupancy


def _nights_by_month(session: Session, spans, *, inclusive: bool) -> dict[date, int]:
    """Sum by month the nights of spans (columns day_first, day_stop), cut at each month start.

    A span covers the nights from day_first to day_stop, excluded (a stay's exit day) or
    included (a unit's last available day). Cutting row by row keeps the work linear in
    the spans, whatever the period's length.
    """
    pieces = spans.cte("pieces", recursive=True)
    next_month = month_after(pieces.c.day_first)
    goes_on = next_month <= pieces.c.day_stop if inclusive else next_month < pieces.c.day_stop
    pieces = pieces.union_all(select(next_month, pieces.c.day_stop).where(goes_on))
    next_month = month_after(pieces.c.day_first)
    goes_on = next_month <= pieces.c.day_stop if inclusive else next_month < pieces.c.day_stop
    to_stop = days_between(pieces.c.day_first, pieces.c.day_stop) + (1 if inclusive else 0)
    nights = case((goes_on, days_between(pieces.c.day_first, next_month)), else_=to_stop)
    year, month = extract("year", pieces.c.day_first), extract("month", pieces.c.day_first)
    rows = session.execute(select(year, month, func.sum(nights)).group_by(year, month))
    return {date(int(y), int(m), 1): int(n) for y, m, n in rows}


def _nights_in_period(period: Period, today: date):
    """A stay's first night in the period and the day after its last (see occupied_nights)."""
    first = later_of(HousingStay.entry_date, period.start)
    stop = earlier_of(
        func.coalesce(HousingStay.exit_date, today + timedelta(days=1)),
        period.end + timedelta(days=1),
    )
    return first, stop


def _monthly_occupancy(session: Session, period: Period, today: date) -> list[MonthlyOccupancy]:
    """The nights occupied and available in each month (see models.housing), one query each."""
    entered, leaves = _nights_in_period(period, today)
    occupied = _nights_by_month(
        session,
        select(entered.label("day_first"), leaves.label("day_stop")).where(
            HousingStay.entry_date <= period.end, leaves > entered, _in_units(period)
        ),
        inclusive=False,
    )
    opens = later_of(HousingUnit.available_from, period.start)
    closes = earlier_of(func.coalesce(HousingUnit.available_until, period.end), period.end)
    available = _nights_by_month(
        session,
        select(opens.label("day_first"), closes.label("day_stop")).where(
            closes >= opens, of_municipality(HousingUnit.municipality_id, period)
        ),
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
        ).where(in_units, stop > first)
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
