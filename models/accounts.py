"""User accounts, their server-side sessions and the login attempts that throttle guessing."""

from __future__ import annotations

import enum
from datetime import datetime

from flask_babel import lazy_gettext as _
from sqlalchemy import DateTime, ForeignKey, String, func, text
from sqlalchemy.orm import Mapped, mapped_column, relationship

from .base import Record, check, column, db, one_of, refers_to
from .network import Organisation


class Role(enum.StrEnum):
    ADMINISTRATOR = "administrator"
    SECRETARIAT = "secretariat"
    COORDINATOR = "coordinator"
    PARTNER = "partner"


class User(Record):
    """A person who logs in. Partners are bound to their organisation; other roles to none."""

    __tablename__ = "user_account"
    __table_args__ = (
        check(
            "partner_has_organisation",
            "(role = 'partner') = (organisation_id IS NOT NULL)",
            field="organisation",
            rule="partner_organisation",
        ),
    )

    username: Mapped[str] = column(String(80), unique=True, label=_("Username"))
    # "sensitive": the audit log says the password changed, never what it became.
    password_hash: Mapped[str] = column(String(200), label=_("Password"), info={"sensitive": True})
    role: Mapped[str] = one_of(Role, 20, label=_("Role"))
    organisation_id: Mapped[int | None] = refers_to("organisation")
    language: Mapped[str | None] = column(String(5), label=_("Language"))
    active: Mapped[bool] = mapped_column(default=True, server_default=text("true"))
    # The creation's own audit entry carries its time: no need to repeat it in the fields.
    created_at: Mapped[datetime] = column(
        DateTime(timezone=True),
        server_default=func.now(),
        label=_("Created"),
        info={"not_audited": True},
    )
    # "not_audited": the login is audited as one event; this stamp is its by-product.
    last_login_at: Mapped[datetime | None] = column(
        DateTime(timezone=True), label=_("Last login"), info={"not_audited": True}
    )

    organisation: Mapped[Organisation | None] = relationship()

    def __str__(self) -> str:
        return self.username


class UserSession(db.Model):
    """A logged-in session, kept on the server so that logout and timeouts really end it."""

    __tablename__ = "user_session"

    token: Mapped[str] = mapped_column(String(64), primary_key=True)
    user_id: Mapped[int] = mapped_column(
        ForeignKey("user_account.id", ondelete="CASCADE"), index=True
    )
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))
    last_seen_at: Mapped[datetime] = mapped_column(DateTime(timezone=True))

    user: Mapped[User] = relationship()


class LoginAttempt(db.Model):
    """A failed login, counted per username and per address to slow down guessing.

    Kept in the database so that every worker process sees the same count.
    """

    __tablename__ = "login_attempt"

    id: Mapped[int] = mapped_column(primary_key=True)
    username: Mapped[str] = mapped_column(String(80), index=True)
    address: Mapped[str] = mapped_column(String(64), index=True)
    attempted_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), index=True)
