"""The audit log: who did what to which record, and when. Written by the app, never edited."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _
from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import column, db, one_of


class AuditAction(enum.StrEnum):
    CREATE = "create"
    UPDATE = "update"
    DELETE = "delete"
    EXPORT = "export"
    LOGIN = "login"
    LOGIN_FAILED = "login_failed"
    LOGOUT = "logout"
    DENIED = "denied"
    PUBLISH = "publish"


class AuditEntry(db.Model):
    """One audited event. The user's name is copied so that the entry outlives the account."""

    __tablename__ = "audit_entry"

    id: Mapped[int] = mapped_column(primary_key=True)
    at: Mapped[datetime] = column(DateTime(timezone=True), index=True, label=_("When"))
    username: Mapped[str | None] = column(String(80), index=True, label=_("User"))
    action: Mapped[str] = one_of(AuditAction, 20, index=True, label=_("Action"))
    table_name: Mapped[str | None] = column(String(60), index=True, label=_("Records"))
    record_id: Mapped[int | None] = column(label=_("Record id"))
    record_label: Mapped[str | None] = column(String(200), label=_("Record"))
    # {field: [old, new]} for changes; sensitive values are masked before they get here.
    changes: Mapped[dict | None] = column(JSON, label=_("Changes"))
    detail: Mapped[str | None] = column(String(300), label=_("Detail"))
    address: Mapped[str | None] = column(String(64), label=_("Address (IP)"))

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action}"
