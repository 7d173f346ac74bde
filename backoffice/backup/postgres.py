"""PostgreSQL: pg_dump in custom format and pg_restore, limited to the backoffice's schema.

The backoffice's schema is the one its connections use (`current_schema()`): `public` for
a plain database, or the schema a `search_path` option names. Only that schema is dumped.
The schema itself is not restored by pg_restore (its owner may be another role): restore
creates it when missing and replaces the objects in it.
"""

from __future__ import annotations

import os
import re
import secrets
import shutil
import subprocess
from pathlib import Path

from flask_babel import gettext
from sqlalchemy import Engine, create_engine, inspect, make_url, text
from sqlalchemy.exc import DBAPIError
from sqlalchemy.pool import NullPool

from .archive import TableSummary
from .checksums import current_revision, table_summaries
from .errors import BackupError

# TOC entries of the schema itself, which restore leaves to CREATE SCHEMA IF NOT EXISTS.
_SCHEMA_ENTRY = re.compile(r"^\d+; \d+ \d+ (SCHEMA|COMMENT) - (SCHEMA )?\S+")


def dump(engine: Engine, target: Path) -> tuple[str, str | None, dict[str, TableSummary]]:
    """Dump the backoffice's schema; return it with the revision and summaries of the dump.

    pg_dump reads the snapshot exported by the transaction that computes the summaries, so
    the counts and checksums describe exactly the rows in the dump, whatever is written meanwhile.
    """
    with engine.connect() as connection:
        connection = connection.execution_options(isolation_level="REPEATABLE READ")
        with connection.begin():
            snapshot = connection.scalar(text("SELECT pg_export_snapshot()"))
            schema = connection.scalar(text("SELECT current_schema()"))
            url, env = libpq(engine)
            command = [
                _tool("pg_dump"),
                "--format=custom",
                f"--snapshot={snapshot}",
                f"--schema={_quoted(schema)}",
                "--no-owner",
                "--no-privileges",
                f"--file={target}",
                f"--dbname={url}",
            ]
            process = subprocess.Popen(
                command, env=env, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, text=True
            )
            try:
                revision, tables = current_revision(connection), table_summaries(connection)
            finally:
                _, errors = process.communicate()
    if process.returncode:
        raise _failed("pg_dump", errors)
    return schema, revision, tables


def current_schema(engine: Engine) -> str:
    """Return the schema the backoffice's connections use."""
    with engine.connect() as connection:
        return connection.scalar(text("SELECT current_schema()"))


def restore(dump_file: Path, engine: Engine, schema: str, tables: set[str]) -> None:
    """Replace the objects of the backoffice's schema with the dump's, in one transaction."""
    in_use = current_schema(engine)
    if in_use != schema:
        raise BackupError(
            gettext(
                "This backup holds the schema %(file)s; the database uses the schema %(current)s.",
                file=schema,
                current=in_use,
            )
        )
    # Tables the file does not hold would keep rows (and foreign keys) of another state.
    with engine.begin() as connection:
        connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {_quoted(schema)}"))
        for extra in set(inspect(connection).get_table_names()) - tables:
            connection.execute(text(f"DROP TABLE {_quoted(schema)}.{_quoted(extra)} CASCADE"))
    _pg_restore(dump_file, engine, "--clean", "--if-exists", "--single-transaction")


def describe_in_scratch_database(
    dump_file: Path, engine: Engine, schema: str
) -> tuple[str | None, dict[str, TableSummary]]:
    """Restore the dump into a new scratch database, describe it, then drop that database."""
    url = make_url(engine.url)
    name = f"{url.database}_verify_{secrets.token_hex(4)}"[-63:]
    admin = engine.execution_options(isolation_level="AUTOCOMMIT")
    try:
        with admin.connect() as connection:
            connection.execute(text(f"CREATE DATABASE {_quoted(name)}"))
    except DBAPIError as error:
        raise BackupError(
            gettext(
                "Verifying needs a scratch database, and the database refused to create one "
                "(the role needs CREATEDB): %(detail)s",
                detail=str(error.orig).strip(),
            )
        ) from None
    scratch = create_engine(
        url.set(database=name),
        poolclass=NullPool,
        connect_args={"options": f"-csearch_path={_quoted(schema)}"},
    )
    try:
        with scratch.begin() as connection:
            connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {_quoted(schema)}"))
            _create_extensions(connection, _extensions(engine))
        _pg_restore(dump_file, scratch, "--single-transaction")
        with scratch.connect() as connection:
            return current_revision(connection), table_summaries(connection)
    finally:
        scratch.dispose()
        with admin.connect() as connection:
            connection.execute(text(f"DROP DATABASE IF EXISTS {_quoted(name)} WITH (FORCE)"))


def _extensions(engine: Engine) -> list[tuple[str, str]]:
    """The extensions of the database (pg_trgm behind the search indexes) and their schemas:
    a dump of one schema leaves them out, and its indexes need them."""
    query = text(
        "SELECT e.extname, n.nspname FROM pg_extension e "
        "JOIN pg_namespace n ON n.oid = e.extnamespace WHERE e.extname <> 'plpgsql'"
    )
    with engine.connect() as connection:
        return [tuple(row) for row in connection.execute(query)]


def _create_extensions(connection, extensions: list[tuple[str, str]]) -> None:
    for name, schema in extensions:
        connection.execute(text(f"CREATE SCHEMA IF NOT EXISTS {_quoted(schema)}"))
        connection.execute(
            text(f"CREATE EXTENSION IF NOT EXISTS {_quoted(name)} SCHEMA {_quoted(schema)}")
        )


def libpq(engine: Engine) -> tuple[str, dict[str, str]]:
    """Return a libpq URL for the client tools, and their environment carrying the password."""
    # The password goes through the environment: a command line is visible to every user.
    url = make_url(engine.url)
    env = dict(os.environ)
    if url.password:
        env["PGPASSWORD"] = str(url.password)
    plain = url.set(drivername="postgresql", password=None)
    return plain.render_as_string(hide_password=False), env


def _pg_restore(dump_file: Path, engine: Engine, *options: str) -> None:
    url, env = libpq(engine)
    pg_restore = _tool("pg_restore")
    listing = _run([pg_restore, "--list", str(dump_file)], env)
    toc = dump_file.with_suffix(".toc")
    toc.write_text(
        "".join(line for line in listing.splitlines(True) if not _SCHEMA_ENTRY.match(line))
    )
    _run(
        [
            pg_restore,
            *options,
            "--exit-on-error",
            "--no-owner",
            "--no-privileges",
            f"--use-list={toc}",
            f"--dbname={url}",
            str(dump_file),
        ],
        env,
    )


def _run(command: list[str], env: dict[str, str]) -> str:
    result = subprocess.run(command, env=env, capture_output=True, text=True)
    if result.returncode:
        raise _failed(Path(command[0]).name, result.stderr)
    return result.stdout


def _tool(name: str) -> str:
    path = shutil.which(name)
    if path is None:
        raise BackupError(
            gettext(
                "%(tool)s is missing: install the PostgreSQL client tools (Debian package "
                "postgresql-client), of the server's major version or newer.",
                tool=name,
            )
        )
    return path


def _failed(tool: str, errors: str) -> BackupError:
    return BackupError(gettext("%(tool)s failed: %(detail)s", tool=tool, detail=errors.strip()))


def _quoted(identifier: str) -> str:
    return '"' + identifier.replace('"', '""') + '"'
