"""The production server as `make serve` runs it: logs that keep people's data out."""

from __future__ import annotations

import json
import os
import time
import urllib.request

import pytest
from sqlalchemy import delete, select, text
from sqlalchemy.exc import SQLAlchemyError

from benchmarks.serving import flask, free_port, gunicorn, wait_until_healthy
from models import db


@pytest.fixture
def served(tmp_path):
    """Start gunicorn with the repository's config and JSON logs; yield (port, log files)."""
    env = {
        **os.environ,
        "DATABASE_URL": f"sqlite:///{tmp_path / 'server.sqlite3'}",
        "SECRET_KEY": "tests-only",
        "WEB_CONCURRENCY": "1",
        "LOG_FORMAT": "json",
    }
    flask(env, "db", "upgrade")
    port = free_port()
    out, err = tmp_path / "access.log", tmp_path / "error.log"
    with out.open("w") as stdout, err.open("w") as stderr, gunicorn(env, port, stdout, stderr):
        wait_until_healthy(f"http://127.0.0.1:{port}", 15)
        yield port, out, err


def test_access_log_names_the_path_never_the_query_string(served):
    port, access_log, _ = served
    urllib.request.urlopen(f"http://127.0.0.1:{port}/login?q=M-7K3F9Q", timeout=5).close()
    time.sleep(0.2)
    lines = [json.loads(line) for line in access_log.read_text().splitlines()]
    messages = [line["message"] for line in lines]
    assert any('"GET /login"' in message for message in messages)
    assert not any("M-7K3F9Q" in message for message in messages)


def test_server_logs_are_json_lines_when_asked(served):
    _, _, error_log = served
    entries = [json.loads(line) for line in error_log.read_text().splitlines()]
    assert entries and {"time", "level", "logger", "message"} <= entries[0].keys()


def test_database_errors_never_carry_the_values_they_were_given():
    with pytest.raises(SQLAlchemyError) as error:
        db.session.execute(
            text("SELECT * FROM no_such_table WHERE code = :code"), {"code": "M-7K3F9Q"}
        )
    db.session.rollback()
    assert "M-7K3F9Q" not in str(error.value)


def test_sqlite_writes_ahead_and_waits_for_other_writers():
    if db.engine.dialect.name != "sqlite":
        pytest.skip("SQLite only")
    assert db.session.execute(text("PRAGMA journal_mode")).scalar() == "wal"
    assert db.session.execute(text("PRAGMA busy_timeout")).scalar() == 5000


def failed_login_address(app, forwarded_for: str) -> str:
    from models.accounts import LoginAttempt

    with app.test_client() as browser:
        browser.post(
            "/login",
            data={"username": "nobody", "password": "wrong password here"},
            headers={"X-Forwarded-For": forwarded_for},
        )
    with app.app_context():
        address = db.session.scalars(select(LoginAttempt.address)).one()
        db.session.execute(delete(LoginAttempt))
        db.session.commit()
    return address


def test_forwarded_addresses_are_ignored_unless_a_proxy_is_trusted(app, database):
    from backoffice import create_app

    url, engine_options = database
    settings = {**{k: app.config[k] for k in ("TESTING", "SECRET_KEY", "WTF_CSRF_ENABLED")}}
    settings.update(SQLALCHEMY_DATABASE_URI=url, SQLALCHEMY_ENGINE_OPTIONS=engine_options)
    # Anyone can send X-Forwarded-For: believed, it would dodge the login throttle.
    assert failed_login_address(app, "203.0.113.9") == "127.0.0.1"
    behind_proxy = create_app({**settings, "TRUSTED_PROXIES": 1})
    try:
        assert failed_login_address(behind_proxy, "203.0.113.9") == "203.0.113.9"
    finally:
        with behind_proxy.app_context():
            db.engine.dispose()
