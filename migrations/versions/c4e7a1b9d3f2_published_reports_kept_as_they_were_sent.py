"""Published reports: each version of a year's report kept as it was sent, audited

Revision ID: c4e7a1b9d3f2
Revises: 8b3f1c6d92e4
Create Date: 2026-12-04 16:55:00

"""

import sqlalchemy as sa
from alembic import op

revision = "c4e7a1b9d3f2"
down_revision = "8b3f1c6d92e4"
branch_labels = None
depends_on = None

ACTIONS = ("create", "update", "delete", "export", "login", "login_failed", "logout", "denied")


def _audit_actions(actions: tuple[str, ...]) -> None:
    listed = ", ".join(f"'{action}'" for action in actions)
    with op.batch_alter_table("audit_entry", schema=None) as batch_op:
        batch_op.drop_constraint(op.f("ck_audit_entry_action_valid"), type_="check")
        batch_op.create_check_constraint(
            op.f("ck_audit_entry_action_valid"), sa.text(f"action IN ({listed})")
        )


def upgrade():
    op.create_table(
        "published_report",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("year", sa.Integer(), nullable=False),
        sa.Column("number", sa.Integer(), nullable=False),
        sa.Column("published_at", sa.DateTime(timezone=True), nullable=False),
        sa.Column("published_by", sa.String(length=80), nullable=False),
        sa.Column("figures", sa.JSON(), nullable=False),
        sa.Column("labels", sa.JSON(), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_report")),
        sa.UniqueConstraint("year", "number", name=op.f("uq_published_report_year_number")),
    )
    with op.batch_alter_table("published_report", schema=None) as batch_op:
        batch_op.create_index(batch_op.f("ix_published_report_year"), ["year"], unique=False)
    op.create_table(
        "published_file",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("report_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=8), nullable=False),
        sa.Column("kind", sa.String(length=8), nullable=False),
        sa.Column("content", sa.LargeBinary(), nullable=False),
        sa.Column("checksum", sa.String(length=64), nullable=False),
        sa.ForeignKeyConstraint(
            ["report_id"],
            ["published_report.id"],
            name=op.f("fk_published_file_report_id_published_report"),
            ondelete="RESTRICT",
        ),
        sa.PrimaryKeyConstraint("id", name=op.f("pk_published_file")),
        sa.UniqueConstraint(
            "report_id", "language", "kind", name=op.f("uq_published_file_report_id_language_kind")
        ),
    )
    with op.batch_alter_table("published_file", schema=None) as batch_op:
        batch_op.create_index(
            batch_op.f("ix_published_file_report_id"), ["report_id"], unique=False
        )
    _audit_actions((*ACTIONS, "publish"))


def downgrade():
    op.execute(sa.text("DELETE FROM audit_entry WHERE action = 'publish'"))
    _audit_actions(ACTIONS)
    with op.batch_alter_table("published_file", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_published_file_report_id"))
    op.drop_table("published_file")
    with op.batch_alter_table("published_report", schema=None) as batch_op:
        batch_op.drop_index(batch_op.f("ix_published_report_year"))
    op.drop_table("published_report")
