"""A table for the journal's own ID, which every mentor summary carries from now on.

A summary named its writer only by the signature (`export --from`): two people who sign
alike were told apart by their dates alone, and one who changed their signature read as two.
The ID (`store.JOURNAL_ID_BYTES` random bytes as hex, from `secrets`) says which journal a
summary comes from and nothing of who writes it; `review` joins summaries by it.

The table holds one row at most (`slot` is 1). This revision makes it empty, in an existing
journal as in a new one: the ID is made by the journal's first summary (`Store.journal_id`),
or taken from a backup imported into it (`Store.take_journal_id`), not here. A journal made at
once from `schema.sql` must be the very file the revisions make (tests/test_new_journal.py),
which one random value in each could not be; and a journal copied before it ever exports (a
template, a demo) gets an ID of its own. A copy of a journal that has exported keeps its ID,
as it is the same journal.

Revision ID: 0012
Revises: 0011
Create Date: 2026-12-07
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0012"
down_revision = "0011"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "journal",
        sa.Column("slot", sa.Integer(), primary_key=True),
        sa.Column("id", sa.Text(), nullable=False),
        sa.CheckConstraint("slot = 1", name="one_row"),
    )


def downgrade() -> None:
    """The older code reads no ID: the table goes, and with it the ID (a later upgrade and
    export make a new one, so summaries from before and after read as two journals')."""
    op.drop_table("journal")
