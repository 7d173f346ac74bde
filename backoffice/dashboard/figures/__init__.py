"""The figures of the dashboard and the yearly report, one function per axis.

Every figure is computed by SQL aggregates (no loop over rows in Python), for a Period
(days start..end, both included, optionally one municipality). Each function takes the
database session, the period and `today` (ongoing things are counted up to today), and
returns a frozen dataclass. The definitions in the docstrings are the ones the dashboard
shows on hover and the tests check on crafted data.
"""

from datetime import date

from sqlalchemy.orm import Session

from ..kept import kept_for_ended_periods
from ..period import Period
from .agreements import agreements
from .awareness import awareness
from .housing import housing
from .network import network
from .results import (
    AgreementFigures,
    AwarenessFigures,
    ChildrenFigures,
    ExpiringAgreement,
    HousingFigures,
    MonthlyAttendance,
    MonthlyOccupancy,
    NetworkFigures,
    Occupancy,
    PeriodFigures,
    TrainingFigures,
)
from .training import training
from .workshops import children

# Figures of ended periods are computed once until the records change (see kept).
network, training, housing, agreements, awareness, children = (
    kept_for_ended_periods(compute)
    for compute in (network, training, housing, agreements, awareness, children)
)

__all__ = [
    "AgreementFigures",
    "AwarenessFigures",
    "ChildrenFigures",
    "ExpiringAgreement",
    "HousingFigures",
    "MonthlyAttendance",
    "MonthlyOccupancy",
    "NetworkFigures",
    "Occupancy",
    "PeriodFigures",
    "TrainingFigures",
    "agreements",
    "awareness",
    "children",
    "housing",
    "network",
    "of_period",
    "training",
]


def of_period(session: Session, period: Period, today: date) -> PeriodFigures:
    """Compute every axis' figures of `period`."""
    return PeriodFigures(
        network=network(session, period, today),
        training=training(session, period, today),
        awareness=awareness(session, period, today),
        housing=housing(session, period, today),
        children=children(session, period, today),
        agreements=agreements(session, period, today),
    )
