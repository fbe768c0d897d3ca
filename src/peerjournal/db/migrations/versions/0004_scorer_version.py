"""The version of the scoring code beside each stored score.

A stored score depends on the lexicon and on the code that applies it; an upgrade of
peerjournal that scores text differently leaves older scores stale, so `report` counts them and
`drift --rescore` recomputes them. Existing scores have no scorer version: they count as stale.
The index for counting stale scores covers both versions.

Revision ID: 0004
Revises: 0003
Create Date: 2026-12-03
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0004"
down_revision = "0003"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.add_column("entry", sa.Column("scorer_version", sa.Text(), nullable=True))
    op.drop_index("ix_entry_lexicon_version", "entry")
    op.create_index(
        "ix_entry_scored_with", "entry", ["deleted_at", "lexicon_version", "scorer_version"]
    )


def downgrade() -> None:
    op.drop_index("ix_entry_scored_with", "entry")
    op.create_index("ix_entry_lexicon_version", "entry", ["deleted_at", "lexicon_version"])
    op.drop_column("entry", "scorer_version")
