"""Search with full Unicode case folding: "strasse" finds "Straße", "first" finds "ﬁrst".

The unicode61 tokenizer folds case one character at a time, by its own simple mappings, so
multi-character folds (ß, the ligatures ﬁ ﬂ ﬀ of a PDF copy-paste), full-width letters and
accented Greek (οδός, ΟΔΟΣ) were never matched. Now each entry keeps, beside each text the
index reads, that text's fold (`peerjournal.db.searchfold.fold`, written by the store):
`experience_folded`, `feelings_folded`, `evaluation_folded`, `self_care_folded`,
`answers_folded`; NULL where the fold is the text itself (plain ASCII, most entries), so the
file grows only by the entries that need it. The view `entry_fts_source` reads the fold
where there is one, the triggers index it, and the index is rebuilt if any entry has one. No
entry's text changes.

Revision ID: 0006
Revises: 0005
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

from peerjournal.db.searchfold import folded_or_none

revision = "0006"
down_revision = "0005"
branch_labels = None
depends_on = None

# The index's columns, and the entry column each one reads (answers: their text, not JSON).
SOURCES = {
    "experience": "experience",
    "feelings": "feelings",
    "evaluation": "evaluation",
    "self_care": "self_care",
    "answers": "answers_text",
}
FOLDED = {column: f"{column}_folded" for column in SOURCES}
FTS_COLUMNS = ", ".join(SOURCES)
TRIGGERS = ("entry_fts_insert", "entry_fts_delete", "entry_fts_update")


def _value(row: str, column: str, folded: bool) -> str:
    """What the index reads for `column` of `row` (new, old, entry): the fold if there is one."""
    source = f"{row}.{SOURCES[column]}"
    return f"coalesce({row}.{FOLDED[column]}, {source})" if folded else source


def _values(row: str, folded: bool) -> str:
    return ", ".join((f"{row}.id", *(_value(row, column, folded) for column in SOURCES)))


def _view(folded: bool) -> None:
    named = ", ".join(f"{_value('entry', column, folded)} AS {column}" for column in SOURCES)
    op.execute(f"CREATE VIEW entry_fts_source AS SELECT id, {named} FROM entry")


def _triggers(folded: bool) -> None:
    new, old = _values("new", folded), _values("old", folded)
    watched = [*SOURCES.values(), *(FOLDED.values() if folded else ())]
    op.execute(
        f"CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN "
        f"INSERT INTO entry_fts(rowid, {FTS_COLUMNS}) VALUES ({new}); END"
    )
    op.execute(
        f"CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN "
        f"INSERT INTO entry_fts(entry_fts, rowid, {FTS_COLUMNS}) VALUES ('delete', {old}); END"
    )
    op.execute(
        f"CREATE TRIGGER entry_fts_update AFTER UPDATE OF {', '.join(watched)} ON entry BEGIN "
        f"INSERT INTO entry_fts(entry_fts, rowid, {FTS_COLUMNS}) VALUES ('delete', {old}); "
        f"INSERT INTO entry_fts(rowid, {FTS_COLUMNS}) VALUES ({new}); END"
    )


def _drop_source() -> None:
    """Drop the view and triggers that feed the index (the index itself is left as it is)."""
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP VIEW IF EXISTS entry_fts_source")


def _fill_folds() -> int:
    """Write each entry's folds (in Python: SQLite cannot fold); how many entries have one."""
    conn = op.get_bind()
    # Only text with a character past ASCII can fold to anything else (a C-speed filter).
    beyond_ascii = " OR ".join(f"{c} GLOB '*[^\x01-\x7f]*'" for c in SOURCES.values())
    rows = conn.exec_driver_sql(
        f"SELECT id, {', '.join(SOURCES.values())} FROM entry WHERE {beyond_ascii}"
    )
    changed = []
    for entry_id, *texts in rows:
        folds = [folded_or_none(t) if isinstance(t, str) else None for t in texts]
        if any(f is not None for f in folds):
            changed.append((*folds, entry_id))
    if changed:
        assignments = ", ".join(f"{column} = ?" for column in FOLDED.values())
        conn.exec_driver_sql(f"UPDATE entry SET {assignments} WHERE id = ?", changed)
    return len(changed)


def upgrade() -> None:
    # Pages of the old index freed by the rebuild are zeroed, as in revision 0005.
    op.execute("PRAGMA secure_delete = ON")
    _drop_source()  # first: the folds are written without updating the index row by row
    for column in FOLDED.values():
        op.add_column("entry", sa.Column(column, sa.Text(), nullable=True))
    folded = _fill_folds()
    _view(folded=True)
    _triggers(folded=True)
    if folded:
        op.execute("INSERT INTO entry_fts(entry_fts) VALUES ('rebuild')")


def downgrade() -> None:
    _drop_source()
    _view(folded=False)
    _triggers(folded=False)
    op.execute("INSERT INTO entry_fts(entry_fts) VALUES ('rebuild')")
    for column in FOLDED.values():
        op.drop_column("entry", column)
