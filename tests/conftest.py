"""Fixtures: one migrated database per test run, emptied after every test.

Set TEST_DATABASE_URL to run against PostgreSQL: the run gets a schema of its own,
dropped at the end, so parallel runs and other data in the database are left alone.
"""

from __future__ import annotations

import os
import uuid

import flask_migrate
import pytest
from sqlalchemy import create_engine, text

from backoffice import create_app
from backoffice.config import normalise_database_url
from models import db


@pytest.fixture(scope="session")
def database(tmp_path_factory):
    """Yield (url, engine options) of an empty database for this test run."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}", {}
        return
    url = normalise_database_url(url)
    schema = f"test_{uuid.uuid4().hex[:12]}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield url, {"connect_args": {"options": f"-csearch_path={schema}"}}
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


@pytest.fixture(scope="session")
def app(database):
    url, engine_options = database
    app = create_app(
        {
            "TESTING": True,
            "SECRET_KEY": "tests-only-secret",
            "SQLALCHEMY_DATABASE_URI": url,
            "SQLALCHEMY_ENGINE_OPTIONS": engine_options,
            "WTF_CSRF_ENABLED": False,
        }
    )
    with app.app_context():
        flask_migrate.upgrade()  # the schema comes from the migrations, as in production
    yield app
    with app.app_context():
        db.engine.dispose()


@pytest.fixture(autouse=True)
def _app_context(app):
    """Run each test inside an app context and leave every table empty afterwards."""
    with app.app_context():
        yield
        db.session.rollback()
        for table in reversed(db.metadata.sorted_tables):
            db.session.execute(table.delete())
        db.session.commit()
        db.session.remove()


@pytest.fixture
def client(app):
    return app.test_client()
