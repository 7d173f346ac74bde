"""SQLite: copies through the online backup API, consistent while the backoffice writes."""

from __future__ import annotations

import sqlite3
from contextlib import closing
from pathlib import Path

from flask_babel import gettext
from sqlalchemy import create_engine, make_url
from sqlalchemy.pool import NullPool

from .archive import TableSummary
from .checksums import current_revision, table_summaries
from .errors import BackupError

BUSY_TIMEOUT_SECONDS = 30


def database_path(url: str) -> Path:
    """Return the file of a SQLite URL; refuse an in-memory database."""
    database = make_url(url).database
    if not database or database == ":memory:" or database.startswith("file:"):
        raise BackupError(gettext("Only a SQLite database in a file can be backed up."))
    return Path(database)


def dump(url: str, target: Path) -> None:
    """Copy the database into the new file `target`, as one consistent snapshot."""
    source = database_path(url)
    if not source.exists():
        raise BackupError(gettext("No database at %(path)s.", path=source))
    copy(source, target)


def restore(dump_file: Path, url: str) -> None:
    """Replace every page of the database with the dump's, in one transaction."""
    target = database_path(url)
    target.parent.mkdir(parents=True, exist_ok=True)
    copy(dump_file, target)


def copy(source: Path, target: Path) -> None:
    """Copy one SQLite database over another through the backup API."""
    with (
        closing(sqlite3.connect(source, timeout=BUSY_TIMEOUT_SECONDS)) as src,
        closing(sqlite3.connect(target, timeout=BUSY_TIMEOUT_SECONDS)) as dst,
    ):
        src.backup(dst)


def describe(dump_file: Path) -> tuple[str | None, dict[str, TableSummary]]:
    """Return the schema revision and the table summaries of a SQLite file."""
    engine = create_engine(f"sqlite:///{dump_file}", poolclass=NullPool)
    try:
        with engine.connect() as connection:
            return current_revision(connection), table_summaries(connection)
    finally:
        engine.dispose()


def check_integrity(dump_file: Path) -> None:
    """Refuse a SQLite file whose pages are not sound."""
    with closing(sqlite3.connect(dump_file)) as connection:
        result = connection.execute("PRAGMA integrity_check").fetchone()[0]
    if result != "ok":
        raise BackupError(
            gettext("The database in this backup is damaged: %(detail)s", detail=result)
        )
