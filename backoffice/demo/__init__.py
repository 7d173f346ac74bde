"""The demo network: fictional people, real public bodies, the figures of the seed summary.

The demo year is the calendar year before today, so the data always looks current. Every
figure the network reports for that year (17 referents, 32 platform members, four
meetings, the apartment occupied 7.5 months of 12, twelve workshops, ...) comes out of
these records exactly; tests hold them to it.
"""

from __future__ import annotations

from datetime import date

from sqlalchemy import func, select

from models import db
from models.network import Organisation

from . import agreements, awareness, children, housing, network, training

MARKER = "SAPV Secova"

# Tables whose rows are traces of use, not records: a database holding only these is empty.
TRACES = frozenset(
    {"audit_entry", "login_attempt", "user_session", "submitted_form", "kept_form", "data_version"}
)


def demo_year(today: date | None = None) -> int:
    """Return the year the demo figures describe: the one before `today`."""
    return (today or date.today()).year - 1


def holds_records() -> bool:
    """Tell whether any record or account is stored (traces of use do not count)."""
    for table in db.metadata.sorted_tables:
        if table.name not in TRACES:
            if db.session.scalar(select(func.count()).select_from(table)):
                return True
    return False


def is_loaded() -> bool:
    """Tell whether the demo network is what the database holds."""
    marker = select(Organisation.id).where(Organisation.short_name == MARKER)
    return db.session.scalar(marker) is not None


def load(today: date | None = None) -> bool:
    """Load the demo network once; return False when it is already there.

    The command line loads it only into an empty database (see `holds_records`).
    """
    if is_loaded():
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
