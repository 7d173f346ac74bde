"""Login throttling: 5 failures per account or address within 15 minutes lock it for 15 minutes.

Failures are rows in the database, so that every worker process counts the same ones.
"""

from __future__ import annotations

from datetime import UTC, datetime, timedelta

from flask import current_app
from sqlalchemy import delete, func, select

from models import db
from models.accounts import LoginAttempt


def _window() -> timedelta:
    return timedelta(minutes=current_app.config["LOGIN_LOCK_MINUTES"])


def is_locked(username: str, address: str) -> bool:
    """Tell whether this account or this address has failed too often lately."""
    since = datetime.now(UTC) - _window()
    limit = current_app.config["LOGIN_MAX_FAILURES"]
    base = select(func.count()).select_from(LoginAttempt).where(LoginAttempt.attempted_at >= since)
    by_user = db.session.scalar(base.where(LoginAttempt.username == username.lower()))
    by_address = db.session.scalar(base.where(LoginAttempt.address == address))
    return by_user >= limit or by_address >= limit


def record_failure(username: str, address: str) -> None:
    db.session.add(
        LoginAttempt(
            username=username.lower()[:80], address=address, attempted_at=datetime.now(UTC)
        )
    )
    # Old attempts are of no use to the count: keep the table small.
    db.session.execute(
        delete(LoginAttempt).where(LoginAttempt.attempted_at < datetime.now(UTC) - 4 * _window())
    )
    db.session.flush()


def clear(username: str) -> None:
    """Forget the failures of an account that just logged in (its address keeps its count)."""
    db.session.execute(delete(LoginAttempt).where(LoginAttempt.username == username.lower()))
