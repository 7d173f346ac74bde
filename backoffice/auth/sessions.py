"""Server-side sessions: the cookie holds a random token; the row behind it can be ended.

A signed cookie alone stays valid after logout if someone copied it. Here logout deletes
the row, an idle session is refused and deleted, and a deactivated account loses all its
sessions at once.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from flask import current_app, session
from flask_login import LoginManager, UserMixin, login_user, logout_user
from sqlalchemy import delete

from models import db
from models.accounts import User, UserSession

login_manager = LoginManager()
login_manager.login_view = "auth.login"
login_manager.session_protection = None  # the server-side token already does the job


class SignedInUser(UserMixin):
    """The account behind the current request, with the token of its session."""

    def __init__(self, user: User, token: str) -> None:
        self.account = user
        self.token = token

    def get_id(self) -> str:
        return self.token

    @property
    def is_active(self) -> bool:
        return self.account.active

    def __getattr__(self, name: str):
        return getattr(self.account, name)


def _now() -> datetime:
    return datetime.now(UTC)


def _aware(moment: datetime) -> datetime:
    # SQLite gives back naive datetimes; they were stored in UTC.
    return moment if moment.tzinfo else moment.replace(tzinfo=UTC)


@login_manager.user_loader
def load_user(token: str) -> SignedInUser | None:
    row = db.session.get(UserSession, token)
    if row is None or not row.user.active:
        return None
    now = _now()
    idle = timedelta(minutes=current_app.config["SESSION_IDLE_MINUTES"])
    if now - _aware(row.last_seen_at) > idle:
        db.session.delete(row)
        session["expired"] = True
        # Whose session it was: a form sent now is kept for that account (see kept_forms).
        session["expired_user"] = row.user_id
        return None
    if now - _aware(row.last_seen_at) > timedelta(seconds=30):  # spare a write per request
        row.last_seen_at = now
    return SignedInUser(row.user, token)


def start(user: User) -> None:
    """Open a new session for `user`, dropping whatever the browser had (no fixation).

    Only the language chosen on the login page survives, and becomes the account's own
    when it has none yet; and a form the same account typed before its session expired.
    """
    language = session.get("language")
    kept_form = session.get("kept_form") if session.get("expired_user") == user.id else None
    session.clear()
    if language:
        session["language"] = language
        user.language = user.language or language
    if kept_form:
        session["kept_form"] = kept_form
    now = _now()
    token = secrets.token_urlsafe(32)
    db.session.add(UserSession(token=token, user=user, created_at=now, last_seen_at=now))
    user.last_login_at = now
    db.session.flush()
    login_user(SignedInUser(user, token))


def end(token: str | None) -> None:
    """End the current session on the server and in the browser."""
    if token:
        db.session.execute(delete(UserSession).where(UserSession.token == token))
    logout_user()
    session.clear()


def end_all(user: User) -> None:
    """End every session of an account (deactivated, or password reset)."""
    db.session.execute(delete(UserSession).where(UserSession.user_id == user.id))
