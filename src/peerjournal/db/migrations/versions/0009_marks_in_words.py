"""Search reads combining marks as parts of words: "किताब" is one word, not "क त ब".

The index's unicode61 tokenizer took only letters, numbers and private-use characters
(categories L* N* Co) as parts of words, and cut words at every other character. In Devanagari,
Bengali, Tamil and the other Indic scripts the vowel signs, viramas and nuktas are marks
(Mn, Mc), so "किताब" was indexed as "क", "त", "ब", and a search for it was the phrase
"क त ब", which found "कुतुब" too; Arabic and Hebrew words written with their vowel points were
cut the same way, and never found by the word written without them. The index is made again
with marks as parts of words (`categories 'L* N* Co M*'`) and rebuilt from the view
`entry_fts_source`; the triggers revision 0006 made (on entry, naming the index) are kept as
they are.

`searchfold.fold` now also drops the marks a writer may leave out (Arabic harakat, Hebrew
points, accents beyond U+0300-U+036F, variation selectors): each entry whose fold changes is
folded again first, as in revision 0008, with the update trigger set aside meanwhile (the
rebuild indexes those entries: 20k entries of pointed Arabic take 4 s instead of 9). No entry's
text changes.

Revision ID: 0009
Revises: 0008
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

from peerjournal.db.searchfold import folded_or_none

revision = "0009"
down_revision = "0008"
branch_labels = None
depends_on = None

SOURCES = ("experience", "feelings", "evaluation", "self_care", "answers_text")
FOLDED = ("experience_folded", "feelings_folded", "evaluation_folded", "self_care_folded",
          "answers_folded")
FTS_COLUMNS = "experience, feelings, evaluation, self_care, answers"
TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2 categories ''L* N* Co M*'''"
OLD_TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'"


def _fold_again() -> None:
    """Write the folds of the entries whose fold changed (in Python: SQLite cannot fold)."""
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


def _index(tokenize: str) -> None:
    """The index made again with `tokenize`, and filled from the view."""
    op.execute("DROP TABLE entry_fts")
    op.execute(
        f"CREATE VIRTUAL TABLE entry_fts USING fts5({FTS_COLUMNS}, "
        f"content='entry_fts_source', content_rowid='id', {tokenize})"
    )
    op.execute("INSERT INTO entry_fts(entry_fts) VALUES ('rebuild')")


def upgrade() -> None:
    op.execute("PRAGMA secure_delete = ON")  # old index pages zeroed, as in 0005, 0006, 0008
    conn = op.get_bind()
    trigger = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entry_fts_update'"
    ).scalar_one()
    op.execute("DROP TRIGGER entry_fts_update")
    _fold_again()
    _index(TOKENIZE)
    conn.exec_driver_sql(trigger)  # (as it was: the SQL SQLite kept)


def downgrade() -> None:
    """The index as revision 0005 made it; the folds stay, as in revision 0008's downgrade (an
    entry with vowel points is then found only by the word written without them)."""
    op.execute("PRAGMA secure_delete = ON")
    _index(OLD_TOKENIZE)
