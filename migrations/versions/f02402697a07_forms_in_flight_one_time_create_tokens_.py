"""Forms in flight: one-time create tokens, forms kept across an expired session

Revision ID: f02402697a07
Revises: 3c1f7a9d2b64
Create Date: 2026-12-03 18:33:42.757247

"""

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "f02402697a07"
down_revision = "3c1f7a9d2b64"
branch_labels = None
depends_on = None


def upgrade():
    op.create_table(
        "submitted_form",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("table_name", sa.String(length=64), nullable=False),
        sa.Column("record_id", sa.Integer(), nullable=False),
        sa.Column("submitted_at", sa.DateTime(timezone=True), nullable=False),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_submitted_form")),
    )
    with op.batch_alter_table("submitted_form", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_submitted_form_submitted_at"), ["submitted_at"], unique=False
        )

    op.create_table(
        "kept_form",
        sa.Column("token", sa.String(length=64), nullable=False),
        sa.Column("user_id", sa.Integer(), nullable=False),
        sa.Column("path", sa.String(length=2000), nullable=False),
        sa.Column("fields", sa.JSON(), nullable=False),
        sa.Column("kept_at", sa.DateTime(timezone=True), nullable=False),
        sa.ForeignKeyConstraint(
            ["user_id"],
            ["user_account.id"],
            name=op.f("fk_kept_form_user_id_user_account"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint("token", name=op.f("pk_kept_form")),
    )
    with op.batch_alter_table("kept_form", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_kept_form_kept_at"), ["kept_at"], unique=False)
        batch_op.create_index(batch_op.f("ix_kept_form_user_id"), ["user_id"], unique=False)


def downgrade():
    with op.batch_alter_table("kept_form", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_kept_form_user_id"))
        batch_op.drop_index(batch_op.f("ix_kept_form_kept_at"))

    op.drop_table("kept_form")
    with op.batch_alter_table("submitted_form", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_submitted_form_submitted_at"))

    op.drop_table("submitted_form")
