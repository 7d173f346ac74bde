"""What the benchmarks (and the server tests) share: the production server started as in
production on a free loopback port, the `flask` commands that prepare its database, and an
in-process app on a database of its own for the benchmarks that time requests."""

from __future__ import annotations

import os
import socket
import subprocess
import sys
import tempfile
import time
import urllib.request
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

from sqlalchemy import create_engine, text

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
BENCH_PASSWORD = "a long passphrase for timing pages"


def free_port() -> int:
    """Return a loopback port nobody listens on right now."""
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        return probe.getsockname()[1]


def healthy(base: str) -> bool:
    try:
        with urllib.request.urlopen(f"{base}/healthz", timeout=1) as response:
            return response.status == 200
    except OSError:
        return False


def wait_until_healthy(base: str, limit: float) -> float:
    """Return the seconds until `base` answered /healthz; stop the run after `limit`."""
    start = time.monotonic()
    while time.monotonic() - start < limit:
        if healthy(base):
            return time.monotonic() - start
        time.sleep(0.01)
    raise SystemExit(f"{base} not serving after {limit} s")


def flask(env: dict, *args: str, stdin: str | None = None) -> None:
    """Run a `flask` command of the backoffice (`db upgrade`, `demo load`, `users create` …)."""
    command = [BIN / "flask", "--app", "wsgi", *args]
    subprocess.run(
        command, cwd=ROOT, env=env, input=stdin, text=True, capture_output=True, check=True
    )


@contextmanager
def gunicorn(env: dict, port: int, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL):
    """Serve with the repository's gunicorn.conf.py on `port`; stop the server at the end."""
    command = [BIN / "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"]
    server = subprocess.Popen(command, cwd=ROOT, env=env, stdout=stdout, stderr=stderr)
    try:
        yield server
    finally:
        server.terminate()
        server.wait(timeout=30)


@contextmanager
def schema_of_its_own(url: str, prefix: str) -> Iterator[str]:
    """Create a new schema in the PostgreSQL database at `url`; drop it, and all in it, at
    the end. Runs working in schemas of their own leave each other and other data alone."""
    schema = f"{prefix}_{uuid.uuid4().hex[:12]}"
    engine = create_engine(url)
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))
    try:
        yield schema
    finally:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()


def in_schema(schema: str) -> dict:
    """The engine options that make every connection work in `schema`."""
    return {"connect_args": {"options": f"-csearch_path={schema}"}}


@contextmanager
def database() -> Iterator[tuple[str, dict]]:
    """(url, engine options) of an empty database: a temporary SQLite file, or with
    DATABASE_URL a schema of its own in that database."""
    url = os.environ.get("DATABASE_URL")
    if not url:
        with tempfile.TemporaryDirectory() as folder:
            yield f"sqlite:///{Path(folder) / 'bench.sqlite3'}", {}
        return
    from backoffice.config import normalise_database_url

    url = normalise_database_url(url)
    with schema_of_its_own(url, "bench") as schema:
        yield url, in_schema(schema)


@contextmanager
def migrated_app():
    """The backoffice in this process on a migrated empty database (see `database`)."""
    import flask_migrate

    from backoffice import create_app

    with database() as (url, options):
        app = create_app(
            {
                "SQLALCHEMY_DATABASE_URI": url,
                "SQLALCHEMY_ENGINE_OPTIONS": options,
                "SECRET_KEY": "benchmark",
                "WTF_CSRF_ENABLED": False,
            }
        )
        with app.app_context():
            flask_migrate.upgrade()
        try:
            yield app
        finally:
            with app.app_context():
                from models import db

                db.engine.dispose()


def logged_in(app, role: str):
    """A test client logged in with a new account of `role`."""
    from backoffice.auth import accounts
    from models import db

    with app.app_context():
        accounts.create("bench", role, BENCH_PASSWORD)
        db.session.commit()  # the caller owns the transaction
    client = app.test_client()
    client.post("/login", data={"username": "bench", "password": BENCH_PASSWORD})
    return client
