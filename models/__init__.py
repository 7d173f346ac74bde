"""The domain model of the STOPP VIF backoffice: one module per area, no web code.

Importing this package registers every table on `db.metadata`, which Alembic and the
tests rely on.
"""

from . import agreements, awareness, children, housing, network, protocols, training  # noqa: F401
from .base import Base, db  # noqa: F401
