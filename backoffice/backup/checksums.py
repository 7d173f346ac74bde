"""Row counts and checksums of every table, computed alike on SQLite and PostgreSQL.

A table's checksum is SHA-256 over one canonical JSON line per row, rows in primary-key
order, values normalised by type (dates in ISO form, aware times in UTC, decimals without
trailing zeros), so that the same rows give the same checksum whichever database holds them.
"""

from __future__ import annotations

import enum
import hashlib
import json
import uuid
from datetime import UTC, date, datetime, time
from decimal import Decimal
from typing import Any

from alembic.migration import MigrationContext
from sqlalchemy import Connection, MetaData, select

from .archive import TableSummary


def table_summaries(connection: Connection) -> dict[str, TableSummary]:
    """Return the row count and checksum of every table of the connection's schema."""
    metadata = MetaData()
    metadata.reflect(bind=connection)
    return {name: _summary(connection, table) for name, table in sorted(metadata.tables.items())}


def current_revision(connection: Connection) -> str | None:
    """Return the schema revision the database is at (None when it has none)."""
    return MigrationContext.configure(connection).get_current_revision()


def _summary(connection: Connection, table) -> TableSummary:
    order = list(table.primary_key.columns) or list(table.columns)
    digest, rows = hashlib.sha256(), 0
    result = connection.execution_options(yield_per=1000).execute(select(table).order_by(*order))
    for row in result:
        line = json.dumps([canonical(v) for v in row], ensure_ascii=False, separators=(",", ":"))
        digest.update(line.encode() + b"\n")
        rows += 1
    return TableSummary(rows=rows, sha256=digest.hexdigest())


def canonical(value: Any) -> Any:
    """Return a JSON value that stands for `value` the same way on every database."""
    if value is None or isinstance(value, bool | int | str):
        return value
    if isinstance(value, float):
        return repr(value)
    if isinstance(value, Decimal):
        return format(value.normalize(), "f")
    if isinstance(value, datetime):
        if value.tzinfo is not None:
            value = value.astimezone(UTC).replace(tzinfo=None)
        return value.isoformat()
    if isinstance(value, date | time):
        return value.isoformat()
    if isinstance(value, bytes | memoryview):
        return bytes(value).hex()
    if isinstance(value, dict | list):
        return json.dumps(value, sort_keys=True, ensure_ascii=False)
    if isinstance(value, enum.Enum):
        return canonical(value.value)
    if isinstance(value, uuid.UUID):
        return str(value)
    return str(value)
