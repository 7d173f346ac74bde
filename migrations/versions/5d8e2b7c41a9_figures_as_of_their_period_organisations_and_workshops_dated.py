"""Figures as of their period: organisations and workshops carry their dates

An organisation is in the network from joined_on until left_on; a workshop is held from
starts_on until ends_on. Existing rows had no such date: they are taken as there since
1990-01-01 (the earliest year the figures cover), so past figures keep counting them; rows
already archived are taken as having left on the day of this migration, the latest day
they are known to have been there.

Revision ID: 5d8e2b7c41a9
Revises: 7d3e9b1c5a20
Create Date: 2026-12-04 16:40:00

"""

import sqlalchemy as sa
from alembic import op

revision = "5d8e2b7c41a9"
down_revision = "7d3e9b1c5a20"
branch_labels = None
depends_on = None

EARLIEST = sa.text("'1990-01-01'")


def _add_period(table: str, start: str, end: str) -> None:
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.add_column(sa.Column(start, sa.Date(), nullable=False, server_default=EARLIEST))
        batch_op.add_column(sa.Column(end, sa.Date(), nullable=True))
    op.execute(
        sa.text(f"UPDATE {table} SET {end} = CURRENT_DATE WHERE NOT active AND {end} IS NULL")
    )
    with op.batch_alter_table(table, schema=None) as batch_op:
        batch_op.alter_column(start, server_default=None)
        batch_op.create_check_constraint(
            op.f(f"ck_{table}_{end}_after_{start}"), sa.text(f"{end} IS NULL OR {end} >= {start}")
        )


def upgrade():
    _add_period("organisation", "joined_on", "left_on")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_organisation_joined_on"), ["joined_on"], unique=False)
    _add_period("workshop", "starts_on", "ends_on")


def downgrade():
    with op.batch_alter_table("workshop", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_workshop_ends_on_after_starts_on"), type_="check")
        batch_op.drop_column("ends_on")
        batch_op.drop_column("starts_on")
    with op.batch_alter_table("organisation", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_organisation_left_on_after_joined_on"), type_="check")
        batch_op.drop_index(batch_op.f("ix_organisation_joined_on"))
        batch_op.drop_column("left_on")
        batch_op.drop_column("joined_on")
