"""Fixtures: one migrated database per test run, emptied after every test.

Fixtures only: what tests import lives in `tests/helpers.py` (and builders in
`tests/factories.py`).

Set TEST_DATABASE_URL to run against PostgreSQL: the run gets a schema of its own,
dropped at the end, so parallel runs and other data in the database are left alone.
"""

from __future__ import annotations

import os

import flask_migrate
import pytest
from sqlalchemy import select

from backoffice import create_app, demo
from backoffice.config import normalise_database_url
from benchmarks.serving import in_schema, schema_of_its_own
from models import db
from models.network import Organisation
from tests.helpers import FreshContextClient, login, make_user


@pytest.fixture(scope="session")
def database(tmp_path_factory):
    """Yield (url, engine options) of an empty database for this test run."""
    url = os.environ.get("TEST_DATABASE_URL")
    if not url:
        yield f"sqlite:///{tmp_path_factory.mktemp('db') / 'test.sqlite3'}", {}
        return
    url = normalise_database_url(url)
    with schema_of_its_own(url, "test") as schema:
        yield url, in_schema(schema)


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
            # Hashing is slow by design; the tests log in hundreds of times.
            "PASSWORD_HASH_PROFILE": "CHEAPEST",
        }
    )
    app.test_client_class = FreshContextClient
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
def users():
    """The administrator, secretariat and coordinator accounts (partners: see `as_role`)."""
    return {role: make_user(role, role) for role in ("administrator", "secretariat", "coordinator")}


@pytest.fixture
def anonymous(app):
    return app.test_client()


@pytest.fixture
def client(app, users):
    """A browser logged in as the secretariat, who keeps the records."""
    browser = app.test_client()
    assert login(browser, "secretariat").status_code == 302
    return browser


@pytest.fixture
def as_role(app, users):
    """Return a function giving a browser logged in with a role; partners get an organisation."""

    def browser_for(role: str, organisation=None):
        if role == "partner":
            organisation = organisation or Organisation(name="Partenaire test", kind="association")
            make_user(f"partner-{organisation.name}", role, organisation)
            username = f"partner-{organisation.name}"
        else:
            username = role
        browser = app.test_client()
        assert login(browser, username).status_code == 302
        return browser

    return browser_for


@pytest.fixture
def demo_network(app):
    """The demo network, with one account per role; the partner's is GREOVA's."""
    demo.load()
    greova = db.session.scalar(select(Organisation).where(Organisation.short_name == "GREOVA"))
    make_user("partner", "partner", greova)
    for role in ("administrator", "secretariat", "coordinator"):
        make_user(role, role)
