"""The figures of the dashboard and the yearly report, one function per axis.

Every figure is computed by SQL aggregates (no loop over rows in Python), for a Period
(days start..end, both included, optionally one municipality). Each function takes the
database session, the period and `today` (ongoing things are counted up to today), and
returns a frozen dataclass. The definitions in the docstrings are the ones the dashboard
shows on hover and the tests check on crafted data.
"""

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
    TrainingFigures,
)
from .training import training
from .workshops import children

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
    "TrainingFigures",
    "agreements",
    "awareness",
    "children",
    "housing",
    "network",
    "training",
]
