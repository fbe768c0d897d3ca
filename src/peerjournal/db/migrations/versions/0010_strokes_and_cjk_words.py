"""Search reads ł đ ø æ as l d o ae, and finds a Chinese, Japanese or Korean word in a sentence.

`searchfold.fold` now reads a letter with a stroke as its plain letter and spells æ œ þ out
(ł đ ø ħ ŧ ð: l d o h t d; æ œ þ: ae oe th), as redaction does, so "lodz" finds "Łódź" and
"duc" finds "Đức". It also writes a space on each side of each Han, Kana and Hangul character,
so each is a word to the index and a word of them is searched as the phrase of its characters
(`searchfold.fold_query`): "住房" finds "李伟和我一起去了住房办公室。", which was one word.

Each entry whose fold changes is folded again, as in revision 0008; where many do (a journal
written in Chinese), the update trigger is set aside meanwhile and the index rebuilt once from
the view `entry_fts_source`, as in revision 0009. No entry's text changes.

A search that finds nothing says how many entries carry its words as a tag or a setting, and
`list --setting` with a setting no entry has suggests a near one: the live entries' settings
are read from a new index, `ix_entry_live_setting`, instead of every entry (20k entries: a few
milliseconds instead of a scan of the whole file).

Revision ID: 0010
Revises: 0009
Create Date: 2026-12-05
"""

from __future__ import annotations

from alembic import op

from peerjournal.db.searchfold import folded_or_none

revision = "0010"
down_revision = "0009"
branch_labels = None
depends_on = None

SOURCES = ("experience", "feelings", "evaluation", "self_care", "answers_text")
FOLDED = ("experience_folded", "feelings_folded", "evaluation_folded", "self_care_folded",
          "answers_folded")
REBUILD_FROM = 200  # entries re-indexed by a rebuild, not one by one by the trigger


def _changed_folds() -> list[tuple[str | int | None, ...]]:
    """Each entry whose fold is not what is stored: its folds now, then its ID."""
    conn = op.get_bind()
    beyond_ascii = " OR ".join(f"{c} GLOB '*[^\x01-\x7f]*'" for c in SOURCES)
    rows = conn.exec_driver_sql(
        f"SELECT id, {', '.join(SOURCES)}, {', '.join(FOLDED)} FROM entry WHERE {beyond_ascii}"
    ).fetchall()
    changed: list[tuple[str | int | None, ...]] = []
    for entry_id, *values in rows:
        texts, stored = values[: len(SOURCES)], values[len(SOURCES) :]
        folds = [folded_or_none(t) if isinstance(t, str) else None for t in texts]
        if folds != stored:
            changed.append((*folds, entry_id))
    return changed


def _write_folds(changed: list[tuple[str | int | None, ...]]) -> None:
    assignments = ", ".join(f"{column} = ?" for column in FOLDED)
    op.get_bind().exec_driver_sql(f"UPDATE entry SET {assignments} WHERE id = ?", changed)


def upgrade() -> None:
    op.execute("PRAGMA secure_delete = ON")  # old index pages zeroed, as in 0005, 0006, 0009
    op.create_index("ix_entry_live_setting", "entry", ["deleted_at", "setting"])
    changed = _changed_folds()
    if len(changed) < REBUILD_FROM:
        if changed:
            _write_folds(changed)  # the update trigger re-indexes each of them
        return
    conn = op.get_bind()
    trigger = conn.exec_driver_sql(
        "SELECT sql FROM sqlite_master WHERE type = 'trigger' AND name = 'entry_fts_update'"
    ).scalar_one()
    op.execute("DROP TRIGGER entry_fts_update")
    _write_folds(changed)
    op.execute("INSERT INTO entry_fts(entry_fts) VALUES ('rebuild')")
    conn.exec_driver_sql(trigger)  # (as it was: the SQL SQLite kept)


def downgrade() -> None:
    """The settings index goes; the folds stay, as in revision 0008's downgrade (the older code
    then finds an entry with "Łódź" by "lodz" only, and a Chinese word only by the phrase of
    its characters, "住 房")."""
    op.drop_index("ix_entry_live_setting", "entry")
