"""The schema, as SQLModel models: the source of truth Alembic migrations are checked against.

The hot paths (write, list, show, search) talk to SQLite through the standard library
(see `engine.py` for why); these models are imported by migrations and tests only.
Timestamps are ISO 8601 text with a UTC offset, dates are YYYY-MM-DD text, so the file
reads the same from any SQLite client.
"""

from __future__ import annotations

from sqlalchemy import CheckConstraint, Column, Index, Integer, Table, Text
from sqlmodel import Field, SQLModel

from peerjournal.db import scoretable


class Entry(SQLModel, table=True):
    __tablename__ = "entry"
    __table_args__ = (
        # Live entries by date: serves list's ORDER BY and date ranges without a sort.
        Index("ix_entry_live_date", "deleted_at", "date"),
        # Counting entries scored with another lexicon or scorer reads this index, not the rows.
        Index("ix_entry_scored_with", "deleted_at", "lexicon_version", "scorer_version"),
        # The live entries' settings: search's and list's hints count them here, not the rows.
        Index("ix_entry_live_setting", "deleted_at", "setting"),
        {"sqlite_autoincrement": True},
    )

    id: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    created_at: str = Field(sa_column=Column(Text, nullable=False))
    updated_at: str = Field(sa_column=Column(Text, nullable=False))
    date: str = Field(sa_column=Column(Text, nullable=False))
    setting: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    mode: str = Field(
        default="on-action", sa_column=Column(Text, nullable=False, server_default="on-action")
    )
    prompt_set: str = Field(
        default="boud", sa_column=Column(Text, nullable=False, server_default="boud")
    )
    experience: str = Field(sa_column=Column(Text, nullable=False))
    feelings: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    evaluation: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    self_care: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    answers: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    # the answers' text alone, joined by " · ": what search indexes (never the JSON's keys)
    answers_text: str = Field(
        default="", sa_column=Column(Text, nullable=False, server_default="")
    )
    # What the search index reads of each text: its full case fold (db.searchfold), or NULL
    # where that is the text itself (revision 0006)
    experience_folded: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    feelings_folded: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    evaluation_folded: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    self_care_folded: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    answers_folded: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    shared: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))
    deleted_at: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    drift_verdict: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    drift_json: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # [words, identity, drift, {dimension: [identity, drift]}] for dimensions with evidence
    drift_summary: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    lexicon_version: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    # the scoring code's version (drift.lexicon.scorer_version): an upgrade can change scores
    scorer_version: str | None = Field(default=None, sa_column=Column(Text, nullable=True))


class EntryTag(SQLModel, table=True):
    __tablename__ = "entry_tag"
    __table_args__ = (Index("ix_entry_tag_tag", "tag"),)

    entry_id: int = Field(foreign_key="entry.id", primary_key=True, ondelete="CASCADE")
    tag: str = Field(primary_key=True)


class Person(SQLModel, table=True):
    """Someone the writer supports or works with: redacted from every export."""

    __tablename__ = "person"

    id: int | None = Field(default=None, primary_key=True)
    name: str = Field(sa_column=Column(Text, nullable=False, unique=True))
    alias: str | None = Field(default=None, sa_column=Column(Text, nullable=True))
    created_at: str = Field(sa_column=Column(Text, nullable=False))


class Supervision(SQLModel, table=True):
    __tablename__ = "supervision"

    id: int | None = Field(default=None, primary_key=True)
    date: str = Field(sa_column=Column(Text, nullable=False))
    note: str = Field(default="", sa_column=Column(Text, nullable=False, server_default=""))
    created_at: str = Field(sa_column=Column(Text, nullable=False))


class SelfCheck(SQLModel, table=True):
    """One self-check before supervision; answers is JSON {item_id: {"score": 1-5, "note": str}}."""

    __tablename__ = "selfcheck"

    id: int | None = Field(default=None, primary_key=True)
    created_at: str = Field(sa_column=Column(Text, nullable=False))
    answers: str = Field(default="{}", sa_column=Column(Text, nullable=False, server_default="{}"))
    complete: int = Field(default=0, sa_column=Column(Integer, nullable=False, server_default="0"))


class Journal(SQLModel, table=True):
    """The journal's own ID, one row at most (revision 0012): random, made by the first
    summary exported (`Store.journal_id`), and given in every summary so that a mentor's
    review tells which summaries come from one journal. It says nothing of who writes it."""

    __tablename__ = "journal"
    __table_args__ = (CheckConstraint("slot = 1", name="one_row"),)

    slot: int | None = Field(default=None, sa_column=Column(Integer, primary_key=True))
    id: str = Field(sa_column=Column(Text, nullable=False))


# `entry_score` (db.scoretable): a scored entry's words, and its identity and drift rates
# (thousandths per 100 words) times its words, overall and for each dimension
ENTRY_SCORE = Table(
    scoretable.TABLE,
    SQLModel.metadata,
    Column("entry_id", Integer, primary_key=True),
    Column("words", Integer, nullable=False),
    *(Column(name, Integer, nullable=True) for name in scoretable.COLUMNS[1:]),
)
