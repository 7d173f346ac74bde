"""How long the production server takes to serve again after its workers are killed.

Starts gunicorn with the repository's gunicorn.conf.py on a temporary SQLite database,
kills every worker with SIGKILL (as an out-of-memory kill would), and times how long
until /healthz answers 200 again. Prints one line per round and the median.

    .venv/bin/python benchmarks/worker_restart.py [--rounds 5]
"""

from __future__ import annotations

import argparse
import os
import signal
import statistics
import sys
import tempfile
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent.parent))

from benchmarks.serving import flask, free_port, gunicorn, wait_until_healthy  # noqa: E402


def workers_of(master: int) -> list[int]:
    children = Path(f"/proc/{master}/task/{master}/children").read_text().split()
    return [int(pid) for pid in children]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--rounds", type=int, default=5)
    parser.add_argument("--workers", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as folder:
        env = {
            **os.environ,
            "DATABASE_URL": f"sqlite:///{folder}/bench.sqlite3",
            "SECRET_KEY": "benchmark-only",
            "WEB_CONCURRENCY": str(args.workers),
        }
        flask(env, "db", "upgrade")
        port = free_port()
        base = f"http://127.0.0.1:{port}"
        with gunicorn(env, port) as server:
            print(f"first start: {wait_until_healthy(base, 60):.2f} s")
            times = []
            for round_ in range(1, args.rounds + 1):
                time.sleep(1)
                for pid in workers_of(server.pid):
                    os.kill(pid, signal.SIGKILL)
                times.append(wait_until_healthy(base, 30))
                print(
                    f"round {round_}: all {args.workers} workers killed, serving again after "
                    f"{times[-1]:.2f} s"
                )
            print(f"median: {statistics.median(times):.2f} s")


if __name__ == "__main__":
    main()
