"""The demo network: fictional people, real public bodies, the figures of the seed summary.

The demo year is the calendar year before today, so the data always looks current. Every
figure the network reports for that year (17 referents, 32 platform members, four
meetings, the apartment occupied 7.5 months of 12, twelve workshops, ...) comes out of
these records exactly; tests hold them to it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import select

from models import db
from models.network import Organisation

from . import agreements, awareness, children, housing, network, training

MARKER = "SAPV Secova"


def demo_year(today: date | None = None) -> int:
    """Return the year the demo figures describe: the one before `today`."""
    return (today or date.today()).year - 1


def load(today: date | None = None) -> bool:
    """Load the demo network once; return False when it is already there."""
    if db.session.scalar(select(Organisation).where(Organisation.short_name == MARKER)):
        return False
    year = demo_year(today)
    net = network.load(year)
    agreements.load(year, net)
    housing.load(year, net)
    children.load(year, net)
    training.load(year, net)
    awareness.load(year, net)
    db.session.commit()
    return True
