"""The production server for benchmarks: a free loopback port, and waiting until it answers."""

from __future__ import annotations

import socket
import time
import urllib.request


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
