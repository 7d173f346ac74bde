"""Forms in flight: a create form saved once only, and what was typed when a session expired."""

from __future__ import annotations

from datetime import datetime

from sqlalchemy import JSON, DateTime, ForeignKey, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import db


class SubmittedForm(db.Model):
    """A create form that was saved: its one-time token and the record it made.

    A double click, or a retry after a timeout whose first try was in fact saved, sends the
    same token again; the second submission then finds this row instead of a second record.
    The token is the primary key, so two submissions racing each other cannot both win.
    """

    __tablename__ = "submitted_form"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    table_name: Mapped[str] = mapped_column(String(64))
    record_id: Mapped[int]
    submitted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)


class KeptForm(db.Model):
    """What someone typed into a form sent after their session had expired.

    Given back, never saved, to the same account once it has logged in again, then deleted.
    """

    __tablename__ = "kept_form"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    path: Mapped[str] = mapped_column(String(2000))
    # The submitted fields as [name, value] pairs (a field may repeat), CSRF token left out.
    fields: Mapped[list] = mapped_column(JSON)
    kept_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
