"""The schema comes only from the migrations, and the migrations describe the models."""

import os
import subprocess
import sys
from pathlib import Path

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext
from sqlalchemy import create_engine, inspect

from models import db
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
