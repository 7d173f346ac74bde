"""Material languages in a table of their own, one row per material and language

The comma-separated codes of communication_material.languages (with a check listing every
ordered subset) become rows of communication_material_language; every material keeps its
languages, and a downgrade writes them back as before.

Revision ID: 7d3e9b1c5a20
Revises: f02402697a07
Create Date: 2026-12-04 16:40:00.000000

"""

from collections.abc import Iterator
from contextlib import contextmanager
from itertools import combinations

import sqlalchemy as sa
from alembic import op

# revision identifiers, used by Alembic.
revision = "7d3e9b1c5a20"
down_revision = "f02402697a07"
branch_labels = None
depends_on = None

# The codes as they stood when this migration was written, in Belgian order.
LANGUAGES = ("fr", "nl", "de", "en")

material = sa.table(
    "communication_material", sa.column("id", sa.Integer), sa.column("languages", sa.String)
)
material_language = sa.table(
    "communication_material_language",
    sa.column("material_id", sa.Integer),
    sa.column("language", sa.String),
)
action_material = sa.table(
    "awareness_action_material",
    sa.column("action_id", sa.Integer),
    sa.column("material_id", sa.Integer),
)


@contextmanager
def rebuilt_materials(connection) -> Iterator[None]:
    """Around a change SQLite makes by rebuilding communication_material.

    Dropping the old table would be refused while awareness actions link to materials
    (ON DELETE RESTRICT): the links are set aside meanwhile, then put back as they were.
    PostgreSQL alters the table in place.
    """
    if connection.dialect.name != "sqlite":
        yield
        return
    links = [dict(row._mapping) for row in connection.execute(sa.select(action_material))]
    connection.execute(action_material.delete())
    yield
    if links:
        connection.execute(action_material.insert(), links)


def upgrade():
    connection = op.get_bind()
    stored = connection.execute(
        sa.select(material.c.id, material.c.languages).where(material.c.languages.is_not(None))
    ).all()
    with (
        rebuilt_materials(connection),
        op.batch_alter_table("communication_material", schema=None) as batch_op,
    ):
        batch_op.drop_constraint(
            batch_op.f("ck_communication_material_languages_valid"), type_="check"
        )
        batch_op.drop_column("languages")
    op.create_table(
        "communication_material_language",
        sa.Column("material_id", sa.Integer(), nullable=False),
        sa.Column("language", sa.String(length=2), nullable=False),
        sa.CheckConstraint(
            "language IN ('fr', 'nl', 'de', 'en')",
            name=op.f("ck_communication_material_language_language_valid"),
        ),
        sa.ForeignKeyConstraint(
            ["material_id"],
            ["communication_material.id"],
            name=op.f("fk_communication_material_language_material_id_communication_material"),
            ondelete="CASCADE",
        ),
        sa.PrimaryKeyConstraint(
            "material_id", "language", name=op.f("pk_communication_material_language")
        ),
    )
    rows = [
        {"material_id": material_id, "language": code}
        for material_id, languages in stored
        for code in languages.split(",")
    ]
    if rows:
        connection.execute(material_language.insert(), rows)


def downgrade():
    subsets = [
        ",".join(subset)
        for size in range(1, len(LANGUAGES) + 1)
        for subset in combinations(LANGUAGES, size)
    ]
    with op.batch_alter_table("communication_material", schema=None) as batch_op:
        batch_op.add_column(sa.Column("languages", sa.String(length=11), nullable=True))
    connection = op.get_bind()
    chosen: dict[int, set[str]] = {}
    for material_id, code in connection.execute(
        sa.select(material_language.c.material_id, material_language.c.language)
    ):
        chosen.setdefault(material_id, set()).add(code)
    for material_id, codes in chosen.items():
        connection.execute(
            material.update()
            .where(material.c.id == material_id)
            .values(languages=",".join(code for code in LANGUAGES if code in codes))
        )
    with (
        rebuilt_materials(connection),
        op.batch_alter_table("communication_material", schema=None) as batch_op,
    ):
        batch_op.create_check_constraint(
            batch_op.f("ck_communication_material_languages_valid"),
            "languages IN ({})".format(", ".join(f"'{subset}'" for subset in subsets)),
        )
    op.drop_table("communication_material_language")
