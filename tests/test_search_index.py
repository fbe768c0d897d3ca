"""The search index holds the answers' text, not their JSON (revision 0005), in new journals
and in journals upgraded to it."""

from __future__ import annotations

import json
import sqlite3
from datetime import UTC, date, datetime
from pathlib import Path
from typing import Any

from conftest import CLI, alembic_config, search_hits
from peerjournal.db import engine

# An answer whose second line starts with a word: as JSON that was "…ask.\nTenancy…", which the
# tokenizer read as "ntenancy".
ANSWERS = {"do_differently": "Next time I will ask first.\nTenancy rights matter here.",
           "learned": "Slow down."}


def add_drafts(*drafts: Any) -> list[int]:
    from peerjournal.db.store import Store
    from peerjournal.paths import db_path

    store = Store(db_path())
    try:
        return store.add_entries(list(drafts), datetime(2026, 11, 20, tzinfo=UTC),
                                 [None] * len(drafts))
    finally:
        store.close()


def draft(experience: str, **fields: Any) -> Any:
    from peerjournal.entry import EntryDraft

    return EntryDraft(date=date(2026, 11, 18), experience=experience, **fields)


def integrity_check(path: Path) -> None:
    with sqlite3.connect(path) as conn:  # raises "database disk image is malformed" if not
        conn.execute("INSERT INTO entry_fts(entry_fts, rank) VALUES ('integrity-check', 1)")


# -- a new journal -----------------------------------------------------------------------------


def test_a_word_after_a_line_break_in_an_answer_is_found(cli: CLI) -> None:
    [entry_id] = add_drafts(draft("A short call.", answers=ANSWERS))
    [hit] = search_hits(cli, "tenancy")
    assert hit["id"] == entry_id and hit["matches"] == ["Tenancy"]
    assert hit["snippet"] == "Next time I will ask first. Tenancy rights matter here. · Slow down."
    shown = cli("search", "tenancy")
    assert "Next time I will ask first. Tenancy rights matter here. · Slow down." in shown.stdout
    assert "ntenancy" not in shown.stdout.lower() and "{" not in shown.stdout


def test_question_ids_are_not_searched(cli: CLI) -> None:
    add_drafts(draft("A short call.", answers=ANSWERS))
    assert search_hits(cli, "differently") == []
    assert search_hits(cli, "do_differently") == []
    assert search_hits(cli, "learned") == []
    said = add_drafts(draft("Next time I will do it differently.", answers={"learned": "Ask."}))
    assert [h["id"] for h in search_hits(cli, "differently")] == said


def test_the_answers_column_filter_still_searches_the_answers_only(cli: CLI) -> None:
    [in_answer] = add_drafts(draft("A short call.", answers=ANSWERS))
    add_drafts(draft("Tenancy again."))
    assert [h["id"] for h in search_hits(cli, "answers:tenancy")] == [in_answer]


def test_an_edited_answer_is_searched_as_it_is_now(cli: CLI, isolated: Path) -> None:
    from peerjournal.db.store import Store

    [entry_id] = add_drafts(draft("A short call.", answers=ANSWERS))
    store = Store(isolated / "journal.db")
    try:
        store.update(entry_id, {"answers": {"learned": "Listen.\nHousing first."}},
                     datetime(2026, 11, 21, tzinfo=UTC), None)
    finally:
        store.close()
    assert search_hits(cli, "tenancy") == []
    assert [h["matches"] for h in search_hits(cli, "housing")] == [["Housing"]]
    integrity_check(isolated / "journal.db")


def test_a_large_import_indexes_the_answers_text(cli: CLI, isolated: Path) -> None:
    from peerjournal.db.store import BULK_FROM

    ids = add_drafts(*(draft(f"Call {n}.", answers=ANSWERS) for n in range(BULK_FROM)))
    found = search_hits(cli, "tenancy", "--limit", "0")
    assert sorted(h["id"] for h in found) == ids
    assert {h["snippet"] for h in found} == {
        "Next time I will ask first. Tenancy rights matter here. · Slow down."}
    assert search_hits(cli, "differently") == []
    integrity_check(isolated / "journal.db")


def test_emptying_the_trash_leaves_the_index_whole(cli: CLI, isolated: Path) -> None:
    [gone, kept] = add_drafts(draft("One.", answers=ANSWERS), draft("Two.", answers=ANSWERS))
    assert cli("delete", str(gone)).exit_code == 0
    assert cli("trash", "--empty", "--yes").exit_code == 0
    assert [h["id"] for h in search_hits(cli, "tenancy")] == [kept]
    integrity_check(isolated / "journal.db")


# -- a journal written before revision 0005 ---------------------------------------------------


def _journal_at_0004(path: Path) -> None:
    """Three entries written by the 0004 schema: answers with a line break, one in the trash,
    tags; their text indexed the old way (as JSON)."""
    from alembic import command

    path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(path), "0004")
    stamp = "2026-11-01T10:00:00+00:00"
    rows = [
        ("2026-11-01", "inpatient", "A short call.", json.dumps(ANSWERS), None),
        ("2026-11-02", "", "Walked to the office.", json.dumps({"learned": "Café\tlater."}),
         None),
        ("2026-11-03", "", "Trashed, tenancy too.", json.dumps({"learned": "x\ny"}), stamp),
    ]
    with sqlite3.connect(path) as conn:
        conn.executemany(
            "INSERT INTO entry (created_at, updated_at, date, setting, experience, answers, "
            "deleted_at) VALUES (?, ?, ?, ?, ?, ?, ?)",
            [(stamp, stamp, day, setting, text, answers, trashed)
             for day, setting, text, answers, trashed in rows],
        )
        conn.execute("INSERT INTO entry_tag (entry_id, tag) VALUES (1, 'housing')")
        assert conn.execute(  # the defect: "differently" matched the question id
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH 'differently'").fetchall() == [(1,)]


def _entries(path: Path) -> list[tuple[Any, ...]]:
    with sqlite3.connect(path) as conn:
        cursor = conn.execute("SELECT * FROM entry ORDER BY id")
        kept = [n for n, column in enumerate(cursor.description)  # (and 0006's folds)
                if column[0] != "answers_text" and not column[0].endswith("_folded")]
        return [tuple(row[n] for n in kept) for row in cursor]


def test_an_older_journal_is_reindexed_without_losing_anything(cli: CLI, isolated: Path) -> None:
    path = isolated / "journal.db"
    _journal_at_0004(path)
    before = _entries(path)
    [hit] = search_hits(cli, "tenancy")  # opening it upgrades it
    assert hit["id"] == 1 and hit["matches"] == ["Tenancy"]
    assert hit["snippet"] == "Next time I will ask first. Tenancy rights matter here. · Slow down."
    assert search_hits(cli, "differently") == []
    assert [h["id"] for h in search_hits(cli, "café")] == [2]
    # every entry, its text and tags, as it was (the trash included)
    assert _entries(path) == before
    assert [e["tags"] for e in json.loads(cli("list", "--json").stdout)] == [[], ["housing"]]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            engine.HEAD_REVISION,)
        assert conn.execute("SELECT answers_text FROM entry ORDER BY id").fetchall() == [
            ("Next time I will ask first.\nTenancy rights matter here. · Slow down.",),
            ("Café\tlater.",), ("x\ny",)]
    integrity_check(path)
    [backup] = list(isolated.glob("journal.db.backup-*"))
    assert _entries(backup) == before
    # the trashed entry was reindexed too: restored, it is found
    assert cli("restore", "3").exit_code == 0
    assert sorted(h["id"] for h in search_hits(cli, "tenancy")) == [1, 3]


def test_text_trashed_before_the_upgrade_and_destroyed_after_leaves_no_trace(
    cli: CLI, isolated: Path
) -> None:
    """The upgrade drops the old index, which held the words of entries in the trash."""
    path = isolated / "journal.db"
    _journal_at_0004(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entry SET answers = ? WHERE id = 3",
                     (json.dumps({"learned": "Zanzibarquux\nzanziword"}),))
        conn.execute("INSERT INTO entry_fts(entry_fts) VALUES ('rebuild')")
    assert search_hits(cli, "differently") == []  # upgraded
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0 and "Destroyed 1 entry." in result.stderr
    for file in isolated.glob("journal.db*"):
        if ".backup-" not in file.name:  # the copy made before the upgrade keeps everything
            assert b"zanzi" not in file.read_bytes().lower(), file.name
    assert [h["id"] for h in search_hits(cli, "tenancy")] == [1]


def test_damaged_answers_do_not_stop_the_upgrade(isolated: Path) -> None:
    from alembic import command

    path = isolated / "journal.db"
    _journal_at_0004(path)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entry SET answers = 'not json' WHERE id = 2")
        conn.execute("UPDATE entry SET answers = '[\"a list\"]' WHERE id = 3")
    command.upgrade(alembic_config(path), "head")
    with sqlite3.connect(path) as conn:
        assert [r[0] for r in conn.execute("SELECT answers_text FROM entry ORDER BY id")] == [
            "Next time I will ask first.\nTenancy rights matter here. · Slow down.", "", ""]
    integrity_check(path)


def test_the_upgrade_can_be_undone(isolated: Path) -> None:
    """Downgrading to 0004 puts back the JSON index (for a developer going back a version)."""
    from alembic import command

    path = isolated / "journal.db"
    _journal_at_0004(path)
    before = _entries(path)
    command.upgrade(alembic_config(path), "head")
    command.downgrade(alembic_config(path), "0004")
    assert _entries(path) == before
    integrity_check(path)
    with sqlite3.connect(path) as conn:
        assert "answers_text" not in {r[1] for r in conn.execute("PRAGMA table_info(entry)")}
        assert conn.execute(
            "SELECT rowid FROM entry_fts WHERE entry_fts MATCH 'slow'").fetchall() == [(1,)]
