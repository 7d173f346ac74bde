"""A counter of changes to the records, shared by every server process.

Figures of a period that has ended are kept in memory (backoffice/dashboard/kept.py) until
the records they were computed from change. Every flush that writes a record, and every
bulk insert, update or delete made through a session, adds one to the counter, in the same
transaction: a process that reads another number knows its kept figures are stale.
Writes to accounts, sessions and the audit log do not count: no figure reads them.
"""

from __future__ import annotations

from itertools import chain

from sqlalchemy import event, select, update
from sqlalchemy.orm import Mapped, Session, mapped_column

from .base import db

NOT_COUNTED = frozenset(
    {
        "data_version",
        "audit_entry",
        "user_account",
        "user_session",
        "login_attempt",
        "submitted_form",
        "kept_form",
    }
)


class DataVersion(db.Model):
    """The one row holding the number of changes made to the records so far."""

    __tablename__ = "data_version"

    id: Mapped[int] = mapped_column(primary_key=True)
    number: Mapped[int]


def current(session: Session) -> int | None:
    """The number of changes so far; None when the counter is missing (no figure is kept)."""
    return session.scalar(select(DataVersion.number).where(DataVersion.id == 1))


def _count(session: Session) -> None:
    session.connection().execute(
        update(DataVersion).where(DataVersion.id == 1).values(number=DataVersion.number + 1)
    )


@event.listens_for(Session, "after_flush")
def _count_flush(session: Session, _context) -> None:
    written = chain(session.new, session.dirty, session.deleted)
    if any(getattr(record, "__tablename__", None) not in NOT_COUNTED for record in written):
        _count(session)


@event.listens_for(Session, "do_orm_execute")
def _count_statement(state) -> None:
    if state.is_insert or state.is_update or state.is_delete:
        table = getattr(state.statement, "table", None)
        if table is not None and table.name not in NOT_COUNTED:
            _count(state.session)
