"""Writing the audit log: every change to a record, every export, login and refusal.

Changes are captured from the database session itself (after each flush, in the same
transaction), so no screen, command or bulk action can change a record unrecorded.
"""

from __future__ import annotations

import enum
from datetime import UTC, date, datetime, time
from decimal import Decimal

from flask import has_request_context, request
from flask_login import current_user
from sqlalchemy import event, insert, inspect
from sqlalchemy.orm import Session

from models.audit import AuditAction, AuditEntry
from models.base import Record

MASK = "•••"


def _actor() -> str | None:
    if has_request_context() and current_user and current_user.is_authenticated:
        return current_user.username
    return None


def _address() -> str | None:
    return request.remote_addr if has_request_context() else None


def _plain(value):
    if isinstance(value, datetime | date | time):
        return value.isoformat()
    if isinstance(value, Decimal):
        return str(value)
    if isinstance(value, enum.Enum):
        return value.value
    if isinstance(value, list):
        return [str(v) for v in value]
    if isinstance(value, Record):
        return str(value)
    return value


def _changes(obj: Record, kind: AuditAction) -> dict:
    """Return {field: [old, new]} of a record in this flush, sensitive values masked."""
    state = inspect(obj)
    changes = {}
    for attr in state.mapper.column_attrs:
        if attr.key in ("id", "version") or attr.columns[0].info.get("not_audited"):
            continue
        history = state.attrs[attr.key].history
        if kind == AuditAction.UPDATE and not history.has_changes():
            continue
        old = history.deleted[0] if history.deleted else (history.unchanged or [None])[0]
        new = history.added[0] if history.added else (history.unchanged or [None])[0]
        if kind == AuditAction.CREATE:
            old = None
        elif kind == AuditAction.DELETE:
            new = None
        if old is None and new is None:
            continue
        if attr.columns[0].info.get("sensitive"):
            old, new = (MASK if old is not None else None), (MASK if new is not None else None)
        changes[attr.key] = [_plain(old), _plain(new)]
    for rel in state.mapper.relationships:
        # Links (many to many) and rows owned by the record (its material's languages);
        # a foreign key is recorded as a column above.
        if rel.secondary is None and not rel.cascade.delete_orphan:
            continue
        history = state.attrs[rel.key].history
        if history.has_changes():
            before = [*history.unchanged, *history.deleted]
            after = [*history.unchanged, *history.added]
            changes[rel.info.get("audited_as", rel.key)] = [_plain(before), _plain(after)]
    return changes


def _entry(action: AuditAction, **fields) -> dict:
    return {
        "at": datetime.now(UTC),
        "username": fields.pop("username", None) or _actor(),
        "action": action,
        "address": _address(),
        **fields,
    }


def _after_flush(session: Session, flush_context) -> None:
    rows = []
    for kind, objects in (
        (AuditAction.CREATE, session.new),
        (AuditAction.UPDATE, session.dirty),
        (AuditAction.DELETE, session.deleted),
    ):
        for obj in objects:
            if not isinstance(obj, Record):
                continue
            changes = _changes(obj, kind)
            if kind == AuditAction.UPDATE and not changes:
                continue
            rows.append(
                _entry(
                    kind,
                    table_name=obj.__tablename__,
                    record_id=obj.id,
                    record_label=str(obj)[:200],
                    changes=changes,
                )
            )
    if rows:
        session.connection().execute(insert(AuditEntry), rows)


def record_event(action: AuditAction, **fields) -> None:
    """Record an event that changes no record: a login, an export, a refusal.

    Written in the current transaction, which the request commits, a refused one too.
    """
    from models import db

    db.session.execute(insert(AuditEntry), [_entry(action, **fields)])


def init_app(app) -> None:
    if not event.contains(Session, "after_flush", _after_flush):
        event.listen(Session, "after_flush", _after_flush)
