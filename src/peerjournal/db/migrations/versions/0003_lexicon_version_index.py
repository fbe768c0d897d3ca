"""An index on the lexicon version, so `report` can count stale scores without a table scan.

Revision ID: 0003
Revises: 0002
Create Date: 2026-11-23
"""

from __future__ import annotations

from alembic import op

revision = "0003"
down_revision = "0002"
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_index("ix_entry_lexicon_version", "entry", ["deleted_at", "lexicon_version"])


def downgrade() -> None:
    op.drop_index("ix_entry_lexicon_version", "entry")
