"""Workshop schedule structured: which weekday of the month, from which hour to which

The report writes a workshop's schedule in each language from these fields. Existing
workshops keep the rule the figures already assumed for all of them (the first Wednesday of
the month); their hours are read from the typed schedule when it states them ("de 14 h à
16 h", "14:00-16:00"), and the typed text stays as it was.

Revision ID: 8b3f1c6d92e4
Revises: 5d8e2b7c41a9
Create Date: 2026-12-04 16:45:00

"""

import re
from datetime import time

import sqlalchemy as sa
from alembic import op

revision = "8b3f1c6d92e4"
down_revision = "5d8e2b7c41a9"
branch_labels = None
depends_on = None

# Two times of day in typed text: "14 h", "14h30", "14:00", "14.30".
_HOURS = re.compile(
    r"(\d{1,2})\s*(?:h|:|\.|u|uhr)\s*(\d{2})?\D+?(\d{1,2})\s*(?:h|:|\.|u|uhr)\s*(\d{2})?", re.I
)


def _hours(text: str | None) -> tuple[time, time] | None:
    found = _HOURS.search(text or "")
    if not found:
        return None
    start_h, start_m, end_h, end_m = found.groups()
    try:
        start, end = time(int(start_h), int(start_m or 0)), time(int(end_h), int(end_m or 0))
    except ValueError:
        return None
    return (start, end) if end > start else None


def upgrade():
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.add_column(
            sa.Column("week_of_month", sa.Integer(), server_default=sa.text("1"), nullable=False)
        )
        batch_op.add_column(
            sa.Column("weekday", sa.Integer(), server_default=sa.text("2"), nullable=False)
        )
        batch_op.add_column(sa.Column("starts_at", sa.Time(), nullable=True))
        batch_op.add_column(sa.Column("ends_at", sa.Time(), nullable=True))
        batch_op.create_check_constraint(
            op.f("ck_workshop_week_of_month_valid"), sa.text("week_of_month IN (1, 2, 3, 4, -1)")
        )
        batch_op.create_check_constraint(
            op.f("ck_workshop_weekday_valid"), sa.text("weekday BETWEEN 0 AND 6")
        )
        batch_op.create_check_constraint(
            op.f("ck_workshop_ends_at_after_starts_at"),
            sa.text("ends_at IS NULL OR starts_at IS NULL OR ends_at > starts_at"),
        )
    workshop = sa.table(
        "workshop",
        sa.column("id", sa.Integer),
        sa.column("schedule", sa.String),
        sa.column("starts_at", sa.Time),
        sa.column("ends_at", sa.Time),
    )
    connection = op.get_bind()
    for id_, schedule in connection.execute(sa.select(workshop.c.id, workshop.c.schedule)).all():
        hours = _hours(schedule)
        if hours:
            connection.execute(
                workshop.update()
                .where(workshop.c.id == id_)
                .values(starts_at=hours[0], ends_at=hours[1])
            )


def downgrade():
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_workshop_ends_at_after_starts_at"), type_="check")
        batch_op.drop_constraint(op.f("ck_workshop_weekday_valid"), type_="check")
        batch_op.drop_constraint(op.f("ck_workshop_week_of_month_valid"), type_="check")
        batch_op.drop_column("ends_at")
        batch_op.drop_column("starts_at")
        batch_op.drop_column("weekday")
        batch_op.drop_column("week_of_month")
