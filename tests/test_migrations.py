"""The schema comes only from the migrations, and the migrations describe the models."""

import pytest
from alembic.autogenerate import compare_metadata
from alembic.migration import MigrationContext

from models import db


def test_migrated_database_matches_the_models(app):
    with db.engine.connect() as connection:
        context = MigrationContext.configure(connection, opts={"compare_type": True})
        differences = compare_metadata(context, db.metadata)
    assert differences == []


def test_upgrade_command_builds_the_schema_on_an_empty_database(tmp_path, database):
    from backoffice import create_app

    if not database[0].startswith("sqlite"):
        pytest.skip("on PostgreSQL the run's own schema was built by the same migrations")
    fresh = create_app({"SQLALCHEMY_DATABASE_URI": f"sqlite:///{tmp_path / 'fresh.sqlite3'}",
                        "SECRET_KEY": "x"})
    result = fresh.test_cli_runner().invoke(args=["db", "upgrade"])
    assert result.exit_code == 0, result.output
    with fresh.app_context():
        assert "organisation" in db.inspect(db.engine).get_table_names()
