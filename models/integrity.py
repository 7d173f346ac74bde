"""Which constraint a failed write violated, read from the database's own error."""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from sqlalchemy import CheckConstraint, MetaData
from sqlalchemy.exc import IntegrityError


@dataclass
class Violation:
    """A violated constraint: its kind, the columns it concerns and, for checks, its rule."""

    kind: str  # "unique", "check", "foreign_key", "not_null" or "unknown"
    columns: list[str] = field(default_factory=list)
    rule: str | None = None


_SQLITE = re.compile(r"(UNIQUE|CHECK|NOT NULL|FOREIGN KEY) constraint failed(?:: (.*))?")
_PG_KINDS = {
    "23505": "unique",
    "23514": "check",
    "23503": "foreign_key",
    "23502": "not_null",
    "23P01": "exclusion",
}


def violation(metadata: MetaData, error: IntegrityError) -> Violation:
    """Describe the constraint behind an IntegrityError on SQLite or PostgreSQL."""
    orig = error.orig
    diag = getattr(orig, "diag", None)
    if diag is not None:  # PostgreSQL names the constraint and the kind
        kind = _PG_KINDS.get(getattr(orig, "sqlstate", None) or "", "unknown")
        if kind == "not_null":
            return Violation(kind, [diag.column_name] if diag.column_name else [])
        return by_name(metadata, kind, diag.constraint_name)
    match = _SQLITE.search(str(orig))
    if not match:
        # A trigger's RAISE(ABORT, '<rule name>'): the rules SQLite checks with triggers.
        found = by_name(metadata, "check", str(orig).strip())
        return found if found.rule else Violation("unknown")
    kind = match.group(1).lower().replace(" ", "_")
    detail = (match.group(2) or "").strip()
    if kind == "check":
        return by_name(metadata, kind, detail)
    if kind in ("unique", "not_null") and detail:
        if detail.startswith("index "):
            return by_name(metadata, kind, detail.removeprefix("index ").strip("'"))
        return Violation(kind, [c.strip().split(".")[-1] for c in detail.split(",")])
    return Violation(kind)


def by_name(metadata: MetaData, kind: str, name: str | None) -> Violation:
    """Describe the constraint (or trigger rule) called `name`, violated as `kind`."""
    for table in metadata.tables.values():
        # Rules a trigger enforces are named in the table's info: {name: {field, rule}}.
        if name in table.info.get("trigger_rules", {}):
            return _described(kind, table.info["trigger_rules"][name])
        for constraint in [*table.constraints, *table.indexes]:
            if constraint.name != name:
                continue
            if isinstance(constraint, CheckConstraint) or "field" in constraint.info:
                return _described(kind, constraint.info)
            return Violation(kind, [c.name for c in constraint.columns])
    return Violation(kind)


def _described(kind: str, info: dict) -> Violation:
    return Violation(kind, [info["field"]] if "field" in info else [], info.get("rule"))
