"""Indexes for every list: default sorts with their tie-breaker, filters, and searches; a change counter

The change counter (one row of data_version) tells every server process when figures it
keeps for ended periods are stale (see models/changes.py).

The lists sort by a column then by id, and read a page through an index on both; the
filters of the large tables have indexes of their own. On PostgreSQL the free-text search
("contains") of the lists is served by trigram indexes (the pg_trgm extension, which ships
with PostgreSQL): when the extension cannot be created (not installed on the server, or the
account may not create it), the migration says so and goes on without them; searches then
read the tables as before.

On SQLite the rule that two stays of a unit never share a night reads one neighbouring stay
through the index on (unit, entry date) instead of every stay of the unit: the stays already
stored never overlap, so only the last one entering before the new stay leaves can meet it.

Revision ID: a7c3e5f19b20
Revises: c4e7a1b9d3f2
Create Date: 2026-12-04 16:40:00.000000

"""

import logging

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "a7c3e5f19b20"
down_revision = "c4e7a1b9d3f2"
branch_labels = None
depends_on = None

log = logging.getLogger("alembic.runtime.migration")

INDEXES = {
    "ix_housing_stay_entry_date_id": ("housing_stay", ["entry_date", "id"]),
    "ix_housing_stay_unit_id_entry_date": ("housing_stay", ["unit_id", "entry_date"]),
    "ix_housing_stay_exit_date": ("housing_stay", ["exit_date"]),
    "ix_housing_stay_destination": ("housing_stay", ["destination"]),
    "ix_agreement_valid_from_id": ("agreement", ["valid_from", "id"]),
    "ix_awareness_action_held_on_id": ("awareness_action", ["held_on", "id"]),
    "ix_workshop_session_held_on_id": ("workshop_session", ["held_on", "id"]),
    "ix_workshop_session_workshop_id": ("workshop_session", ["workshop_id"]),
    "ix_person_last_name_id": ("person", ["last_name", "id"]),
    "ix_platform_membership_starts_on_id": ("platform_membership", ["starts_on", "id"]),
    "ix_platform_meeting_held_on_id": ("platform_meeting", ["held_on", "id"]),
    "ix_training_title_id": ("training", ["title", "id"]),
    "ix_training_session_held_on_id": ("training_session", ["held_on", "id"]),
    "ix_audit_entry_at_id": ("audit_entry", ["at", "id"]),
}

# The text columns the lists search with "contains" (PostgreSQL only).
SEARCHED = {
    "housing_stay": ["household_code"],
    "organisation": ["name", "short_name", "email"],
    "person": ["last_name", "first_name", "job_title", "email"],
    "agreement": ["title", "reference"],
    "audit_entry": ["username", "record_label", "table_name"],
    "awareness_action": ["title"],
    "workshop": ["name", "place"],
    "workshop_session": ["notes"],
    "training": ["title"],
    "training_session": ["place"],
    "platform_meeting": ["place", "agenda"],
}

UNIT_FREE = "ex_housing_stay_entry_date_unit_free"
ENTRY_WITHIN = "ck_housing_stay_entry_date_within_availability"
EXIT_WITHIN = "ck_housing_stay_exit_date_within_availability"


def sqlite_stay_rules(neighbour_only: bool) -> str:
    """The SQLite rules of a stay: within availability, and no night shared."""
    if neighbour_only:
        # The other stay entering last before the new one leaves; stays of no night
        # (exit on the entry day) share none, and are passed over.
        overlap = f"""
    SELECT RAISE(ABORT, '{UNIT_FREE}') FROM (
        SELECT o.exit_date FROM housing_stay o
        WHERE o.unit_id = NEW.unit_id AND o.id IS NOT NEW.id
          AND o.entry_date < coalesce(NEW.exit_date, '9999-12-31')
          AND coalesce(o.exit_date, '9999-12-31') > o.entry_date
        ORDER BY o.entry_date DESC LIMIT 1) last
    WHERE NEW.entry_date < coalesce(last.exit_date, '9999-12-31')
      AND coalesce(NEW.exit_date, '9999-12-31') > NEW.entry_date;"""
    else:
        overlap = f"""
    SELECT RAISE(ABORT, '{UNIT_FREE}') FROM housing_stay o
        WHERE o.unit_id = NEW.unit_id AND o.id IS NOT NEW.id
          AND o.entry_date < coalesce(NEW.exit_date, '9999-12-31')
          AND NEW.entry_date < coalesce(o.exit_date, '9999-12-31')
          AND coalesce(o.exit_date, '9999-12-31') > o.entry_date
          AND coalesce(NEW.exit_date, '9999-12-31') > NEW.entry_date;"""
    return f"""
    SELECT RAISE(ABORT, '{ENTRY_WITHIN}') FROM housing_unit u
        WHERE u.id = NEW.unit_id
          AND (NEW.entry_date < u.available_from OR NEW.entry_date > u.available_until);
    SELECT RAISE(ABORT, '{EXIT_WITHIN}') FROM housing_unit u
        WHERE u.id = NEW.unit_id AND NEW.exit_date > date(u.available_until, '+1 day');
    {overlap}
"""


def replace_sqlite_stay_triggers(neighbour_only: bool) -> None:
    rules = sqlite_stay_rules(neighbour_only)
    op.execute("DROP TRIGGER housing_stay_rules_on_insert")
    op.execute("DROP TRIGGER housing_stay_rules_on_update")
    op.execute(
        f"CREATE TRIGGER housing_stay_rules_on_insert BEFORE INSERT ON housing_stay "
        f"BEGIN {rules} END"
    )
    op.execute(
        "CREATE TRIGGER housing_stay_rules_on_update "
        "BEFORE UPDATE OF unit_id, entry_date, exit_date ON housing_stay "
        f"BEGIN {rules} END"
    )


def trigram_schema(connection) -> str | None:
    """The schema of pg_trgm, created if need be; None when it cannot be."""
    found = "SELECT n.nspname FROM pg_extension e JOIN pg_namespace n ON n.oid = e.extnamespace"
    query = sa.text(f"{found} WHERE e.extname = 'pg_trgm'")
    if schema := connection.scalar(query):
        return schema
    available = connection.scalar(
        sa.text("SELECT count(*) FROM pg_available_extensions WHERE name = 'pg_trgm'")
    )
    if not available:
        log.warning("pg_trgm is not installed on this server: searches go without trigram indexes")
        return None
    # In the public schema when there is one: an extension created in a schema that is
    # later dropped would take every trigram index with it.
    public = connection.scalar(
        sa.text("SELECT count(*) FROM pg_namespace WHERE nspname = 'public'")
    )
    try:
        with connection.begin_nested():
            connection.execute(
                sa.text(
                    "CREATE EXTENSION IF NOT EXISTS pg_trgm" + (" SCHEMA public" if public else "")
                )
            )
    except sa.exc.DBAPIError as error:
        if schema := connection.scalar(query):  # created meanwhile by someone else
            return schema
        log.warning(
            "pg_trgm could not be created (%s): searches go without trigram indexes", error.orig
        )
        return None
    return connection.scalar(query)


def upgrade():
    counter = op.create_table(
        "data_version",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_data_version")),
    )
    op.bulk_insert(counter, [{"id": 1, "number": 0}])
    for name, (table, columns) in INDEXES.items():
        op.create_index(name, table, columns)
    connection = op.get_bind()
    if connection.dialect.name != "postgresql":
        replace_sqlite_stay_triggers(neighbour_only=True)
        return
    schema = trigram_schema(connection)
    if schema is None:
        return
    for table, columns in SEARCHED.items():
        for column in columns:
            op.execute(
                f'CREATE INDEX "ix_{table}_{column}_trgm" ON {table} '
                f'USING gin ({column} "{schema}".gin_trgm_ops)'
            )


def downgrade():
    connection = op.get_bind()
    if connection.dialect.name == "postgresql":
        for table, columns in SEARCHED.items():
            for column in columns:
                op.execute(f'DROP INDEX IF EXISTS "ix_{table}_{column}_trgm"')
    else:
        replace_sqlite_stay_triggers(neighbour_only=False)
    for name, (table, _columns) in INDEXES.items():
        op.drop_index(name, table_name=table)
    op.drop_table("data_version")
