"""The domain model of the STOPP VIF backoffice: one module per area, no web code.

Importing this package registers every table on `db.metadata`, which Alembic and the
tests rely on.
"""

from . import (  # noqa: F401
    accounts,
    agreements,
    audit,
    awareness,
    changes,
    children,
    forms,
    housing,
    indexes,
    network,
    protocols,
    reports,
    training,
)
from .base import Base, db  # noqa: F401
