"""Measure the memory and time of exporting a list of 100,000 records, CSV and XLSX.

    .venv/bin/python benchmarks/exports.py                 # temporary SQLite database
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/exports.py

Fills the professionals' list with BENCH_ROWS records (100,000 by default) spread over 200
organisations, then downloads its CSV (read as a server streams it) and its XLSX, logged in
as the secretariat. Prints the peak of memory allocated by Python during each download
(tracemalloc, which also slows it down), beside the peak of merely loading every record at
once, as an export that reads all rows before writing does, and the time of an untraced run.
"""

from __future__ import annotations

import os
import sys
import time
import tracemalloc
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import insert, select  # noqa: E402

from benchmarks.dashboard import database  # noqa: E402

ROWS = int(os.environ.get("BENCH_ROWS", "100000"))


def fill(session) -> None:
    from models.network import Organisation, OrganisationKind, Person

    session.execute(
        insert(Organisation),
        [
            {"name": f"Organisation {n:03d}", "kind": OrganisationKind.ASSOCIATION}
            for n in range(200)
        ],
    )
    ids = session.scalars(select(Organisation.id)).all()
    for start in range(0, ROWS, 10_000):
        session.execute(
            insert(Person),
            [
                {
                    "last_name": f"Nom{n:06d}",
                    "first_name": "Alex",
                    "job_title": "Assistant·e social·e",
                    "email": f"person{n}@example.org",
                    "organisation_id": ids[n % len(ids)],
                }
                for n in range(start, min(start + 10_000, ROWS))
            ],
        )
    session.commit()


def measured(label: str, download) -> None:
    started = time.perf_counter()
    size = download()
    seconds = time.perf_counter() - started
    tracemalloc.start()  # a second run, traced: tracing slows it down
    download()
    _current, peak = tracemalloc.get_traced_memory()
    tracemalloc.stop()
    print(f"{label:<40} {peak / 2**20:>8.1f} MiB {seconds:>7.1f} s {size / 2**20:>8.1f} MiB")


def main() -> None:
    import flask_migrate

    from backoffice import create_app
    from models import db
    from models.network import Person

    url, options, drop = database()
    app = create_app(
        {
            "SQLALCHEMY_DATABASE_URI": url,
            "SQLALCHEMY_ENGINE_OPTIONS": options,
            "SECRET_KEY": "benchmark",
            "WTF_CSRF_ENABLED": False,
        }
    )
    try:
        with app.app_context():
            flask_migrate.upgrade()
            fill(db.session)
            from backoffice.auth import accounts

            accounts.create("timekeeper", "secretariat", "benchmark password")
        client = app.test_client()
        client.post("/login", data={"username": "timekeeper", "password": "benchmark password"})

        def stream(path: str):
            def download() -> int:
                response = client.get(path, buffered=False)
                size = sum(len(chunk) for chunk in response.response)
                response.close()
                assert response.status_code == 200
                return size

            return download

        def everything_at_once() -> int:
            with app.app_context():
                records = db.session.scalars(select(Person)).all()
                for record in records:
                    record.organisation  # noqa: B018  (what the CSV shows of it)
                return 0

        print(f"{ROWS} professionals; peak Python memory, time, file size")
        measured("CSV export", stream("/admin/person/export/csv/"))
        measured("XLSX export", stream("/admin/person/export/xlsx/"))
        measured("loading every record at once (no file)", everything_at_once)
    finally:
        drop()


if __name__ == "__main__":
    main()
