"""Every page of the backoffice at a hundred times the demo's size, through the production server.

    .venv/bin/python benchmarks/pages.py --stays 100000
    .venv/bin/python benchmarks/pages.py --stays 100000 \\
        --postgresql postgresql://postgres@127.0.0.1:5432/test

Generates the network (benchmarks/generate.py: 100,000 stays, 2,000 organisations, 200 units,
10,000 workshop sessions over ten years for --stays 100000) into a temporary SQLite file and,
with --postgresql (or POSTGRESQL_URL), into a schema of its own in that database, dropped at
the end. Serves each with gunicorn as `make serve` does, with one worker, logs in as the
administrator and prints, per page, the median of --runs requests through HTTP beside its
target: every list, details and edit page, a household-code search, page 500 of the stays,
the dashboard and the yearly report, the first request after the server started, and the
CSV and XLSX exports of every stay with the memory the worker grew by.
"""

from __future__ import annotations

import argparse
import http.client
import os
import statistics
import subprocess
import sys
import tempfile
import time
import urllib.error
import uuid
from collections import defaultdict
from pathlib import Path

from sqlalchemy import create_engine, func, select, text

ROOT = Path(__file__).resolve().parent.parent
BIN = Path(sys.executable).parent
sys.path.insert(0, str(ROOT))

from benchmarks.generate import Sizes, generate  # noqa: E402
from benchmarks.load import PASSWORD, Person  # noqa: E402
from benchmarks.serving import free_port, wait_until_healthy  # noqa: E402

USERNAME = "benchmark"


def sizes_for(stays: int, years: int) -> Sizes:
    """The issue's proportions: 2,000 organisations, 200 units, 10,000 sessions per 100,000."""
    return Sizes(
        stays=stays,
        organisations=max(25, stays // 50),
        units=max(2, stays // 500),
        sessions=max(12, stays // 10),
        years=years,
    )


def prepare(url: str, sizes: Sizes) -> tuple[int, list[tuple[str, str, float]]]:
    """Migrate and fill the database; return the last year and the pages to measure."""
    import flask_migrate
    from flask import url_for

    from backoffice import create_app
    from backoffice.admin.base import BackofficeModelView
    from backoffice.auth import accounts
    from backoffice.config import normalise_database_url
    from models import db
    from models.housing import HousingStay

    app = create_app(
        {"SQLALCHEMY_DATABASE_URI": normalise_database_url(url), "SECRET_KEY": "benchmark"}
    )
    with app.app_context():
        flask_migrate.upgrade()
        started = time.perf_counter()
        last_year = generate(db.session, sizes)
        print(f"  generated in {time.perf_counter() - started:.1f} s", flush=True)
        accounts.create(USERNAME, "administrator", PASSWORD)
        db.session.commit()  # the caller owns the transaction
        code = db.session.scalar(
            select(HousingStay.household_code).order_by(HousingStay.id).offset(sizes.stays // 2)
        )
        pages = []
        with app.test_request_context():
            for view in app.extensions["admin"][0]._views:
                if not isinstance(view, BackofficeModelView):
                    continue
                name = view.endpoint
                pages.append((f"list: {name}", url_for(f"{view.endpoint}.index_view"), 50))
                count = db.session.scalar(select(func.count()).select_from(view.model))
                record = db.session.scalar(
                    select(view.model.id).order_by(view.model.id).offset(count // 2).limit(1)
                )
                if record is None:
                    continue
                for kind in ("details", "edit"):  # a page the view refuses is left out
                    path = url_for(f"{view.endpoint}.{kind}_view", id=record)
                    pages.append((f"{kind}: {name}", path, 50))
            stays = url_for("housingstay.index_view")
            organisations = url_for("organisation.index_view")
        pages += [
            ("search: a household code", f"{stays}?search={code}", 20),
            ("search: its first characters", f"{stays}?search={code[:5]}", 20),
            ("search: organisations, any part of the name", f"{organisations}?search=ion+01", 50),
            ("stays list, page 500", f"{stays}?page=499", 60),
            ("dashboard, one year", f"/admin/?year={last_year}", 150),
            ("dashboard, one quarter", f"/admin/?year={last_year}&quarter=2", 150),
            ("dashboard, a municipality", f"/admin/?year={last_year}&municipality=1", 150),
            ("dashboard, the year in progress", "/admin/", 150),
            ("yearly report, web page", f"/admin/report/?year={last_year}", 200),
            ("yearly report, PDF", f"/admin/report/pdf?year={last_year}", 1000),
            ("yearly report, XLSX", f"/admin/report/xlsx?year={last_year}", 300),
        ]
    return last_year, pages


def fetch(person: Person, path: str) -> float:
    """Download `path` whole; return the seconds it took."""
    start = time.perf_counter()
    with person.opener.open(person.base + path, timeout=120) as response:
        while response.read(1 << 16):
            pass
        if response.status != 200:
            raise SystemExit(f"{path}: HTTP {response.status}")
    return time.perf_counter() - start


def worker_pid(master: int) -> int:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return int(children[0])


def memory_kib(pid: int, field: str) -> int:
    for line in Path(f"/proc/{pid}/status").read_text().splitlines():
        if line.startswith(field + ":"):
            return int(line.split()[1])
    return 0


def measure(url: str, pages, runs: int, results: dict, column: str) -> None:
    """Serve `url` with one worker and time every page; results[label][column] = ms."""
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    env = {**os.environ, "DATABASE_URL": url, "SECRET_KEY": "benchmark", "WEB_CONCURRENCY": "1"}
    server = subprocess.Popen(
        [BIN / "gunicorn", "--config", "gunicorn.conf.py", "--bind", f"127.0.0.1:{port}"],
        cwd=ROOT,
        env=env,
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
    )
    try:
        wait_until_healthy(base, 120)
        timings: dict[str, list[float]] = defaultdict(list)
        person = Person(base, USERNAME, timings, errors := [])
        person.login()
        first = fetch(person, "/admin/")
        results.setdefault(("first request after start (dashboard)", 2000), {})[column] = (
            first * 1000
        )
        for label, path, target in pages:
            try:
                fetch(person, path)  # warm-up
            except urllib.error.HTTPError:
                continue  # not a page of this view (the audit log has no edit form)
            median = statistics.median(fetch(person, path) for _ in range(runs))
            results.setdefault((label, target), {})[column] = median * 1000
        worker = worker_pid(server.pid)
        for kind in ("csv", "xlsx"):
            Path(f"/proc/{worker}/clear_refs").write_text("5")  # the peak starts again
            before = memory_kib(worker, "VmRSS")
            try:
                seconds = fetch(person, f"/admin/housingstay/export/{kind}/")
            except (OSError, http.client.HTTPException):
                seconds = None  # the worker was stopped at gunicorn's timeout
                person.login()  # a new worker, a new session
                worker = worker_pid(server.pid)
            grown = max(0, memory_kib(worker, "VmHWM") - before) / 1024
            results.setdefault((f"export of every stay, {kind.upper()}", 15000), {})[column] = (
                None if seconds is None else seconds * 1000
            )
            results.setdefault((f"export {kind.upper()}, memory growth (MB)", 100), {})[column] = (
                None if seconds is None else grown
            )
        if errors:
            print("  errors:", *errors[:10], sep="\n    ")
    finally:
        server.terminate()
        server.wait(timeout=30)


def postgresql_schema(url: str) -> tuple[str, callable]:
    """A schema of its own in the PostgreSQL database; the URL that uses it and its drop."""
    from backoffice.config import normalise_database_url

    engine = create_engine(normalise_database_url(url))
    schema = f"pages_{uuid.uuid4().hex[:8]}"
    with engine.begin() as connection:
        connection.execute(text(f'CREATE SCHEMA "{schema}"'))

    def drop() -> None:
        with engine.begin() as connection:
            connection.execute(text(f'DROP SCHEMA "{schema}" CASCADE'))
        engine.dispose()

    separator = "&" if "?" in url else "?"
    return f"{url}{separator}options=-csearch_path%3D{schema}", drop


def print_table(results: dict, columns: list[str]) -> None:
    header = f"| page | target | {' | '.join(columns)} |"
    print("\n" + header)
    print("| --- | ---: |" + " ---: |" * len(columns))
    for (label, target), measures in results.items():
        memory = "MB" in label
        unit = "" if memory else " ms"
        cells = []
        for column in columns:
            if column not in measures:
                cells.append("")
            elif measures[column] is None:
                cells.append("stopped at 60 s")
            else:
                cells.append(f"{measures[column]:,.0f}{unit}")
        print(f"| {label} | ≤ {target:,}{unit} | {' | '.join(cells)} |")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--stays", type=int, default=100_000)
    parser.add_argument("--years", type=int, default=10)
    parser.add_argument("--runs", type=int, default=7)
    parser.add_argument("--postgresql", default=os.environ.get("POSTGRESQL_URL"))
    parser.add_argument("--only", choices=["sqlite", "postgresql"])
    args = parser.parse_args()
    sizes = sizes_for(args.stays, args.years)
    print(
        f"{sizes.stays} stays, {sizes.organisations} organisations, {sizes.units} units, "
        f"{sizes.sessions} workshop sessions, {sizes.years} years; median of {args.runs}",
        flush=True,
    )
    results: dict = {}
    columns = []
    if args.only != "postgresql":
        folder = tempfile.TemporaryDirectory()
        url = f"sqlite:///{Path(folder.name) / 'pages.sqlite3'}"
        print("SQLite", flush=True)
        _, pages = prepare(url, sizes)
        measure(url, pages, args.runs, results, "SQLite")
        columns.append("SQLite")
        print_table(results, columns)
        folder.cleanup()
    if args.postgresql and args.only != "sqlite":
        url, drop = postgresql_schema(args.postgresql)
        try:
            print("PostgreSQL", flush=True)
            _, pages = prepare(url, sizes)
            measure(url, pages, args.runs, results, "PostgreSQL")
            columns.append("PostgreSQL")
        finally:
            drop()
    print_table(results, columns)


if __name__ == "__main__":
    main()
