"""The audit log: who did what to which record, and when. Written by the app, never edited."""

from __future__ import annotations

import enum
from datetime import datetime

from sqlalchemy import JSON, DateTime, String
from sqlalchemy.orm import Mapped, mapped_column

from .base import db, one_of


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
    at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
    username: Mapped[str | None] = mapped_column(String(80), index=True)
    action: Mapped[str] = one_of(AuditAction, 20, index=True)
    table_name: Mapped[str | None] = mapped_column(String(60), index=True)
    record_id: Mapped[int | None]
    record_label: Mapped[str | None] = mapped_column(String(200))
    # {field: [old, new]} for changes; sensitive values are masked before they get here.
    changes: Mapped[dict | None] = mapped_column(JSON)
    detail: Mapped[str | None] = mapped_column(String(300))
    address: Mapped[str | None] = mapped_column(String(64))

    def __str__(self) -> str:
        return f"{self.at:%Y-%m-%d %H:%M} {self.username or '-'} {self.action}"
