"""A stored tag loses the full stop after it: "handover." is "handover", as a tag typed now is.

`entry.normalise_tag` no longer keeps a full stop (or a dash) at the end of a tag's words, so
`list --tag handover.` looks for "handover"; tags stored before kept theirs, and no typed tag
could find them. Each such tag is stored as `normalise_tag` makes it now (`rtrim` of the dots
and dashes at its end); an entry that carries both spellings keeps one tag. A tag that would
be left empty (one of dots alone, which no version accepted) stays as it is. No entry's text,
date or last change time changes.

Revision ID: 0011
Revises: 0010
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

revision = "0011"
down_revision = "0010"
branch_labels = None
depends_on = None

TRIMMED = "rtrim(tag, '.-')"
ENDS_IN_A_STOP = f"tag GLOB '*.' AND {TRIMMED} != ''"


def upgrade() -> None:
    # (the primary key is the entry and the tag: a spelling it already has is not added twice)
    op.execute(
        f"INSERT OR IGNORE INTO entry_tag (entry_id, tag) "
        f"SELECT entry_id, {TRIMMED} FROM entry_tag WHERE {ENDS_IN_A_STOP}"
    )
    op.execute(f"DELETE FROM entry_tag WHERE {ENDS_IN_A_STOP}")


def downgrade() -> None:
    """Nothing to undo: which tags had a full stop is not kept, and the older code reads a tag
    without one as it reads its own (`list --tag handover` finds it)."""
