"""What someone typed survives their session expiring: it waits for them to log in again.

A form sent after the session expired is not saved. What it held is kept on the server for
a day, under a token in the browser's cookie, and given back to the same account on the
same form once it has logged in again; saving it still takes a press of the save button.
"""

from __future__ import annotations

import secrets
from datetime import UTC, datetime, timedelta

from flask import request, session
from flask_login import current_user
from sqlalchemy import delete
from werkzeug.datastructures import MultiDict

from models import db
from models.forms import KeptForm

KEY = "kept_form"
KEPT_FOR = timedelta(days=1)
# Never kept: the form's CSRF token belongs to the expired session; passwords are never stored.
LEFT_OUT = frozenset({"csrf_token", "password", "password_confirmation"})


def keep(user_id: int) -> bool:
    """Keep the current request's form for `user_id`; False when it cannot be kept."""
    path = request.full_path
    if len(path) > 2000:
        return False
    now = datetime.now(UTC)
    db.session.execute(delete(KeptForm).where(KeptForm.kept_at < now - KEPT_FOR))
    token = secrets.token_urlsafe(24)
    fields = [[name, value] for name, value in request.form.items(multi=True)]
    db.session.add(
        KeptForm(
            token=token,
            user_id=user_id,
            path=path,
            fields=[pair for pair in fields if pair[0] not in LEFT_OUT],
            kept_at=now,
        )
    )
    db.session.flush()
    session[KEY] = token
    return True


def take() -> MultiDict | None:
    """Return, once, what the current user typed into this page's form before expiring."""
    token = session.get(KEY)
    if not token or request.method != "GET" or not current_user.is_authenticated:
        return None
    row = db.session.get(KeptForm, token)
    if row is None or row.user_id != current_user.id:
        session.pop(KEY, None)
        return None
    if row.path != request.full_path:
        return None  # kept for another page: it waits there
    session.pop(KEY, None)
    fields = MultiDict([tuple(pair) for pair in row.fields])
    db.session.delete(row)
    db.session.flush()
    return fields
