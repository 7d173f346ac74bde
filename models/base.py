"""The declarative base, the shared `db` object, the base of every record and its columns."""

from __future__ import annotations

import enum
from collections.abc import Iterable, Iterator

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import CheckConstraint, Column, ForeignKey, MetaData, String, Table, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, MappedColumn, declared_attr, mapped_column

# Stable constraint names on SQLite and PostgreSQL: Alembic can address them and the
# backoffice can turn a violated constraint into a message next to the right field.
NAMING_CONVENTION = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_N_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING_CONVENTION)


db = SQLAlchemy(model_class=Base)


@event.listens_for(Engine, "connect")
def _configure_sqlite(dbapi_connection, connection_record) -> None:
    if type(dbapi_connection).__module__.startswith("sqlite3"):
        cursor = dbapi_connection.cursor()
        # SQLite ignores foreign keys unless asked on every connection; without this a
        # referenced organisation could be deleted and leave agreements pointing nowhere.
        cursor.execute("PRAGMA foreign_keys=ON")
        # Several server workers write to one file: readers never block the writer (WAL),
        # and a writer waits for another instead of failing at once.
        cursor.execute("PRAGMA journal_mode=WAL")
        cursor.execute("PRAGMA busy_timeout=5000")
        cursor.close()


class Record(db.Model):
    """An editable record: an integer id and a version counter.

    The counter makes SQLAlchemy refuse an update of a row that changed since it was
    read, so that two people editing the same record cannot silently overwrite each other.
    """

    __abstract__ = True

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}


# --- columns that carry their label and their rule ------------------------------------
# A column (or a link) carries the label the screens show for it, as Django's `verbose_name`:
# the label sits with the field it names. A rule declared with its column becomes a named
# check of the table (see `_checks`); the check's name and `info` let the backoffice show its
# message next to that field.


def labelled(label: str | None = None, **rules) -> dict:
    """The `info` of a column or a link: its label on the screens, and its rules."""
    return rules if label is None else {"label": label, **rules}


def column(*args, label: str | None = None, info: dict | None = None, **kwargs) -> MappedColumn:
    """A column with the label the screens show for it."""
    return mapped_column(*args, info=labelled(label, **(info or {})), **kwargs)


def one_of(
    choices: type[enum.Enum], length: int, *, label: str | None = None, **kwargs
) -> MappedColumn:
    """A text column holding one of the values of an enumeration."""
    return mapped_column(String(length), info=labelled(label, choices=choices), **kwargs)


def among(values: Iterable[int], *, label: str | None = None, **kwargs) -> MappedColumn:
    """A whole-number column holding one of `values` (a day of the week, a week of the month)."""
    return mapped_column(info=labelled(label, among=tuple(values)), **kwargs)


def not_negative(*args, label: str | None = None, **kwargs) -> MappedColumn:
    """A number column, zero or more (a count, a length of time)."""
    return mapped_column(*args, info=labelled(label, not_negative=True), **kwargs)


def not_before(start: str, *, label: str | None = None, **kwargs) -> MappedColumn:
    """The optional end date of a period: not before the `start` column."""
    return mapped_column(info=labelled(label, not_before=start), **kwargs)


def refers_to(table: str, *, index: bool = True, **kwargs) -> MappedColumn:
    """A reference to a record of `table`, which cannot be deleted while referred to."""
    return mapped_column(ForeignKey(f"{table}.id", ondelete="RESTRICT"), index=index, **kwargs)


def check(name: str, condition: str, *, field: str, rule: str) -> CheckConstraint:
    """A named check of a table; when refused, the message of `rule` is shown next to `field`."""
    return CheckConstraint(condition, name=name, info={"field": field, "rule": rule})


def _checks(column: Column) -> Iterator[CheckConstraint]:
    name, rules = column.name, column.info
    if "choices" in rules:
        values = ", ".join(f"'{member.value}'" for member in rules["choices"])
        yield check(f"{name}_valid", f"{name} IN ({values})", field=name, rule="choice")
    if values := rules.get("among"):
        low, high = min(values), max(values)
        if sorted(values) == list(range(low, high + 1)):
            condition = f"{name} BETWEEN {low} AND {high}"
        else:
            condition = f"{name} IN ({', '.join(map(str, values))})"
        yield check(f"{name}_valid", condition, field=name, rule="choice")
    if rules.get("not_negative"):
        yield check(f"{name}_not_negative", f"{name} >= 0", field=name, rule="negative")
    if start := rules.get("not_before"):
        condition = f"{name} IS NULL OR {name} >= {start}"
        yield check(f"{name}_after_{start}", condition, field=name, rule="order")


@event.listens_for(Column, "after_parent_attach")
def _add_checks(column: Column, table: Table) -> None:
    if isinstance(table, Table) and table.metadata is Base.metadata:
        for constraint in _checks(column):
            table.append_constraint(constraint)


def link_table(
    name: str, owner: tuple[str, str], linked: tuple[str, str], *, index_linked: bool = False
) -> Table:
    """A many-to-many link, each given as (column, table).

    Deleting the owner removes its links; deleting a linked record is refused.
    """
    (owner_column, owner_table), (linked_column, linked_table) = owner, linked
    return Table(
        name,
        db.metadata,
        Column(owner_column, ForeignKey(f"{owner_table}.id", ondelete="CASCADE"), primary_key=True),
        Column(
            linked_column,
            ForeignKey(f"{linked_table}.id", ondelete="RESTRICT"),
            primary_key=True,
            index=index_linked,
        ),
    )


def dependents(session, record: Record) -> dict[str, int]:
    """Count, per table, the rows whose restricting foreign key points at `record`.

    Deleting such a record would break those rows (the database refuses it); the
    caller can name them to the user instead.
    """
    from sqlalchemy import func, select

    table = record.__table__
    counts: dict[str, int] = {}
    for other in table.metadata.sorted_tables:
        for fk in other.foreign_keys:
            if fk.column.table is not table or (fk.ondelete or "").upper() in (
                "CASCADE",
                "SET NULL",
            ):
                continue
            count = session.scalar(
                select(func.count()).select_from(other).where(fk.parent == record.id)
            )
            if count:
                counts[other.name] = counts.get(other.name, 0) + count
    return counts
