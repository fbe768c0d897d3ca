"""Round 46 (damage): no damaged page makes a journal read as empty or smaller without a word.

Before (QA r46, finding 1): with the page holding the journal's schema version damaged, `list`
said "No entries yet" (exit 0), `show 1` "No entry 1", and `export --full` wrote a backup of
0 entries (exit 0), while the file still held every entry: the version read as NULL, and the
journal was taken for a new one. Also here: an unknown mode is quoted cut short (finding 4),
and `trash --empty` on a full disk speaks of destroyed text only when some was destroyed
(finding 5)."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.db import engine
from peerjournal.db.store import Store
from test_store_r34 import said, settled, zero_page

ENTRIES = 30
PAGE = 4096
Add = Callable[..., int]


def _journal(add: Add, isolated: Path) -> Path:
    """30 entries of some length (several pages of them), tagged, in the main file only."""
    for n in range(ENTRIES):
        add(f"Entry {n}. We talked about the week, the group and what comes next. " * 4,
            "-t", f"tag{n % 3}", "-s", "community")
    path = isolated / "journal.db"
    settled(path)
    return path


def _garbage(path: Path, page: int) -> None:
    with path.open("r+b") as handle:
        handle.seek((page - 1) * PAGE)
        handle.write(random.Random(page).randbytes(PAGE))


def _put_back(pristine: bytes, path: Path) -> None:
    """The journal as it was made, with no -wal or -shm beside it."""
    for end in ("-wal", "-shm"):
        path.with_name(path.name + end).unlink(missing_ok=True)
    path.write_bytes(pristine)


def _check_reads(cli: CLI, path: Path, where: str) -> None:
    """What `list --json`, `search`, `show` and `export --full` give: the entries, or the
    damage named; never fewer entries (or none) with exit 0 and not a word of damage."""
    listed = cli("list", "--json", "--limit", "0")
    assert listed.exit_code in (0, 4), (where, listed.stderr)
    if listed.exit_code == 0:
        shown = json.loads(listed.stdout)
        assert len(shown) == ENTRIES or "damaged" in listed.stderr, (where, len(shown))
    else:  # (what could be read, then the entries left out named)
        assert "damaged" in listed.stderr, (where, listed.stderr)
    found = cli("search", "--json", "--limit", "0", "week")
    assert found.exit_code in (0, 4), (where, found.stderr)
    if found.exit_code == 0:
        hits = json.loads(found.stdout)
        assert len(hits) == ENTRIES or "damaged" in found.stderr, (where, len(hits))
    else:
        assert "damaged" in found.stderr, (where, found.stderr)
    for entry_id in (1, ENTRIES):
        show = cli("show", str(entry_id))
        assert show.exit_code in (0, 4), (where, entry_id, show.stderr)
        if show.exit_code == 0:
            assert f"Entry {entry_id - 1}." in show.stdout, where
        else:
            assert "damaged" in show.stderr, (where, show.stderr)
    backup = path.parent.parent / "backup.json"
    backup.unlink(missing_ok=True)
    export = cli("export", "--full", "--output", str(backup))
    assert export.exit_code in (0, 4), (where, export.stderr)
    if export.exit_code == 0:
        assert len(json.loads(backup.read_text())["entries"]) == ENTRIES, where
    else:
        assert "damaged" in export.stderr, (where, export.stderr)


@pytest.mark.parametrize("damage", ["zeros", "garbage"])
def test_no_single_damaged_page_reads_as_fewer_entries_without_a_word(
    cli: CLI, add: Add, isolated: Path, damage: str
) -> None:
    """Each page of a real journal damaged in turn (zeroed, or random bytes over it)."""
    path = _journal(add, isolated)
    pristine = path.read_bytes()
    pages = len(pristine) // PAGE
    assert pages > 20
    for page in range(1, pages + 1):
        _put_back(pristine, path)
        (zero_page if damage == "zeros" else _garbage)(path, page)
        _check_reads(cli, path, f"page {page} of {pages}, {damage}")
        assert path.read_bytes()[(page - 1) * PAGE:page * PAGE] == (
            b"\0" * PAGE if damage == "zeros" else random.Random(page).randbytes(PAGE)
        ), f"page {page} was written to"


# -- 1. a journal whose schema version cannot be read ------------------------------------------


def _three(add: Add, isolated: Path) -> Path:
    for n in range(3):
        add(f"Entry {n} words.")
    path = isolated / "journal.db"
    settled(path)
    return path


def _version_page(path: Path) -> int:
    conn = sqlite3.connect(path)
    (page,) = conn.execute(
        "SELECT rootpage FROM sqlite_master WHERE name = 'alembic_version'").fetchone()
    conn.close()
    return int(page)


def test_a_damaged_version_page_is_read_as_a_damaged_journal_not_an_empty_one(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """QA r46's damage (bytes flipped over the version's page, which then reads as NULL):
    before, "No entries yet" (exit 0) and a backup of 0 entries (exit 0)."""
    path = _three(add, isolated)
    data = bytearray(path.read_bytes())
    start = (_version_page(path) - 1) * PAGE
    for at in range(start + 8, start + PAGE, 97):
        data[at] ^= 0x5A
    path.write_bytes(bytes(data))
    conn = sqlite3.connect(path)
    assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (None,)
    conn.close()
    listed = cli("list", "--json")
    assert listed.exit_code == 0
    assert [e["id"] for e in json.loads(listed.stdout)] == [3, 2, 1]
    assert f"The journal at {path} is damaged" in said(listed.stderr)
    assert "Entry 0 words." in cli("show", "1").stdout
    backup = isolated.parent / "backup.json"
    export = cli("export", "--full", "--output", str(backup))
    assert export.exit_code == 4 and "damaged" in export.stderr
    assert len(json.loads(backup.read_text())["entries"]) == 3
    before = path.read_bytes()
    write = cli("write", "-x", "A new one.")
    assert write.exit_code == 4 and "nothing was saved to it" in said(write.stderr)
    assert path.read_bytes() == before
    assert not list(isolated.glob("journal.db.backup-*"))


@pytest.mark.parametrize("damage", ["zeros", "garbage"])
def test_a_version_page_that_cannot_be_read_at_all_still_gives_the_entries(
    cli: CLI, add: Add, isolated: Path, damage: str
) -> None:
    """Before: "damaged … and nothing in it can be read", though every entry could be."""
    path = _three(add, isolated)
    (zero_page if damage == "zeros" else _garbage)(path, _version_page(path))
    listed = cli("list", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert len(json.loads(listed.stdout)) == 3
    assert "nothing in it can be read" not in listed.stderr
    assert f"The journal at {path} is damaged" in said(listed.stderr)


def test_a_version_taken_out_by_hand_is_refused_and_nothing_is_written(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """A version that is not text, which SQLite's check finds no fault with (changed by
    hand): not ours to read as this version's, nor a new journal to make (`write` made its
    tables over it before, and an odd value could fail as a traceback)."""
    path = _three(add, isolated)
    conn = sqlite3.connect(path)
    conn.execute("UPDATE alembic_version SET version_num = x'00'")
    conn.commit()
    conn.close()
    settled(path)
    before = path.read_bytes()
    for command in (["list"], ["show", "1"], ["write", "-x", "Another."]):
        result = cli(*command)
        assert result.exit_code == 4, (command, result.stderr)
        assert (f"The journal at {path} has lost its schema version (damaged, or not made by "
                "peerjournal). Nothing was written to it; keep the file as it is.") in said(
                    result.stderr)
        assert result.stderr.count("\n") <= 2  # (one line, and a kept draft's)
    assert path.read_bytes() == before
    assert "No entries yet" not in cli("list").stderr


def test_a_journal_whose_list_of_tables_reads_empty_is_not_made_anew(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """Its pages still hold the entries: `write` made a new journal over them before."""
    path = _three(add, isolated)
    conn = sqlite3.connect(path)
    conn.execute("PRAGMA writable_schema = ON")
    conn.execute("DELETE FROM sqlite_master")
    conn.commit()
    conn.close()
    settled(path)
    before = path.read_bytes()
    for command in (["list"], ["export", "--full", "-o", str(isolated.parent / "b.json")],
                    ["write", "-x", "Another."]):
        result = cli(*command)
        assert result.exit_code == 4, (command, result.stderr)
        assert "has lost its schema version" in result.stderr
    assert path.read_bytes() == before
    assert not (isolated.parent / "b.json").exists()


def test_a_new_journal_and_an_emptied_database_are_still_new(cli: CLI, isolated: Path) -> None:
    """What a file of no tables is when nothing is in use in it: a journal to start."""
    isolated.mkdir(parents=True)
    path = isolated / "journal.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE t (a)")
    conn.execute("INSERT INTO t VALUES (randomblob(20000))")
    conn.commit()
    conn.execute("DROP TABLE t")
    conn.commit()
    conn.close()
    assert cli("list").exit_code == 0
    assert cli("write", "-x", "First.").exit_code == 0
    assert "First." in cli("show", "1").stdout


# -- 4. an unknown mode is quoted cut short ----------------------------------------------------


def test_an_unknown_mode_in_an_import_is_quoted_cut_short(cli: CLI, tmp_path: Path) -> None:
    text = "Met Jo at the cafe and she told me about her week " * 3
    source = tmp_path / "in.json"
    source.write_text(json.dumps([{"date": "2026-11-01", "experience": "x", "mode": text}]))
    result = cli("import", str(source), "--dry-run")
    assert result.exit_code != 0
    assert "unknown mode 'Met Jo at the cafe…': use on-action or in-action." in result.stderr
    assert "told me" not in result.stderr
    assert "Unknown mode 'later'" in cli("write", "-x", "Hi.", "--mode", "later").stderr


# -- 5. trash --empty on a full disk -----------------------------------------------------------


def _full_disk(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Store, "clear_freed", lambda self: engine.FULL)


def _holding_wal(path: Path) -> sqlite3.Connection:
    """A reader that keeps what is written next in the -wal (the last to close copies it
    back): as a full disk leaves it."""
    reader = sqlite3.connect(path)
    reader.execute("SELECT count(*) FROM entry").fetchone()
    return reader


def test_an_empty_trash_on_a_full_disk_speaks_of_no_destroyed_text(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "the text of entries destroyed before could not yet be cleared" (exit 4) when
    nothing was ever destroyed: the -wal a full disk kept held ordinary writes."""
    add("One.")
    reader = _holding_wal(isolated / "journal.db")
    add("Two.")
    assert engine.wal_file(isolated / "journal.db").stat().st_size > 0
    _full_disk(monkeypatch)
    result = cli("trash", "--empty", "-y")
    reader.close()
    assert (result.exit_code, result.stderr) == (0, "The trash is already empty.\n")


def test_destroyed_text_not_yet_cleared_is_said_until_it_is(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("One.")
    add("Two.")
    assert cli("delete", "1").exit_code == 0
    path = isolated / "journal.db"
    reader = _holding_wal(path)
    with monkeypatch.context() as patched:
        _full_disk(patched)
        destroyed = cli("trash", "--empty", "-y")
        assert destroyed.exit_code == 4
        assert "Destroyed 1 entry. But their text could not yet be cleared" in said(
            destroyed.stderr)
        again = cli("trash", "--empty", "-y")
        assert again.exit_code == 4
        assert ("The trash is already empty. But the text of entries destroyed before could "
                "not yet be cleared") in said(again.stderr)
    reader.close()  # (the last to close: the -wal is copied back, the text cleared)
    assert cli("trash", "--empty", "-y").stderr == "The trash is already empty.\n"
    reader = _holding_wal(path)
    add("Three.")
    _full_disk(monkeypatch)  # (cleared now: a full disk later has nothing of it to say)
    result = cli("trash", "--empty", "-y")
    reader.close()
    assert (result.exit_code, result.stderr) == (0, "The trash is already empty.\n")
