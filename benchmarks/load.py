"""N people using the backoffice at once, against the production server on PostgreSQL.

Secretariat members create and edit organisations through the real forms (CSRF tokens,
one-time tokens, version counters), coordinators read the dashboard and the yearly report,
partners browse lists and the network overview; each waits 1 to 3 s between pages, as a
person does. The run lasts a bounded time, then prints throughput, p50/p95/p99 per page,
the errors, and the rows each writer expected against the rows found in the database.

    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/load.py
    ... benchmarks/load.py --users 20 --seconds 60

The run works in a schema of its own in that database, dropped at the end.
"""

from __future__ import annotations

import argparse
import http.cookiejar
import os
import random
import re
import statistics
import sys
import threading
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid
from collections import defaultdict
from datetime import date
from pathlib import Path

from sqlalchemy import create_engine, text

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.serving import (  # noqa: E402
    flask,
    free_port,
    gunicorn,
    schema_of_its_own,
    wait_until_healthy,
)

PASSWORD = "load test passphrase 2026"
PREFIX = "Charge"


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Person:
    """One logged-in browser: a cookie jar, and the time every page took."""

    def __init__(self, base: str, username: str, timings: dict, errors: list) -> None:
        self.base, self.username = base, username
        self.timings, self.errors = timings, errors
        jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(jar), NoRedirect
        )

    def request(self, page: str, path: str, form: dict | None = None) -> tuple[int, str, str]:
        data = urllib.parse.urlencode(form).encode() if form is not None else None
        start = time.perf_counter()
        try:
            with self.opener.open(self.base + path, data=data, timeout=30) as response:
                status, body, location = response.status, response.read().decode(), ""
        except urllib.error.HTTPError as error:
            status, body = error.code, error.read().decode(errors="replace")
            location = error.headers.get("Location", "")
        except OSError as error:
            self.errors.append(f"{page}: {error}")
            return 0, "", ""
        self.timings[page].append(time.perf_counter() - start)
        if status >= 400:
            self.errors.append(f"{page}: HTTP {status}")
        return status, body, location

    def login(self) -> None:
        _, page, _ = self.request("login form", "/login")
        status, _, _ = self.request(
            "login",
            "/login",
            {"csrf_token": token(page), "username": self.username, "password": PASSWORD},
        )
        if status != 302:
            raise SystemExit(f"{self.username} could not log in ({status})")


def token(page: str, name: str = "csrf_token") -> str:
    found = re.search(rf'name="{name}"[^>]*value="([^"]*)"', page) or re.search(
        rf'value="([^"]*)"[^>]*name="{name}"', page
    )
    return found.group(1) if found else ""


def secretariat(person: Person, made: list, edited: list, stop: float) -> None:
    """Create an organisation, then edit it: both must be in the database at the end."""
    while time.monotonic() < stop:
        _, page, _ = person.request("organisation: new form", "/admin/organisation/new/")
        name = f"{PREFIX} {uuid.uuid4().hex[:10]}"
        form = {
            "csrf_token": token(page),
            "submission_token": token(page, "submission_token"),
            "name": name,
            "kind": "association",
            "active": "y",
            "_continue_editing": "1",
        }
        status, _, location = person.request(
            "organisation: create", "/admin/organisation/new/", form
        )
        if status != 302 or "id=" not in location:
            person.errors.append(f"create {name}: {status}")
            continue
        made.append(name)
        time.sleep(random.uniform(1, 3))
        edit_path = location.replace(person.base, "")
        _, page, _ = person.request("organisation: edit form", edit_path)
        form = {
            "csrf_token": token(page),
            "seen_version": token(page, "seen_version"),
            "name": name,
            "kind": "association",
            "active": "y",
            "phone": "04 380 00 00",
        }
        status, _, _ = person.request("organisation: save edit", edit_path, form)
        if status == 302:
            edited.append(name)
        else:
            person.errors.append(f"edit {name}: {status}")
        time.sleep(random.uniform(1, 3))


def coordinator(person: Person, year: int, stop: float) -> None:
    while time.monotonic() < stop:
        person.request("dashboard", f"/admin/?year={year}")
        time.sleep(random.uniform(1, 3))
        person.request("yearly report", f"/admin/report/?year={year}")
        time.sleep(random.uniform(1, 3))


def partner(person: Person, stop: float) -> None:
    pages = [
        ("dashboard", "/admin/"),
        ("network overview", "/network-overview/"),
        ("organisations list", "/admin/organisation/"),
        ("agreements list", "/admin/agreement/"),
    ]
    while time.monotonic() < stop:
        page, path = random.choice(pages)
        person.request(page, path)
        time.sleep(random.uniform(1, 3))


def prepare(env: dict, users: dict[str, int]) -> None:
    """Migrate, load the demo network and create the accounts, in the run's own schema."""
    flask(env, "db", "upgrade")
    flask(env, "demo", "load")
    for role, count in users.items():
        for n in range(count):
            args = ["users", "create", f"{role}{n}", "--role", role, "--password-stdin"]
            if role == "partner":
                args += ["--organisation", "GREOVA"]
            flask(env, *args, stdin=PASSWORD + "\n")


def percentile(values: list[float], share: float) -> float:
    ordered = sorted(values)
    return ordered[min(len(ordered) - 1, int(share * len(ordered)))]


def report(timings: dict, errors: list, seconds: float, rows: dict) -> None:
    total = sum(len(v) for v in timings.values())
    print(f"\n{total} requests in {seconds:.0f} s: {total / seconds:.1f} requests/s")
    print(f"{'page':<28}{'count':>7}{'p50 ms':>9}{'p95 ms':>9}{'p99 ms':>9}")
    for page, values in sorted(timings.items()):
        ms = [v * 1000 for v in values]
        print(
            f"{page:<28}{len(ms):>7}{statistics.median(ms):>9.0f}"
            f"{percentile(ms, 0.95):>9.0f}{percentile(ms, 0.99):>9.0f}"
        )
    every = [v * 1000 for values in timings.values() for v in values]
    print(
        f"{'all pages':<28}{len(every):>7}{statistics.median(every):>9.0f}"
        f"{percentile(every, 0.95):>9.0f}{percentile(every, 0.99):>9.0f}"
    )
    print(f"errors: {len(errors)}", *errors[:10], sep="\n  ")
    for what, (expected, found) in rows.items():
        print(f"{what}: expected {expected}, found {found}, lost {expected - found}")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--users", type=int, default=20)
    parser.add_argument("--seconds", type=float, default=60)
    args = parser.parse_args()
    url = os.environ.get("DATABASE_URL", "")
    if not url.startswith(("postgres://", "postgresql://")):
        raise SystemExit("Set DATABASE_URL to a PostgreSQL database (a schema is made in it).")
    writers = max(1, args.users * 2 // 5)
    readers = max(1, (args.users - writers) // 2)
    users = {
        "secretariat": writers,
        "coordinator": readers,
        "partner": max(0, args.users - writers - readers),
    }
    engine_url = url.replace("postgresql://", "postgresql+psycopg://", 1)
    with schema_of_its_own(engine_url, "load") as schema:
        separator = "&" if "?" in url else "?"
        run_url = f"{url}{separator}options=-csearch_path%3D{schema}"
        env = {**os.environ, "DATABASE_URL": run_url, "SECRET_KEY": "load-test-only"}
        prepare(env, users)
        port = free_port()
        with gunicorn(env, port):
            counter = create_engine(engine_url)
            run(f"http://127.0.0.1:{port}", users, args.seconds, counter, schema)
            counter.dispose()


def run(base: str, users: dict[str, int], seconds: float, engine, schema: str) -> None:
    wait_until_healthy(base, 60)
    timings: dict[str, list[float]] = defaultdict(list)
    errors: list[str] = []
    made: list[str] = []
    edited: list[str] = []
    people = [
        Person(base, f"{role}{n}", timings, errors)
        for role, count in users.items()
        for n in range(count)
    ]
    for person in people:
        person.login()
    print(f"{len(people)} people logged in: {users}; running {seconds:.0f} s")
    stop = time.monotonic() + seconds
    year = date.today().year - 1
    threads = []
    for person in people:
        role = person.username.rstrip("0123456789")
        target, extra = {
            "secretariat": (secretariat, (made, edited, stop)),
            "coordinator": (coordinator, (year, stop)),
            "partner": (partner, (stop,)),
        }[role]
        threads.append(threading.Thread(target=target, args=(person, *extra)))
    started = time.monotonic()
    for thread in threads:
        thread.start()
        time.sleep(random.uniform(0, 0.2))
    for thread in threads:
        thread.join()
    elapsed = time.monotonic() - started
    with engine.connect() as connection:
        counts = connection.execute(
            text(f'SELECT count(*), count(phone) FROM "{schema}".organisation WHERE name LIKE :p'),
            {"p": f"{PREFIX} %"},
        ).one()
    rows = {
        "organisations created": (len(made), counts[0]),
        "edits saved": (len(edited), counts[1]),
    }
    report(timings, errors, elapsed, rows)


if __name__ == "__main__":
    main()
