"""Round 31's data-safety findings: what the writer sees (exit code, message) and what is
left in the journal and beside it afterwards."""

from __future__ import annotations

import sqlite3
from collections.abc import Callable
from datetime import UTC
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, GUIDE
from peerjournal import paths
from peerjournal.db import engine
from peerjournal.drafts import kept_edits

WORDS = "Flibbertigibbet said she would come back on Tuesday."


def _checkpoint_fails(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every `wal_checkpoint(TRUNCATE)` fails as on a full disk (after the commit before it)."""
    tried: list[str] = []
    real = engine.JournalConnection.execute

    def execute(self: Any, sql: str, *args: Any) -> Any:
        if "wal_checkpoint(TRUNCATE)" in sql:
            tried.append(sql)
            raise sqlite3.OperationalError("database or disk is full")
        return real(self, sql, *args)

    monkeypatch.setattr(engine.JournalConnection, "execute", execute)
    return tried


def _kept_edit(cli: CLI, edits: Any, entry_id: int) -> Path:
    """An unsaved edit of `entry_id` kept in the drafts folder (words typed in a comment)."""
    edits((GUIDE, f"{GUIDE}\n{WORDS}"))
    refused = cli("edit", str(entry_id))
    assert refused.exit_code == 1, refused.stderr
    [kept] = kept_edits(paths.drafts_dir(paths.db_path()))
    return kept.path


# -- 1. trash --empty when the space cannot be given back ----------------------------------


def test_trash_empty_on_a_full_disk_says_what_was_destroyed_and_discards_the_edits(
    cli: CLI, add: Callable[..., int], edits: Any
) -> None:
    kept_id = add("Sat with Sam; he talked about his week at the day centre.")
    doomed = [add(f"Entry {n} about Flibbertigibbet at the drop-in.") for n in range(3)]
    kept = _kept_edit(cli, edits, doomed[0])
    assert cli("delete", *map(str, doomed)).exit_code == 0
    with pytest.MonkeyPatch.context() as full:
        tried = _checkpoint_fails(full)
        result = cli("trash", "--empty", "--yes")
    db = paths.db_path()
    assert tried and result.exit_code == 4
    assert result.stderr == (
        "Destroyed 3 entries, and 1 unsaved edit of them. But their text could not yet be "
        f"cleared from the journal file {db} (the disk holding it is full): "
        "`peerjournal trash --empty` clears it once there is room.\n"
    )
    assert "nothing was saved" not in result.stderr
    assert not kept.exists()  # the edit held the entry's words: discarded all the same
    with sqlite3.connect(db) as conn:
        assert [r[0] for r in conn.execute("SELECT id FROM entry")] == [kept_id]
    conn.close()
    # room again: the next run clears it, and says the trash is empty
    again = cli("trash", "--empty", "--yes")
    assert again.exit_code == 0 and again.stderr == "The trash is already empty.\n"


def test_trash_empty_json_still_says_what_was_destroyed_when_clearing_fails(
    cli: CLI, add: Callable[..., int], monkeypatch: pytest.MonkeyPatch
) -> None:
    entry_id = add()
    assert cli("delete", str(entry_id)).exit_code == 0
    _checkpoint_fails(monkeypatch)
    result = cli("trash", "--empty", "--yes", "--json")
    assert result.exit_code == 4 and result.stdout == '{\n  "destroyed": 1\n}\n'
    assert result.stderr.startswith("Destroyed 1 entry. But their text could not yet be")


def test_a_later_trash_empty_discards_edits_left_of_entries_destroyed_before(
    cli: CLI, add: Callable[..., int], edits: Any
) -> None:
    # (what a run stopped before discarding them left: an edit of an entry no longer there)
    from peerjournal.cli import trash

    doomed = add(f"A session with {WORDS}")
    kept = _kept_edit(cli, edits, doomed)
    assert cli("delete", str(doomed)).exit_code == 0
    with pytest.MonkeyPatch.context() as stopped:
        stopped.setattr(trash, "_discard_kept_edits", lambda *_: (0, 0))
        assert cli("trash", "--empty", "--yes").exit_code == 0
    assert kept.exists()
    again = cli("trash", "--empty", "--yes")
    assert again.exit_code == 0
    assert again.stderr == (
        "The trash is already empty. Discarded 1 unsaved edit of entries destroyed before.\n"
    )
    assert not kept.exists()


def test_trash_empty_keeps_the_edits_of_entries_still_in_the_journal(
    cli: CLI, add: Callable[..., int], edits: Any
) -> None:
    live = add("Sat with Sam; he talked about his week.")
    kept = _kept_edit(cli, edits, live)
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0 and result.stderr == "The trash is already empty.\n"
    assert kept.exists()


# -- 2. a journal path that is a link to a file not there ---------------------------------


@pytest.mark.parametrize("how", ["home", "--db", "PEERJOURNAL_DB"])
def test_write_through_a_dangling_link_is_refused_and_the_words_kept(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, how: str
) -> None:
    target = tmp_path / "unmounted" / "missing.db"
    link = isolated / "journal.db" if how == "home" else tmp_path / "link.db"
    link.parent.mkdir(parents=True, exist_ok=True)
    link.symlink_to(target)
    args = ["--db", str(link)] if how == "--db" else []
    if how == "PEERJOURNAL_DB":
        monkeypatch.setenv("PEERJOURNAL_DB", str(link))
    result = cli(*args, "write", "-x", WORDS)
    assert result.exit_code == 4
    first = result.stderr.splitlines()[0]
    assert first.startswith(
        f"peerjournal: {link} is a link to {target}, which is not there (a drive not "
        "mounted, or a folder moved?), so no journal is made through it; nothing was saved. "
        "Your words are kept as draft "
    )
    assert not target.exists() and not target.parent.exists()  # nothing made through it
    assert link.is_symlink()
    [draft] = paths.drafts_dir(link).glob("kept-*.json")
    assert "Your words are kept as draft 1: `peerjournal" in result.stderr  # (that journal's)
    assert WORDS in draft.read_text(encoding="utf-8")
    listed = cli(*args, "list")  # reading still says what it is
    assert f"it is a link to {target}, which is not there" in listed.stderr
    assert not target.exists()


# -- 3. words edited out of an entry are gone from the file --------------------------------


def _held(db: Path, word: bytes) -> list[str]:
    """The journal's files (the WAL too) that still hold `word`, in any case."""
    return [p.name for p in db.parent.glob(f"{db.name}*")
            if p.is_file() and word.lower() in p.read_bytes().lower()]


def test_a_name_edited_out_of_an_entry_is_left_nowhere_in_the_journal(
    cli: CLI, add: Callable[..., int]
) -> None:
    for n in range(30):  # (the search index's other words, in segments of their own)
        add(f"Entry {n}: sat with Sam at the drop-in and talked about his week.")
    entry_id = add(f"Sat with {WORDS} We talked about her housing forms.")
    db = paths.db_path()
    assert cli("search", "Flibbertigibbet").stdout.count(f"{entry_id}") >= 1
    result = cli("edit", str(entry_id), "--experience",
                 "Sat with [the client]. We talked about her housing forms.")
    assert result.exit_code == 0, result.stderr
    assert _held(db, b"Flibbertigibbet") == []
    gone = cli("search", "Flibbertigibbet")
    assert gone.stdout == "" and gone.stderr == "Nothing found for 'Flibbertigibbet'.\n"
    assert "housing" in cli("search", "housing").stdout  # the index still finds the rest


# -- 4. relative paths in the environment ---------------------------------------------------


def test_a_relative_peerjournal_home_is_refused_with_the_full_path_to_give(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PEERJOURNAL_HOME", "pjdata")
    for command in (["write", "-x", WORDS], ["list"], ["where"]):
        result = cli(*command)
        assert result.exit_code == 2
        assert result.stderr == (
            "peerjournal: PEERJOURNAL_HOME is 'pjdata', a relative path, which would name "
            "another folder in each folder peerjournal is run from: set it to a full path "
            f"(such as {tmp_path / 'pjdata'}).\n"
        )
    assert not (tmp_path / "pjdata").exists()
    monkeypatch.setenv("PEERJOURNAL_HOME", "~/pjdata")  # (~ is a full path: accepted)
    assert cli("where").exit_code == 0


def test_a_relative_peerjournal_db_is_refused_but_a_relative_db_typed_is_read_here(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PEERJOURNAL_DB", "mine.db")
    refused = cli("write", "-x", WORDS)
    assert refused.exit_code == 2
    assert refused.stderr.startswith(
        "peerjournal: PEERJOURNAL_DB is 'mine.db', a relative path, which would name another "
        "journal in each folder peerjournal is run from: set it to a full path (such as "
        f"{tmp_path / 'mine.db'}). Your words are kept as draft "
    )
    assert "`peerjournal write --resume --draft 1`" in refused.stderr  # (not --db mine.db)
    assert not (tmp_path / "mine.db").exists()
    # set in full, as the message says: the draft is that journal's, and --resume finds it
    monkeypatch.setenv("PEERJOURNAL_DB", str(tmp_path / "mine.db"))
    resumed = cli("write", "--resume", input="y\n")
    assert resumed.exit_code == 0, resumed.stderr
    listed = cli("list", "--json")
    assert listed.exit_code == 0 and WORDS in listed.stdout
    monkeypatch.delenv("PEERJOURNAL_DB")
    typed = cli("--db", "mine.db", "write", "-x", WORDS, "--again")  # (typed: this folder's)
    assert typed.exit_code == 0, typed.stderr
    assert "drift 2" in typed.stderr  # (the second entry of the journal named in full above)


# -- 5. the same entry twice in one import file ---------------------------------------------

REPEATS = """[
 {"date": "2026-11-01", "created_at": "2026-11-01T10:00:00+00:00",
  "experience": "Sat with Sam at the drop-in."},
 {"date": "2026-11-01", "created_at": "2026-11-01T10:00:00+00:00",
  "experience": "Sat with Sam at the drop-in."},
 {"date": "2026-11-02", "experience": "Walked with Jo to the housing office."},
 {"date": "2026-11-02", "experience": "Walked with Jo to the housing office."},
 {"date": "2026-11-02", "created_at": "2026-11-02T09:00:00+00:00",
  "experience": "Walked with Jo to the housing office."}
]"""


def test_an_entry_given_twice_in_one_import_file_is_imported_once(
    cli: CLI, tmp_path: Path
) -> None:
    source = tmp_path / "twice.json"
    source.write_text(REPEATS, encoding="utf-8")
    dry = cli("import", "--dry-run", str(source))
    assert dry.exit_code == 0 and dry.stderr == (
        "Would import 3 entries (peerjournal JSON) from 2026-11-01 to 2026-11-02. 2 entries "
        "repeated in the file (the same entry twice) would be skipped. Nothing was changed "
        "(--dry-run).\n"
    )
    done = cli("import", str(source))
    assert done.exit_code == 0 and done.stderr == (
        "Imported 3 entries (peerjournal JSON) from 2026-11-01 to 2026-11-02: IDs 1–3. "
        "Skipped 2 entries repeated in the file (the same entry twice).\n"
    )
    import json

    listed = json.loads(cli("list", "--json").stdout)
    assert sorted(e["experience"] for e in listed) == [
        "Sat with Sam at the drop-in.",
        "Walked with Jo to the housing office.",  # (no stamp: once)
        "Walked with Jo to the housing office.",  # (a stamp of its own: another entry)
    ]
    again = cli("import", str(source))
    assert again.exit_code == 0 and "Skipped 3 entries already in the journal." in again.stderr
    assert len(json.loads(cli("list", "--json").stdout)) == 3


# -- 6. a damaged search index or score table -----------------------------------------------


def _damaged(table: str, entries: int = 120) -> Path:
    """A journal of `entries` scored entries whose `table`'s root page is damaged (its first
    300 bytes flipped, as a disk fault would)."""
    from datetime import date, datetime

    from conftest import curated_lexicon
    from peerjournal.db.store import Store
    from peerjournal.entry import EntryDraft
    from peerjournal.scoring import score_draft

    db = paths.db_path()
    store = Store(db)
    drafts = [EntryDraft(date=date(2026, 1 + n % 10, 1 + n % 27),
                         experience=f"Day {n}: sat with Sam at the drop-in; I told him to rest.")
              for n in range(entries)]
    store.add_entries(drafts, datetime(2026, 11, 20, tzinfo=UTC),
                      [score_draft(d, curated_lexicon()) for d in drafts])
    store.close()
    with sqlite3.connect(db) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (root,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                               (table,)).fetchone()
        size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with db.open("r+b") as handle:
        handle.seek((root - 1) * size)
        page = handle.read(300)
        handle.seek((root - 1) * size)
        handle.write(bytes(b ^ 0xFF for b in page))
    return db


REBUILD = (
    "`peerjournal export --full --output backup.json` saves the entries, and importing that "
    "file into a new journal (`peerjournal --db NEW.db import backup.json`) rebuilds the "
    "search index and the scores; keep the damaged file as it is."
)


def test_search_with_a_damaged_index_says_so_once_and_how_to_rebuild_it(cli: CLI) -> None:
    db = _damaged("entry_fts_data")
    result = cli("search", "Sam")
    assert result.exit_code == 4
    assert result.stderr == (
        f"peerjournal: The search index of the journal at {db} is damaged, so it cannot be "
        "searched; the entries themselves can still be read (`peerjournal list`, "
        f"`peerjournal show ID`). {REBUILD}\n"
    )
    assert "SQLITE" not in result.stderr and "Restore" not in result.stderr
    listed = cli("list", "--limit", "0", "--json")  # every entry still read
    assert listed.exit_code == 0 and len(__import__("json").loads(listed.stdout)) == 120


def test_report_with_damaged_scores_reads_the_entries_and_says_the_scores_could_not(
    cli: CLI,
) -> None:
    db = _damaged("entry_score")
    result = cli("report", "--since", "2026-01-01", "--json")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0] == (
        f"The drift scores of the journal at {db} are damaged and could not be read, so this "
        f"report counts the entries without them; the entries themselves are safe. {REBUILD}"
    )
    assert "SQLITE" not in result.stderr and "Restore" not in result.stderr
    assert "may be incomplete" in result.stderr  # (the warning of a damaged journal, once)
    report = __import__("json").loads(result.stdout)
    assert report["totals"]["entries"] == 120 and report["unscored"] == 120


def test_the_code_name_of_sqlite_damage_never_reaches_the_writer() -> None:
    from peerjournal.db.engine import describe_error

    error = sqlite3.DatabaseError("vtable constructor failed")
    error.sqlite_errorname = "SQLITE_CORRUPT_VTAB"  # type: ignore[attr-defined]
    said = describe_error(Path("/j/journal.db"), error)
    assert "SQLITE" not in said


def test_trash_empty_without_the_journal_there_discards_no_edit(
    cli: CLI, add: Callable[..., int], edits: Any, isolated: Path, tmp_path: Path
) -> None:
    # (a journal.db linking to a drive not mounted: its edits are of entries not seen now)
    entry_id = add(f"A session with {WORDS}")
    kept = _kept_edit(cli, edits, entry_id)
    (isolated / "journal.db").rename(tmp_path / "away.db")
    (isolated / "journal.db").symlink_to(tmp_path / "unmounted" / "journal.db")
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0 and result.stderr.startswith("The trash is already empty.")
    assert kept.exists()
