"""`flask backup ...` and the guarded `flask db downgrade`. Bodies call service functions."""

from __future__ import annotations

import os
from pathlib import Path

import click
import flask_migrate
from flask import Flask, g
from flask.cli import AppGroup, with_appcontext
from flask_babel import gettext
from flask_migrate.cli import db as db_group

from . import folder, service
from .errors import BackupError

backup = AppGroup("backup", help="Encrypted backups of the database.")

UNENCRYPTED_HELP = "Write the backup without encryption when BACKUP_KEY is not set."
PATH_TYPE = click.Path(path_type=Path)


@backup.command("create")
@click.argument("path", required=False, type=PATH_TYPE)
@click.option("--keep", type=click.IntRange(min=1), help="Then keep only the N newest backups.")
@click.option("--unencrypted", is_flag=True, help=UNENCRYPTED_HELP)
def create(path: Path | None, keep: int | None, unencrypted: bool) -> None:
    """Back up the database to PATH (default: a new file in instance/backups/)."""
    try:
        target, manifest = service.create(path, service.passphrase(unencrypted))
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    rows = sum(t.rows for t in manifest.tables.values())
    click.echo(
        gettext(
            "Backup written to %(path)s (tables: %(tables)d, rows: %(rows)d, revision "
            "%(revision)s).",
            path=target,
            tables=len(manifest.tables),
            rows=rows,
            revision=manifest.revision,
        )
    )
    if keep:
        for old in folder.prune(target.parent, keep):
            click.echo(gettext("Old backup deleted: %(path)s", path=old))


@backup.command("verify")
@click.argument("path", type=PATH_TYPE)
def verify(path: Path) -> None:
    """Restore PATH into a scratch database and compare every table with its manifest."""
    try:
        manifest, differences = service.verify(path, os.environ.get("BACKUP_KEY"))
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    if differences:
        raise click.ClickException(
            gettext("%(path)s does not match its manifest:", path=path)
            + "\n  "
            + "\n  ".join(differences)
        )
    rows = sum(t.rows for t in manifest.tables.values())
    click.echo(
        gettext(
            "%(path)s is sound: restored into a scratch database (tables: %(tables)d, rows: "
            "%(rows)d), every count and checksum as in its manifest. Made %(time)s, revision "
            "%(revision)s.",
            path=path,
            time=manifest.created_at,
            revision=manifest.revision,
            tables=len(manifest.tables),
            rows=rows,
        )
    )


@backup.command("restore")
@click.argument("path", type=PATH_TYPE)
@click.option("--yes", is_flag=True, help="Confirm: the database is replaced.")
@click.option("--unencrypted", is_flag=True, help=UNENCRYPTED_HELP)
def restore(path: Path, yes: bool, unencrypted: bool) -> None:
    """Replace the database with the backup PATH, after backing up the current one."""
    try:
        outcome = service.restore(path, os.environ.get("BACKUP_KEY"), yes, unencrypted)
    except BackupError as error:
        raise click.ClickException(str(error)) from None
    if outcome.safety_backup:
        click.echo(
            gettext("The database as it was is backed up in %(path)s.", path=outcome.safety_backup)
        )
    if outcome.differences:
        raise click.ClickException(
            gettext("The restored database differs from the backup:")
            + "\n  "
            + "\n  ".join(outcome.differences)
        )
    rows = sum(t.rows for t in outcome.manifest.tables.values())
    click.echo(
        gettext(
            "Restored the backup made %(time)s (tables: %(tables)d, rows: %(rows)d), every "
            "count and checksum as in its manifest.",
            time=outcome.manifest.created_at,
            tables=len(outcome.manifest.tables),
            rows=rows,
        )
    )


@backup.command("list")
def list_backups() -> None:
    """List the backups of the backups folder, newest first (readable without the key)."""
    where = folder.backups_folder()
    entries = folder.entries(where)
    if not entries:
        click.echo(gettext("No backups in %(folder)s.", folder=where))
        return
    columns = (gettext("file"), gettext("made (UTC)"), gettext("bytes"), gettext("database"))
    click.echo("\t".join((*columns, gettext("revision"), gettext("encryption"))))
    for entry in entries:
        click.echo("\t".join((entry.path.name, *_described(entry))))


def _described(entry: folder.Entry) -> tuple[str, ...]:
    size = str(entry.size)
    if entry.header is None:
        return ("", size, "", "", gettext("not a backup"))
    header = entry.header
    state = gettext("encrypted") if header.encrypted else gettext("unencrypted")
    return (header.created_at, size, header.database, str(header.revision), state)


@click.command("downgrade")
@click.option("-d", "--directory", default=None, help="Migration script directory.")
@click.option("--sql", is_flag=True, help="Print the SQL instead of running it.")
@click.option("--tag", default=None, help='Arbitrary "tag" name for custom env.py scripts.')
@click.option("-x", "--x-arg", multiple=True, help="Arguments for custom env.py scripts.")
@click.option("--yes", is_flag=True, help="Confirm: tables and their rows may be dropped.")
@click.option("--unencrypted", is_flag=True, help=UNENCRYPTED_HELP)
@click.argument("revision", default="-1")
@with_appcontext
def downgrade(directory, sql, tag, x_arg, yes, unencrypted, revision) -> None:
    """Revert to a previous schema revision, after a backup (asks for --yes)."""
    if not sql:  # --sql only prints the statements
        if not yes:
            raise click.ClickException(
                gettext(
                    "A downgrade can drop tables and every row in them. Nothing was changed: "
                    "run the command again with --yes, and a backup is made first."
                )
            )
        try:
            target, _ = service.create(None, service.passphrase(unencrypted), "before-downgrade")
        except BackupError as error:
            raise click.ClickException(str(error)) from None
        click.echo(gettext("Backup written to %(path)s before the downgrade.", path=target))
    flask_migrate.downgrade(directory or g.directory, revision, sql, tag, x_arg or g.x_arg)


def init_app(app: Flask) -> None:
    """Add `flask backup` and put the guarded downgrade in place of Flask-Migrate's."""
    app.cli.add_command(backup)
    db_group.add_command(downgrade)
