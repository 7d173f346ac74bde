"""Create, verify and restore backups of the backoffice's database."""

from __future__ import annotations

import os
import sqlite3
import tempfile
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from datetime import UTC, datetime
from importlib import metadata
from pathlib import Path

from alembic.script import ScriptDirectory
from flask import current_app
from flask_babel import gettext
from sqlalchemy import inspect
from sqlalchemy.exc import SQLAlchemyError

from models import db

from . import archive, cipher, folder, postgres, sqlite
from .archive import Manifest, TableSummary
from .checksums import current_revision, table_summaries
from .errors import BackupError

KINDS = ("sqlite", "postgresql")


@dataclass(frozen=True)
class Outcome:
    """What a restore did: the manifest, the safety backup made first, any difference found."""

    manifest: Manifest
    safety_backup: Path | None
    differences: list[str]


def passphrase(unencrypted: bool) -> str | None:
    """Return BACKUP_KEY, None when --unencrypted was said, or refuse."""
    if unencrypted:
        return None
    key = os.environ.get("BACKUP_KEY")
    if not key:
        raise BackupError(
            gettext(
                "Backups are encrypted with the key in the environment variable BACKUP_KEY, "
                "which is not set. Set it, or say --unencrypted to write the data in clear."
            )
        )
    cipher.check_strength(key)
    return key


def create(path: Path | None, key: str | None, label: str = "") -> tuple[Path, Manifest]:
    """Back up the database into a new file; return the file and its manifest."""
    moment = datetime.now(UTC)
    target = folder.target_path(path, moment, label)
    with tempfile.TemporaryDirectory() as work:
        dump_file = Path(work) / "dump"
        manifest = _snapshot(dump_file, moment)
        archive.write(target, manifest, dump_file, key)
    return target, manifest


def verify(path: Path, key: str | None) -> tuple[Manifest, list[str]]:
    """Restore a backup into a scratch database; return its manifest and every difference."""
    with tempfile.TemporaryDirectory() as work:
        contents = archive.open_backup(path, key, Path(work))
        revision, tables = _describe_restored_copy(contents, Path(work))
    return contents.manifest, differences(contents.manifest, revision, tables)


def restore(path: Path, key: str | None, confirmed: bool, unencrypted: bool) -> Outcome:
    """Replace the database with a backup, after backing up what it replaces."""
    with tempfile.TemporaryDirectory() as work:
        contents = archive.open_backup(path, key, Path(work))
        manifest = contents.manifest
        _check_restorable(manifest)
        if not confirmed:
            raise BackupError(
                gettext(
                    "Restoring replaces every record of the database with those of the backup "
                    "made %(time)s. Nothing was changed: run the command again with --yes.",
                    time=manifest.created_at,
                )
            )
        safety = None
        if _has_tables():
            safety = create(None, passphrase(unencrypted), label="before-restore")[0]
        _replace_database(contents)
    db.engine.dispose()  # no pooled connection keeps a view of the replaced database
    with db.engine.connect() as connection:
        found = differences(manifest, current_revision(connection), table_summaries(connection))
    return Outcome(manifest, safety, found)


def expected_revision() -> str | None:
    """Return the schema revision this version of the code expects (the migrations' head)."""
    config = current_app.extensions["migrate"].migrate.get_config()
    return ScriptDirectory.from_config(config).get_current_head()


def differences(
    manifest: Manifest, revision: str | None, tables: dict[str, TableSummary]
) -> list[str]:
    """Return, one line each, how a restored database differs from the manifest."""
    found = []
    if revision != manifest.revision:
        found.append(
            gettext(
                "schema revision %(found)s, the manifest says %(expected)s",
                found=revision,
                expected=manifest.revision,
            )
        )
    for name in sorted(set(manifest.tables) | set(tables)):
        expected, actual = manifest.tables.get(name), tables.get(name)
        if expected is None:
            found.append(gettext("%(table)s: not in the manifest", table=name))
        elif actual is None:
            found.append(gettext("%(table)s: missing", table=name))
        elif actual.rows != expected.rows:
            found.append(
                gettext(
                    "%(table)s: row count %(found)d, the manifest says %(expected)d",
                    table=name,
                    found=actual.rows,
                    expected=expected.rows,
                )
            )
        elif actual.sha256 != expected.sha256:
            found.append(gettext("%(table)s: the rows differ from the manifest", table=name))
    return found


def _snapshot(dump_file: Path, moment: datetime) -> Manifest:
    engine, kind = db.engine, _kind()
    schema = None
    if kind == "sqlite":
        sqlite.dump(engine.url, dump_file)
        revision, tables = sqlite.describe(dump_file)
    else:
        schema, revision, tables = postgres.dump(engine, dump_file)
    return Manifest(
        created_at=moment.isoformat().replace("+00:00", "Z"),
        backoffice_version=_version(),
        database=kind,
        schema=schema,
        revision=revision,
        tables=tables,
    )


def _describe_restored_copy(contents: archive.Contents, work: Path):
    manifest = contents.manifest
    if manifest.database == "sqlite":
        scratch = work / "scratch.sqlite3"
        with _damaged_sqlite_refused():
            sqlite.check_integrity(contents.dump)
            sqlite.copy(contents.dump, scratch)
            return sqlite.describe(scratch)
    if _kind() != "postgresql":
        raise BackupError(
            gettext("Verifying a PostgreSQL backup needs DATABASE_URL to name a PostgreSQL server.")
        )
    return postgres.describe_in_scratch_database(contents.dump, db.engine, manifest.schema)


def _check_restorable(manifest: Manifest) -> None:
    expected = expected_revision()
    if manifest.revision != expected:
        raise BackupError(
            gettext(
                "This backup has schema revision %(found)s; this version of the backoffice "
                "expects %(expected)s. Nothing was changed.",
                found=manifest.revision,
                expected=expected,
            )
        )
    if manifest.database != _kind():
        raise BackupError(
            gettext(
                "This backup comes from a %(found)s database and DATABASE_URL names a "
                "%(current)s database. Nothing was changed.",
                found=manifest.database,
                current=_kind(),
            )
        )


def _replace_database(contents: archive.Contents) -> None:
    if contents.manifest.database == "sqlite":
        with _damaged_sqlite_refused():
            sqlite.check_integrity(contents.dump)
        sqlite.restore(contents.dump, db.engine.url)
    else:
        tables = set(contents.manifest.tables)
        postgres.restore(contents.dump, db.engine, contents.manifest.schema, tables)


@contextmanager
def _damaged_sqlite_refused() -> Iterator[None]:
    try:
        yield
    except (sqlite3.DatabaseError, SQLAlchemyError) as error:
        raise BackupError(
            gettext("The database in this backup is damaged: %(detail)s", detail=error)
        ) from None


def _has_tables() -> bool:
    if _kind() == "sqlite" and not sqlite.database_path(db.engine.url).exists():
        return False
    with db.engine.connect() as connection:
        return bool(inspect(connection).get_table_names())


def _kind() -> str:
    kind = db.engine.dialect.name
    if kind not in KINDS:
        raise BackupError(gettext("Backups support SQLite and PostgreSQL databases only."))
    return kind


def _version() -> str:
    try:
        return metadata.version("stoppvif-backoffice")
    except metadata.PackageNotFoundError:
        return "unknown"
