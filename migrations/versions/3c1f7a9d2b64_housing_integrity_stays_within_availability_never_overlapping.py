"""Housing integrity: a stay lies within its unit's availability and never overlaps another.

The database refuses, whatever writes to it: two stays of one unit sharing a night (an
exclusion constraint on PostgreSQL, triggers on SQLite), a stay outside its unit's
availability, and an availability that would leave existing stays outside (triggers on
both). Each refusal carries the name of a rule that says which field is wrong, so the
backoffice can show its message next to that field (see models/housing.py).

A stay occupies the nights [entry_date, exit_date), open while ongoing; a unit is
available every night from available_from to available_until, both included.

Revision ID: 3c1f7a9d2b64
Revises: eb6b468d7696
Create Date: 2026-12-03 18:30:00.000000

"""

from alembic import op

# revision identifiers, used by Alembic.
revision = "3c1f7a9d2b64"
down_revision = "eb6b468d7696"
branch_labels = None
depends_on = None

UNIT_FREE = "ex_housing_stay_entry_date_unit_free"
ENTRY_WITHIN = "ck_housing_stay_entry_date_within_availability"
EXIT_WITHIN = "ck_housing_stay_exit_date_within_availability"
FROM_COVERS = "ck_housing_unit_available_from_covers_stays"
UNTIL_COVERS = "ck_housing_unit_available_until_covers_stays"

# --- PostgreSQL ---------------------------------------------------------------------------
# A range of the unit id stands in for btree_gist's integer equality: no extension (which
# is database-wide and needs a privilege) is required.
PG_UNIT_FREE = f"""
ALTER TABLE housing_stay ADD CONSTRAINT {UNIT_FREE} EXCLUDE USING gist (
    int4range(unit_id, unit_id, '[]') WITH =,
    daterange(entry_date, exit_date, '[)') WITH &&
)
"""

PG_STAY_WITHIN = (
    f"""
CREATE FUNCTION housing_stay_within_availability() RETURNS trigger LANGUAGE plpgsql AS $$
DECLARE
    unit RECORD;
BEGIN
    -- FOR SHARE: a concurrent change of the unit's availability waits for this stay.
    SELECT available_from, available_until INTO unit
        FROM housing_unit WHERE id = NEW.unit_id FOR SHARE;
    IF NOT FOUND THEN
        RETURN NEW;  -- the foreign key reports it
    END IF;
    IF NEW.entry_date < unit.available_from OR NEW.entry_date > unit.available_until THEN
        RAISE EXCEPTION 'stay outside its unit''s availability'
            USING ERRCODE = 'check_violation', CONSTRAINT = '{ENTRY_WITHIN}',
                  TABLE = 'housing_stay', COLUMN = 'entry_date';
    END IF;
    IF NEW.exit_date > unit.available_until + 1 THEN
        RAISE EXCEPTION 'stay outside its unit''s availability'
            USING ERRCODE = 'check_violation', CONSTRAINT = '{EXIT_WITHIN}',
                  TABLE = 'housing_stay', COLUMN = 'exit_date';
    END IF;
    RETURN NEW;
END
$$
""",
    """
CREATE TRIGGER housing_stay_within_availability
    BEFORE INSERT OR UPDATE OF unit_id, entry_date, exit_date ON housing_stay
    FOR EACH ROW EXECUTE FUNCTION housing_stay_within_availability()
""",
)

PG_UNIT_COVERS = (
    f"""
CREATE FUNCTION housing_unit_covers_stays() RETURNS trigger LANGUAGE plpgsql AS $$
BEGIN
    IF EXISTS (SELECT 1 FROM housing_stay
               WHERE unit_id = NEW.id AND entry_date < NEW.available_from) THEN
        RAISE EXCEPTION 'stays of the unit fall outside its availability'
            USING ERRCODE = 'check_violation', CONSTRAINT = '{FROM_COVERS}',
                  TABLE = 'housing_unit', COLUMN = 'available_from';
    END IF;
    IF EXISTS (SELECT 1 FROM housing_stay
               WHERE unit_id = NEW.id
                 AND (entry_date > NEW.available_until
                      OR exit_date > NEW.available_until + 1)) THEN
        RAISE EXCEPTION 'stays of the unit fall outside its availability'
            USING ERRCODE = 'check_violation', CONSTRAINT = '{UNTIL_COVERS}',
                  TABLE = 'housing_unit', COLUMN = 'available_until';
    END IF;
    RETURN NEW;
END
$$
""",
    """
CREATE TRIGGER housing_unit_covers_stays
    BEFORE UPDATE OF available_from, available_until ON housing_unit
    FOR EACH ROW EXECUTE FUNCTION housing_unit_covers_stays()
""",
)

PG_DOWN = (
    "DROP TRIGGER housing_unit_covers_stays ON housing_unit",
    "DROP FUNCTION housing_unit_covers_stays()",
    "DROP TRIGGER housing_stay_within_availability ON housing_stay",
    "DROP FUNCTION housing_stay_within_availability()",
    f"ALTER TABLE housing_stay DROP CONSTRAINT {UNIT_FREE}",
)

# --- SQLite -------------------------------------------------------------------------------
# Dates are ISO text: they compare as dates. RAISE(ABORT, name) fails the statement with
# a constraint error whose message is the rule's name.
SQLITE_STAY_RULES = f"""
    SELECT RAISE(ABORT, '{ENTRY_WITHIN}') FROM housing_unit u
        WHERE u.id = NEW.unit_id
          AND (NEW.entry_date < u.available_from OR NEW.entry_date > u.available_until);
    SELECT RAISE(ABORT, '{EXIT_WITHIN}') FROM housing_unit u
        WHERE u.id = NEW.unit_id AND NEW.exit_date > date(u.available_until, '+1 day');
    SELECT RAISE(ABORT, '{UNIT_FREE}') FROM housing_stay o
        WHERE o.unit_id = NEW.unit_id AND o.id IS NOT NEW.id
          AND o.entry_date < coalesce(NEW.exit_date, '9999-12-31')
          AND NEW.entry_date < coalesce(o.exit_date, '9999-12-31')
          AND coalesce(o.exit_date, '9999-12-31') > o.entry_date
          AND coalesce(NEW.exit_date, '9999-12-31') > NEW.entry_date;
"""

SQLITE_TRIGGERS = {
    "housing_stay_rules_on_insert": f"""
CREATE TRIGGER housing_stay_rules_on_insert BEFORE INSERT ON housing_stay
BEGIN {SQLITE_STAY_RULES} END
""",
    "housing_stay_rules_on_update": f"""
CREATE TRIGGER housing_stay_rules_on_update
BEFORE UPDATE OF unit_id, entry_date, exit_date ON housing_stay
BEGIN {SQLITE_STAY_RULES} END
""",
    "housing_unit_covers_stays": f"""
CREATE TRIGGER housing_unit_covers_stays
BEFORE UPDATE OF available_from, available_until ON housing_unit
BEGIN
    SELECT RAISE(ABORT, '{FROM_COVERS}') WHERE EXISTS (
        SELECT 1 FROM housing_stay
        WHERE unit_id = NEW.id AND entry_date < NEW.available_from);
    SELECT RAISE(ABORT, '{UNTIL_COVERS}') WHERE EXISTS (
        SELECT 1 FROM housing_stay
        WHERE unit_id = NEW.id
          AND (entry_date > NEW.available_until
               OR exit_date > date(NEW.available_until, '+1 day')));
END
""",
}


def upgrade():
    if op.get_bind().dialect.name == "postgresql":
        for statement in (PG_UNIT_FREE, *PG_STAY_WITHIN, *PG_UNIT_COVERS):
            op.execute(statement)
    else:
        for statement in SQLITE_TRIGGERS.values():
            op.execute(statement)


def downgrade():
    if op.get_bind().dialect.name == "postgresql":
        for statement in PG_DOWN:
            op.execute(statement)
    else:
        for name in SQLITE_TRIGGERS:
            op.execute(f"DROP TRIGGER {name}")
