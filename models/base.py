"""The declarative base, the shared `db` object and the mixins every record uses."""

from __future__ import annotations

import enum

from flask_sqlalchemy import SQLAlchemy
from sqlalchemy import CheckConstraint, MetaData, event
from sqlalchemy.engine import Engine
from sqlalchemy.orm import DeclarativeBase, Mapped, declared_attr, mapped_column

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


class Record:
    """An editable record: an integer id and a version counter.

    The counter makes SQLAlchemy refuse an update of a row that changed since it was
    read, so that two people editing the same record cannot silently overwrite each other.
    """

    id: Mapped[int] = mapped_column(primary_key=True)
    version: Mapped[int] = mapped_column(nullable=False)

    @declared_attr.directive
    def __mapper_args__(cls) -> dict:
        return {"version_id_col": cls.version}


def one_of(column: str, choices: type[enum.Enum]) -> CheckConstraint:
    """Check that `column` holds one of the values of an enumeration."""
    values = ", ".join(f"'{member.value}'" for member in choices)
    return CheckConstraint(
        f"{column} IN ({values})", name=f"{column}_valid", info={"field": column, "rule": "choice"}
    )


def not_negative(*columns: str) -> list[CheckConstraint]:
    """Check that each count column is zero or more."""
    return [
        CheckConstraint(
            f"{c} >= 0", name=f"{c}_not_negative", info={"field": c, "rule": "negative"}
        )
        for c in columns
    ]


def period_ordered(start: str, end: str) -> CheckConstraint:
    """Check that an optional end date does not come before its start date."""
    return CheckConstraint(
        f"{end} IS NULL OR {end} >= {start}",
        name=f"{end}_after_{start}",
        info={"field": end, "rule": "order", "start": start},
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
