"""Time the dashboard and the yearly report on a network twenty times the demo, over ten years.

    .venv/bin/python benchmarks/dashboard.py                 # temporary SQLite database
    DATABASE_URL=postgresql://postgres@127.0.0.1:5432/test .venv/bin/python benchmarks/dashboard.py

On PostgreSQL the data goes into a schema of its own, dropped at the end. Prints the
median, minimum and maximum of each request (in-process, through the WSGI stack, logged in
as the coordinator), after one warm-up request. The targets: dashboard < 150 ms for one
year, PDF report < 2 s.
"""

from __future__ import annotations

import os
import statistics
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from sqlalchemy import func, select  # noqa: E402

from benchmarks.generate import Sizes, generate  # noqa: E402
from benchmarks.serving import logged_in, migrated_app  # noqa: E402

RUNS = int(os.environ.get("BENCH_RUNS", "15"))
SCALE = int(os.environ.get("BENCH_SCALE", "20"))
YEARS = int(os.environ.get("BENCH_YEARS", "10"))


def timed(client, url: str) -> list[float]:
    client.get(url)  # warm-up: template compilation, caches
    timings = []
    for _ in range(RUNS):
        start = time.perf_counter()
        response = client.get(url)
        timings.append(time.perf_counter() - start)
        assert response.status_code == 200, (url, response.status_code)
    return timings


def main() -> None:
    from models import db
    from models.housing import HousingStay
    from models.network import Organisation

    with migrated_app() as app:
        with app.app_context():
            started = time.perf_counter()
            last_year = generate(db.session, Sizes.scaled(SCALE, YEARS))
            organisations = db.session.scalar(select(func.count()).select_from(Organisation))
            stays = db.session.scalar(select(func.count()).select_from(HousingStay))
        print(
            f"data: scale x{SCALE}, {YEARS} years up to {last_year}, {organisations} "
            f"organisations, {stays} stays, generated in {time.perf_counter() - started:.1f} s"
        )
        client = logged_in(app, "coordinator")
        print(f"{'request':<45} {'median':>9} {'min':>9} {'max':>9}   ({RUNS} runs)")
        for label, path in [
            ("dashboard, one year", f"/admin/?year={last_year}"),
            (
                "dashboard, one quarter, one municipality",
                f"/admin/?year={last_year}&quarter=2&municipality=1",
            ),
            ("yearly report, web page", f"/admin/report/?year={last_year}"),
            ("yearly report, PDF", f"/admin/report/pdf?year={last_year}"),
            ("yearly report, XLSX", f"/admin/report/xlsx?year={last_year}"),
        ]:
            t = timed(client, path)
            print(
                f"{label:<45} {statistics.median(t) * 1000:>7.1f}ms {min(t) * 1000:>7.1f}ms "
                f"{max(t) * 1000:>7.1f}ms"
            )


if __name__ == "__main__":
    main()
