"""A create form is saved once, however often it is sent.

Each create form carries a one-time token. Saving the record stores the token with it, in
the same transaction; the token is the primary key of its row, so a double click or a
retry after a timeout finds the record made the first time instead of making another.
"""

from __future__ import annotations

import re
import secrets
from datetime import UTC, datetime, timedelta

from sqlalchemy import delete

from models import db
from models.forms import SubmittedForm

FIELD = "submission_token"
# Long enough for any retry; old tokens are pruned as new ones are stored.
KEPT_FOR = timedelta(days=7)


# What new_token makes; anything else sent in the field is no token (and never reaches a
# query: PostgreSQL refuses a NUL in text).
TOKEN = re.compile(r"[A-Za-z0-9_-]{16,64}")


def _valid(token: str | None) -> str | None:
    return token if token and TOKEN.fullmatch(token) else None


def new_token() -> str:
    return secrets.token_urlsafe(24)


def record_made_by(token: str | None, model) -> int | None:
    """Return the id of the `model` record this token already made, if any."""
    if not (token := _valid(token)):
        return None
    row = db.session.get(SubmittedForm, token)
    if row is None or row.table_name != model.__tablename__:
        return None
    return row.record_id


def remember(token: str | None, record) -> None:
    """Store the token beside the new record, in the transaction that saves it."""
    if not (token := _valid(token)):
        return
    now = datetime.now(UTC)
    db.session.execute(delete(SubmittedForm).where(SubmittedForm.submitted_at < now - KEPT_FOR))
    db.session.flush()  # gives the record its id
    db.session.add(
        SubmittedForm(
            token=token,
            table_name=record.__tablename__,
            record_id=record.id,
            submitted_at=now,
        )
    )
