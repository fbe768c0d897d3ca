"""Search the answers' text only, not their JSON.

Answers were indexed as their JSON text ({"do_differently": "…\\nTenancy…"}): question ids
matched searches ("differently" found every entry with a `do_differently` answer), and a word
after a line break was indexed with the "n" of "\\n" ("ntenancy"). Now each entry keeps its
answers' text (`answers_text`: the answers in order, joined by " · ", written by the store), and
the index reads it through the view `entry_fts_source`, under the same column name `answers`
(so `answers:word` still searches the answers only). Existing answers are copied into
`answers_text` here, in SQL, and the index is rebuilt from the view; no entry changes.

Revision ID: 0005
Revises: 0004
Create Date: 2026-12-04
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0005"
down_revision = "0004"
branch_labels = None
depends_on = None

TEXT_COLUMNS = ("experience", "feelings", "evaluation", "self_care")
FTS_COLUMNS = ", ".join((*TEXT_COLUMNS, "answers"))
TOKENIZE = "tokenize='porter unicode61 remove_diacritics 2'"
TRIGGERS = ("entry_fts_insert", "entry_fts_delete", "entry_fts_update")
# Each answer's text, in the order asked; an empty answer or a damaged value adds nothing.
# (FTS5 cannot read a view that calls json_each, hence a stored column.)
ANSWERS_TEXT = """
    CASE WHEN json_valid(entry.answers) AND json_type(entry.answers) = 'object' THEN coalesce(
        (SELECT group_concat(a.value, ' · ') FROM json_each(entry.answers) AS a
         WHERE a.type = 'text' AND a.value != ''), '')
    ELSE '' END
"""


def _values(row: str, answers: str) -> str:
    return ", ".join((f"{row}.id", *(f"{row}.{c}" for c in TEXT_COLUMNS), f"{row}.{answers}"))


def _index(content: str, answers: str) -> None:
    """The search index over `content`, kept up to date by triggers on entry (`answers`: the
    entry column the index's answers come from), filled from what is there now."""
    new, old = _values("new", answers), _values("old", answers)
    op.execute(
        f"CREATE VIRTUAL TABLE entry_fts USING fts5({FTS_COLUMNS}, content='{content}', "
        f"content_rowid='id', {TOKENIZE})"
    )
    op.execute(
        f"CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN "
        f"INSERT INTO entry_fts(rowid, {FTS_COLUMNS}) VALUES ({new}); END"
    )
    op.execute(
        f"CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN "
        f"INSERT INTO entry_fts(entry_fts, rowid, {FTS_COLUMNS}) VALUES ('delete', {old}); END"
    )
    watched = ", ".join((*TEXT_COLUMNS, answers))
    op.execute(
        f"CREATE TRIGGER entry_fts_update AFTER UPDATE OF {watched} ON entry BEGIN "
        f"INSERT INTO entry_fts(entry_fts, rowid, {FTS_COLUMNS}) VALUES ('delete', {old}); "
        f"INSERT INTO entry_fts(rowid, {FTS_COLUMNS}) VALUES ({new}); END"
    )
    op.execute("INSERT INTO entry_fts(entry_fts) VALUES ('rebuild')")


def _drop_index() -> None:
    for trigger in TRIGGERS:
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS entry_fts")


def upgrade() -> None:
    # The old index's pages are freed here: zeroed, so that text trashed now and destroyed
    # later (`trash --empty`) does not linger in them.
    op.execute("PRAGMA secure_delete = ON")
    op.add_column(
        "entry", sa.Column("answers_text", sa.Text(), nullable=False, server_default="")
    )
    op.execute(f"UPDATE entry SET answers_text = {ANSWERS_TEXT}")
    _drop_index()
    op.execute(
        "CREATE VIEW entry_fts_source AS SELECT id, "
        f"{', '.join(TEXT_COLUMNS)}, answers_text AS answers FROM entry"
    )
    _index("entry_fts_source", "answers_text")


def downgrade() -> None:
    _drop_index()
    op.execute("DROP VIEW IF EXISTS entry_fts_source")
    _index("entry", "answers")  # as revision 0001 made it: the answers' JSON
    op.drop_column("entry", "answers_text")
