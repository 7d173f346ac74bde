"""The schema comes only from the migrations, and the migrations describe the models."""

import os
import subprocess
import sys
import uuid
from pathlib import Path

import flask_migrate
import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect, select, text

from backoffice import create_app
from models import db
from models.awareness import CommunicationMaterial
from models.indexes import described_by_models

PROJECT = Path(__file__).resolve().parent.parent


def test_migrated_database_matches_the_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(
            connection, opts={"compare_type": True, "include_object": described_by_models}
        )
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def flask(*args: str, database_url: str) -> subprocess.CompletedProcess:
    env = {**os.environ, "DATABASE_URL": database_url, "SECRET_KEY": "tests-only"}
    return subprocess.run(
        [sys.executable, "-m", "flask", "--app", "wsgi", *args],
        cwd=PROJECT,
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )


def test_first_start_commands_build_the_schema_and_load_the_demo_once(tmp_path, database):
    if not database[0].startswith("sqlite"):
        pytest.skip("on PostgreSQL the run's own schema was built by the same migrations")
    url = f"sqlite:///{tmp_path / 'fresh.sqlite3'}"
    upgraded = flask("db", "upgrade", database_url=url)
    assert upgraded.returncode == 0, upgraded.stderr
    engine = create_engine(url)
    try:
        assert "organisation" in inspect(engine).get_table_names()
    finally:
        engine.dispose()  # an unclosed SQLite connection is a ResourceWarning on 3.13

    first = flask("demo", "load", database_url=url)
    assert first.returncode == 0, first.stderr
    assert "admin" in first.stdout and "partner" in first.stdout
    second = flask("demo", "load", database_url=url)
    assert second.returncode == 0
    assert "admin" not in second.stdout


# --- a migration keeps the data it moves ------------------------------------------------------
@pytest.fixture
def own_database(database, tmp_path):
    """Switch the test to an application on an empty database of its own.

    A SQLite file, or on PostgreSQL a schema of its own: migrations are run up and down
    there while the run's shared database stays at the head revision.
    """
    url, _options = database
    options, schema = {}, None
    if url.startswith("sqlite"):
        url = f"sqlite:///{tmp_path / 'own.sqlite3'}"
    else:
        schema = f"own_{uuid.uuid4().hex[:12]}"
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text(f'CREATE SCHEMA "{schema}"'))
        engine.dispose()
        options = {"connect_args": {"options": f"-csearch_path={schema}"}}
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "tests-only-secret",
            "SQLALCHEMY_DATABASE_URI": url,
            "SQLALCHEMY_ENGINE_OPTIONS": options,
        }
    )
    with app.app_context():
        try:
            yield
        finally:
            db.session.remove()
            db.engine.dispose()
    if schema:
        engine = create_engine(url)
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def rows(sql: str) -> list[tuple]:
    return [tuple(row) for row in db.session.execute(text(sql))]


MATERIAL_LANGUAGES_BEFORE = "f02402697a07"
MATERIAL_LANGUAGES_AFTER = "7d3e9b1c5a20"


def test_material_languages_move_to_a_table_and_back_without_loss(own_database):
    flask_migrate.upgrade(revision=MATERIAL_LANGUAGES_BEFORE)
    db.session.execute(
        text(
            "INSERT INTO communication_material (id, title, kind, languages, quantity, version) "
            "VALUES (1, 'Dépliant', 'flyer', 'fr,nl,de', 5000, 1),"
            " (2, 'Page web', 'web_page', NULL, NULL, 1), (3, 'Carte', 'card', 'en', 10, 2)"
        )
    )
    db.session.execute(
        text(
            "INSERT INTO awareness_action (id, title, occasion, held_on, version) "
            "VALUES (1, 'Stand', 'other', '2025-03-01', 1)"
        )
    )
    db.session.execute(text("INSERT INTO awareness_action_material VALUES (1, 1), (1, 3)"))
    db.session.commit()
    db.session.remove()

    flask_migrate.upgrade(revision=MATERIAL_LANGUAGES_AFTER)

    materials = db.session.scalars(select(CommunicationMaterial).order_by(CommunicationMaterial.id))
    assert [(m.title, m.languages, m.quantity, m.version) for m in materials] == [
        ("Dépliant", ["fr", "nl", "de"], 5000, 1),
        ("Page web", [], None, 1),
        ("Carte", ["en"], 10, 2),
    ]
    assert rows("SELECT action_id, material_id FROM awareness_action_material ORDER BY 2") == [
        (1, 1),
        (1, 3),
    ]
    db.session.remove()

    flask_migrate.downgrade(revision=MATERIAL_LANGUAGES_BEFORE)

    assert rows("SELECT id, languages FROM communication_material ORDER BY id") == [
        (1, "fr,nl,de"),
        (2, None),
        (3, "en"),
    ]
    assert rows("SELECT action_id, material_id FROM awareness_action_material ORDER BY 2") == [
        (1, 1),
        (1, 3),
    ]
    assert "communication_material_language" not in inspect(db.engine).get_table_names()
