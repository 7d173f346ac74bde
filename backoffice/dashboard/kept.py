"""Figures of ended periods, kept in memory until the records change.

A year that has ended is asked for again and again (the dashboard, the report page, its PDF
and workbook) and its figures only change when someone corrects a record. Each process keeps
them with the number of changes they were computed at (models/changes.py), read once per
request; any write to the records, by any process, makes them stale.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from datetime import date

from flask import g
from sqlalchemy.orm import Session

from models import changes

from .period import Period

LIMIT = 512  # figures kept per process (an axis of a period of a day): a few megabytes
_kept: dict[tuple, tuple[int, object]] = {}


def _changes_now(session: Session) -> int | None:
    """The number of changes, read once per request (a request reads what it started with)."""
    if "changes_now" not in g:
        g.changes_now = changes.current(session)
    return g.changes_now


def kept_for_ended_periods(compute: Callable) -> Callable:
    """Keep what `compute(session, period, today)` returns for periods that have ended."""

    @functools.wraps(compute)
    def figures(session: Session, period: Period, today: date):
        if period.end >= today:
            return compute(session, period, today)
        now = _changes_now(session)
        if now is None:  # no counter: nothing can tell when kept figures go stale
            _kept.clear()
            return compute(session, period, today)
        key = (compute.__qualname__, str(session.get_bind().url), period, today)
        kept = _kept.get(key)
        if kept is not None and kept[0] == now:
            return kept[1]
        value = compute(session, period, today)
        if len(_kept) >= LIMIT:
            _kept.clear()
        _kept[key] = (now, value)
        return value

    return figures
