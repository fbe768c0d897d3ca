"""Search folds canonically equivalent text alike: "и" and a combining breve is "й".

`searchfold.fold` now applies NFC before folding, so a word pasted with its accents apart
(macOS, some keyboards) and the same word precomposed fold to the same text in every script.
The folds revision 0006 stored for text not in NFC were made the old way (the breve dropped,
Hangul jamo left as jamo, a precomposed Devanagari qa kept whole): each entry whose fold
changes is folded again; the update trigger re-indexes just those rows. No entry's text
changes, and the few entries not in NFC are the only ones read twice.

Revision ID: 0008
Revises: 0007
Create Date: 2026-12-04
"""

from __future__ import annotations

from alembic import op

from peerjournal.db.searchfold import folded_or_none

revision = "0008"
down_revision = "0007"
branch_labels = None
depends_on = None

SOURCES = ("experience", "feelings", "evaluation", "self_care", "answers_text")
FOLDED = ("experience_folded", "feelings_folded", "evaluation_folded", "self_care_folded",
          "answers_folded")


def upgrade() -> None:
    op.execute("PRAGMA secure_delete = ON")  # old index pages zeroed, as in 0005 and 0006
    conn = op.get_bind()
    beyond_ascii = " OR ".join(f"{c} GLOB '*[^\x01-\x7f]*'" for c in SOURCES)
    rows = conn.exec_driver_sql(
        f"SELECT id, {', '.join(SOURCES)}, {', '.join(FOLDED)} FROM entry WHERE {beyond_ascii}"
    ).fetchall()
    changed = []
    for entry_id, *values in rows:
        texts, stored = values[: len(SOURCES)], values[len(SOURCES) :]
        folds = [folded_or_none(t) if isinstance(t, str) else None for t in texts]
        if folds != stored:
            changed.append((*folds, entry_id))
    if changed:
        assignments = ", ".join(f"{column} = ?" for column in FOLDED)
        conn.exec_driver_sql(f"UPDATE entry SET {assignments} WHERE id = ?", changed)


def downgrade() -> None:
    """Nothing to undo: the folds stay, and the older code reads them as it reads its own."""
