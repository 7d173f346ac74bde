"""Backups: made while the database is in use, encrypted, verified, and restored row for row."""

from __future__ import annotations

import os
import stat
import tempfile
from datetime import date
from decimal import Decimal
from pathlib import Path

import pytest
from sqlalchemy import inspect, select, text

from backoffice.backup import archive
from models import db
from models.audit import AuditEntry
from models.housing import HousingStay
from models.network import Organisation
from tests import factories

KEY = "a-long-key-for-the-tests-only-0123456789"


@pytest.fixture
def folder(app, tmp_path, monkeypatch):
    """The backups folder, the key in the environment, messages in English."""
    monkeypatch.setenv("BACKUP_KEY", KEY)
    monkeypatch.setenv("LANG", "en_US.UTF-8")
    monkeypatch.setitem(app.config, "BACKUP_FOLDER", str(tmp_path / "backups"))
    return tmp_path / "backups"


@pytest.fixture
def flask(app):
    """Run `flask ...` as an operator would, with the test's own work saved first."""

    def run(*args: str):
        db.session.commit()
        db.session.close()  # an open transaction would hold locks the restore must take
        return app.test_cli_runner().invoke(args=list(args))

    return run


@pytest.fixture
def records():
    build_records()


def build_records():
    """A network with a sheltered household, a training and the audit log of their creation."""
    unit = factories.housing_unit(address="12 rue Cachée, Esneux")
    factories.housing_stay(unit, date(2025, 2, 1), date(2025, 3, 15), notes="Fled on 1 February")
    factories.housing_stay(unit, date(2025, 4, 1), adults=1, children=2)
    factories.referent()
    training = factories.training("Repérer les violences", audience="referents")
    factories.training_session(date(2025, 5, 6), training=training, hours=Decimal("3.5"))


def contents() -> dict[str, list[tuple]]:
    """Every row of every table, in primary-key order."""
    db.session.expire_all()
    return {
        table.name: [
            tuple(row) for row in db.session.execute(select(table).order_by(*table.primary_key))
        ]
        for table in db.metadata.sorted_tables
    }


def change_everything():
    """Edit, delete and add rows in several tables."""
    db.session.execute(text("UPDATE organisation SET name = 'Renamed'"))
    db.session.delete(db.session.scalars(select(HousingStay)).first())
    db.session.add(Organisation(name="Added after the backup", kind="association"))
    db.session.commit()


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def only_backup(folder: Path) -> Path:
    (path,) = folder.glob("*.backup")
    return path


def test_restore_gives_back_every_row_after_changes(folder, flask, records):
    before = contents()
    assert before["housing_stay"] and before["training_session"] and before["audit_entry"]

    created = flask("backup", "create")
    assert created.exit_code == 0, created.output
    backup = only_backup(folder)
    change_everything()
    assert contents() != before

    restored = flask("backup", "restore", str(backup), "--yes")

    assert restored.exit_code == 0, restored.output
    assert contents() == before
    assert "every count and checksum as in its manifest" in restored.output
    # What the restore replaced is kept, encrypted, and the output says where.
    (safety,) = folder.glob("*-before-restore.backup")
    assert str(safety) in restored.output
    assert archive.read_header(safety)[0].encrypted


def test_what_a_restore_replaced_can_be_restored_in_turn(folder, flask, records):
    assert flask("backup", "create").exit_code == 0
    change_everything()
    changed = contents()
    assert flask("backup", "restore", str(only_backup(folder)), "--yes").exit_code == 0
    (safety,) = folder.glob("*-before-restore.backup")

    undone = flask("backup", "restore", str(safety), "--yes")

    assert undone.exit_code == 0, undone.output
    assert contents() == changed


def test_verify_restores_into_a_scratch_database_and_finds_it_sound(folder, flask, records):
    assert flask("backup", "create").exit_code == 0
    before = contents()

    verified = flask("backup", "verify", str(only_backup(folder)))

    assert verified.exit_code == 0, verified.output
    assert "is sound" in verified.output
    assert contents() == before  # the database in use was not touched


def test_backup_files_and_folder_are_readable_by_their_owner_only(folder, flask, records):
    previous = os.umask(0)  # the most permissive umask must not matter
    try:
        assert flask("backup", "create").exit_code == 0
        assert flask("backup", "create", "--unencrypted").exit_code == 0
    finally:
        os.umask(previous)
    assert mode(folder) == 0o700
    files = list(folder.glob("*.backup"))
    assert len(files) == 2
    assert {mode(path) for path in files} == {0o600}


def test_an_encrypted_backup_cannot_be_read_without_the_key(folder, flask, records, monkeypatch):
    assert flask("backup", "create").exit_code == 0
    monkeypatch.delenv("BACKUP_KEY")

    verified = flask("backup", "verify", str(only_backup(folder)))
    restored = flask("backup", "restore", str(only_backup(folder)), "--yes")

    for result in (verified, restored):
        assert result.exit_code != 0
        assert "This backup is encrypted: set BACKUP_KEY" in result.output
    data = only_backup(folder).read_bytes()
    assert b"housing_stay" not in data  # not even the names of the tables


def test_no_key_and_no_unencrypted_refuses_and_writes_nothing(folder, flask, monkeypatch):
    monkeypatch.delenv("BACKUP_KEY")

    refused = flask("backup", "create")

    assert refused.exit_code != 0
    assert "BACKUP_KEY" in refused.output and "--unencrypted" in refused.output
    assert not folder.exists() or not any(folder.iterdir())


def test_short_key_is_refused(folder, flask, monkeypatch):
    monkeypatch.setenv("BACKUP_KEY", "short")

    refused = flask("backup", "create")

    assert refused.exit_code != 0
    assert "BACKUP_KEY is too short" in refused.output


def test_a_file_that_is_not_a_backup_is_refused(folder, flask, tmp_path):
    other = tmp_path / "notes.txt"
    other.write_text("not a backup")

    verified = flask("backup", "verify", str(other))

    assert verified.exit_code != 0
    assert "is not a backup of the backoffice" in verified.output


def test_tampered_file_is_refused(folder, flask, records):
    assert flask("backup", "create").exit_code == 0
    backup = only_backup(folder)
    data = bytearray(backup.read_bytes())
    data[-100] ^= 0x01
    backup.write_bytes(bytes(data))
    change_everything()
    after_change = contents()

    verified = flask("backup", "verify", str(backup))
    restored = flask("backup", "restore", str(backup), "--yes")

    for result in (verified, restored):
        assert result.exit_code != 0
        assert "damaged or was altered" in result.output
    assert contents() == after_change


def test_edited_header_is_refused(folder, flask, records):
    assert flask("backup", "create").exit_code == 0
    backup = only_backup(folder)
    backup.write_bytes(backup.read_bytes().replace(b'"revision": "', b'"revision": "0', 1))

    verified = flask("backup", "verify", str(backup))

    assert verified.exit_code != 0
    assert "damaged or was altered" in verified.output


def test_wrong_key_is_refused(folder, flask, records, monkeypatch):
    assert flask("backup", "create").exit_code == 0
    monkeypatch.setenv("BACKUP_KEY", "another-key-of-enough-length-9876543210")
    change_everything()
    after_change = contents()

    verified = flask("backup", "verify", str(only_backup(folder)))
    restored = flask("backup", "restore", str(only_backup(folder)), "--yes")

    for result in (verified, restored):
        assert result.exit_code != 0
        assert "Wrong key" in result.output
    assert contents() == after_change


def splice(manifest_of: Path, dump_of: Path, into: Path) -> None:
    """Write a backup with the manifest of one unencrypted file around the dump of another."""
    with tempfile.TemporaryDirectory() as first, tempfile.TemporaryDirectory() as second:
        manifest = archive.open_backup(manifest_of, None, Path(first)).manifest
        dump = archive.open_backup(dump_of, None, Path(second)).dump
        archive.write(into, manifest, dump, None)


def spliced_after(flask, folder: Path, change) -> Path:
    """A backup whose manifest is taken before `change` and its dump after it."""
    before, after, spliced = folder / "before.backup", folder / "after.backup", folder / "x.backup"
    assert flask("backup", "create", str(before), "--unencrypted").exit_code == 0
    change()
    db.session.commit()
    assert flask("backup", "create", str(after), "--unencrypted").exit_code == 0
    splice(before, after, spliced)
    return spliced


def test_verify_catches_a_row_missing_from_the_dump(folder, flask, records, tmp_path):
    stay = db.session.scalars(select(HousingStay)).first()
    spliced = spliced_after(flask, tmp_path, lambda: db.session.delete(stay))

    verified = flask("backup", "verify", str(spliced))

    assert verified.exit_code != 0
    assert "housing_stay: row count 1, the manifest says 2" in verified.output


def test_verify_catches_a_changed_value(folder, flask, records, tmp_path):
    one_more_adult = text("UPDATE housing_stay SET adults = adults + 1")
    spliced = spliced_after(flask, tmp_path, lambda: db.session.execute(one_more_adult))

    verified = flask("backup", "verify", str(spliced))

    assert verified.exit_code != 0
    assert "housing_stay: the rows differ from the manifest" in verified.output
    assert "organisation" not in verified.output  # the other tables match


def test_backup_of_another_schema_revision_is_refused(folder, flask, records):
    (head,) = db.session.execute(text("SELECT version_num FROM alembic_version")).scalars()
    db.session.execute(text("UPDATE alembic_version SET version_num = 'aaaaaaaaaaaa'"))
    try:
        assert flask("backup", "create").exit_code == 0
    finally:
        db.session.execute(text("UPDATE alembic_version SET version_num = :v"), {"v": head})
        db.session.commit()
    change_everything()
    after_change = contents()

    restored = flask("backup", "restore", str(only_backup(folder)), "--yes")

    assert restored.exit_code != 0
    assert f"schema revision aaaaaaaaaaaa; this version of the backoffice expects {head}" in (
        restored.output
    )
    assert contents() == after_change


def test_restore_without_yes_refuses_and_changes_nothing(folder, flask, records):
    assert flask("backup", "create").exit_code == 0
    change_everything()
    after_change = contents()

    refused = flask("backup", "restore", str(only_backup(folder)))

    assert refused.exit_code != 0
    assert "Nothing was changed" in refused.output and "--yes" in refused.output
    assert contents() == after_change
    assert len(list(folder.glob("*.backup"))) == 1  # not even the safety backup


def test_keep_prunes_all_but_the_newest_backups(folder, flask, records):
    for _ in range(3):
        assert flask("backup", "create", "--keep", "2").exit_code == 0

    assert len(list(folder.glob("*.backup"))) == 2


def test_list_shows_time_size_revision_and_encryption_without_the_key(
    folder, flask, records, monkeypatch
):
    assert flask("backup", "create").exit_code == 0
    assert flask("backup", "create", "--unencrypted").exit_code == 0
    monkeypatch.delenv("BACKUP_KEY")
    (head,) = db.session.execute(text("SELECT version_num FROM alembic_version")).scalars()

    listed = flask("backup", "list")

    assert listed.exit_code == 0
    heading, *lines = listed.output.splitlines()
    assert heading.split("\t") == [
        "file",
        "made (UTC)",
        "bytes",
        "database",
        "revision",
        "encryption",
    ]
    assert len(lines) == 2
    for line in lines:
        assert head in line and date.today().strftime("%Y-%m-%d") in line
    assert {line.split("\t")[-1] for line in lines} == {"encrypted", "unencrypted"}


def test_db_downgrade_without_yes_changes_nothing_and_says_why(folder, flask):
    (head,) = db.session.execute(text("SELECT version_num FROM alembic_version")).scalars()

    refused = flask("db", "downgrade")

    assert refused.exit_code != 0
    assert "--yes" in refused.output and "Nothing was changed" in refused.output
    (revision,) = db.session.execute(text("SELECT version_num FROM alembic_version")).scalars()
    assert revision == head
    assert db.session.scalars(select(AuditEntry)).all() == []  # the table is still there


def test_db_downgrade_with_yes_backs_up_first(folder, monkeypatch, tmp_path):
    """On a database of its own: the shared one must stay at the head revision."""
    from backoffice import create_app

    other = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "tests-only-secret",
            "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'own.sqlite3'}",
        }
    )
    monkeypatch.setitem(other.config, "BACKUP_FOLDER", str(folder))
    runner = other.test_cli_runner()
    # Its own app context: commands run in the current one, which is the shared database's.
    with other.app_context():
        try:
            assert runner.invoke(args=["db", "upgrade"]).exit_code == 0

            downgraded = runner.invoke(args=["db", "downgrade", "base", "--yes"])

            assert downgraded.exit_code == 0, downgraded.output
            (backup,) = folder.glob("*-before-downgrade.backup")
            assert str(backup) in downgraded.output
            assert archive.read_header(backup)[0].encrypted
            assert inspect(db.engine).get_table_names() == ["alembic_version"]
        finally:
            db.engine.dispose()


def test_restore_into_an_empty_database_gives_every_row(folder, monkeypatch, tmp_path):
    """From a database in use to a new DATABASE_URL without any table, as when moving servers."""
    from backoffice import create_app

    def app_on(name: str):
        return create_app(
            {
                "TESTING": True,
                "SECRET_KEY": "tests-only-secret",
                "SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / name}",
                "BACKUP_FOLDER": str(folder),
            }
        )

    source, empty = app_on("in-use.sqlite3"), app_on("empty.sqlite3")
    # Their own app contexts: commands run in the current one, which is the shared database's.
    with source.app_context():
        assert source.test_cli_runner().invoke(args=["db", "upgrade"]).exit_code == 0
        build_records()
        before = contents()
        assert source.test_cli_runner().invoke(args=["backup", "create"]).exit_code == 0
        db.session.remove()
        db.engine.dispose()
    with empty.app_context():
        assert inspect(db.engine).get_table_names() == []

        restored = empty.test_cli_runner().invoke(
            args=["backup", "restore", str(only_backup(folder)), "--yes"]
        )

        assert restored.exit_code == 0, restored.output
        assert "before-restore" not in restored.output  # nothing to keep from an empty database
        assert contents() == before
        db.session.remove()
        db.engine.dispose()
