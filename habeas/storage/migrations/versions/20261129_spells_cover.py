"""spells: a covering index for counts and lists on a date

Revision ID: 20261129_spells_cover
Revises: 20261129_web
Create Date: 2026-11-29

`count --as-of` reads only (kind, start, end, person_id) of the spells covering a day; with
person_id and organisation in the index, SQLite and PostgreSQL answer from the index alone
(50,000 persons: 60 ms -> 13 ms on SQLite).
"""

from __future__ import annotations

from alembic import op

revision = "20261129_spells_cover"
down_revision = "20261129_web"
branch_labels = None
depends_on = None


def upgrade() -> None:
    with op.batch_alter_table("spells", schema=None) as batch_op:
        batch_op.drop_index("ix_spells_kind_start")
        batch_op.create_index(
            "ix_spells_kind_start", ["kind", "start", "end", "person_id", "organisation"]
        )


def downgrade() -> None:
    with op.batch_alter_table("spells", schema=None) as batch_op:
        batch_op.drop_index("ix_spells_kind_start")
        batch_op.create_index("ix_spells_kind_start", ["kind", "start", "end"])
