"""The first journal schema: entries, tags, full-text search, people, supervisions, self-checks.

Revision ID: 0001
Revises:
Create Date: 2026-11-23
"""

from __future__ import annotations

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None

FTS_COLUMNS = "experience, feelings, evaluation, self_care, answers"
NEW_VALUES = "new.id, new.experience, new.feelings, new.evaluation, new.self_care, new.answers"
OLD_VALUES = "old.id, old.experience, old.feelings, old.evaluation, old.self_care, old.answers"


def _text(name: str, default: str | None = None, nullable: bool = False) -> sa.Column:
    return sa.Column(name, sa.Text(), nullable=nullable, server_default=default)


def upgrade() -> None:
    op.create_table(
        "entry",
        sa.Column("id", sa.Integer(), primary_key=True),
        _text("created_at"),
        _text("updated_at"),
        _text("date"),
        _text("setting", ""),
        _text("mode", "on-action"),
        _text("prompt_set", "boud"),
        _text("experience"),
        _text("feelings", ""),
        _text("evaluation", ""),
        _text("self_care", ""),
        _text("answers", "{}"),
        sa.Column("shared", sa.Integer(), nullable=False, server_default="0"),
        _text("deleted_at", nullable=True),
        _text("drift_verdict", nullable=True),
        _text("drift_json", nullable=True),
        _text("lexicon_version", nullable=True),
        sqlite_autoincrement=True,
    )
    op.create_index("ix_entry_live_date", "entry", ["deleted_at", "date"])
    op.create_table(
        "entry_tag",
        sa.Column(
            "entry_id",
            sa.Integer(),
            sa.ForeignKey("entry.id", ondelete="CASCADE"),
            primary_key=True,
        ),
        sa.Column("tag", sa.String(), primary_key=True),
    )
    op.create_index("ix_entry_tag_tag", "entry_tag", ["tag"])
    op.create_table(
        "person",
        sa.Column("id", sa.Integer(), primary_key=True),
        _text("name"),
        _text("alias", nullable=True),
        _text("created_at"),
        sa.UniqueConstraint("name"),
    )
    op.create_table(
        "supervision",
        sa.Column("id", sa.Integer(), primary_key=True),
        _text("date"),
        _text("note", ""),
        _text("created_at"),
    )
    op.create_table(
        "selfcheck",
        sa.Column("id", sa.Integer(), primary_key=True),
        _text("created_at"),
        _text("answers", "{}"),
        sa.Column("complete", sa.Integer(), nullable=False, server_default="0"),
    )
    op.execute(
        f"CREATE VIRTUAL TABLE entry_fts USING fts5({FTS_COLUMNS}, content='entry', "
        "content_rowid='id', tokenize='porter unicode61 remove_diacritics 2')"
    )
    op.execute(
        f"CREATE TRIGGER entry_fts_insert AFTER INSERT ON entry BEGIN "
        f"INSERT INTO entry_fts(rowid, {FTS_COLUMNS}) VALUES ({NEW_VALUES}); END"
    )
    op.execute(
        f"CREATE TRIGGER entry_fts_delete AFTER DELETE ON entry BEGIN "
        f"INSERT INTO entry_fts(entry_fts, rowid, {FTS_COLUMNS}) "
        f"VALUES ('delete', {OLD_VALUES}); END"
    )
    op.execute(
        f"CREATE TRIGGER entry_fts_update AFTER UPDATE OF {FTS_COLUMNS} ON entry BEGIN "
        f"INSERT INTO entry_fts(entry_fts, rowid, {FTS_COLUMNS}) VALUES ('delete', {OLD_VALUES}); "
        f"INSERT INTO entry_fts(rowid, {FTS_COLUMNS}) VALUES ({NEW_VALUES}); END"
    )


def downgrade() -> None:
    for trigger in ("entry_fts_insert", "entry_fts_delete", "entry_fts_update"):
        op.execute(f"DROP TRIGGER IF EXISTS {trigger}")
    op.execute("DROP TABLE IF EXISTS entry_fts")
    for table in ("selfcheck", "supervision", "person", "entry_tag", "entry"):
        op.drop_table(table)
