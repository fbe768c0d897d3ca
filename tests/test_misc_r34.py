"""Round 34, odds and ends: Ctrl-C late in `trash --empty` (or in a delete or restore) says
what happened, not a bare "Interrupted."; delete and restore take `14,15` and ranges `14-20`;
a bad PEERJOURNAL_BUSY_TIMEOUT_MS is a usage error; a copy of journal.db restored beside the
-wal of the file it replaced is named so, and left as it is; --output refuses "frank.pdf" as
"Frank.md"; Markdown keeps an entry's lines; a lock held by `drift --rescore` is named."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.db import engine
from peerjournal.db.store import Store

Add = Callable[..., int]
INTERRUPTED = 130


def trashed(cli: CLI) -> list[int]:
    return sorted(e["id"] for e in json.loads(cli("trash", "--json").stdout))


def listed(cli: CLI) -> list[int]:
    return sorted(e["id"] for e in json.loads(cli("list", "--json").stdout))


def interrupt_after(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Store.`name` does its work, then Ctrl-C comes (as during COMMIT, or just after it)."""
    real = getattr(Store, name)

    def then_interrupted(self: Store, *args: Any) -> Any:
        real(self, *args)
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, name, then_interrupted)


def interrupt_before(monkeypatch: pytest.MonkeyPatch, name: str) -> None:
    """Ctrl-C comes while Store.`name` runs, before anything is committed."""

    def interrupted(self: Store, *args: Any) -> Any:
        raise KeyboardInterrupt

    monkeypatch.setattr(Store, name, interrupted)


# -- trash --empty, delete and restore stopped by Ctrl-C -----------------------------------


def test_ctrl_c_once_the_trash_is_emptied_says_so_and_prints_the_json(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("First."), add("Second."), add("Kept.")
    assert cli("delete", "1", "2").exit_code == 0
    interrupt_after(monkeypatch, "empty_trash")
    result = cli("trash", "--empty", "--yes", "--json")
    assert result.exit_code == INTERRUPTED
    assert json.loads(result.stdout) == {"destroyed": 2}
    assert result.stderr == (
        "Destroyed 2 entries.\n"
        "peerjournal: Interrupted, but the trash was already emptied: nothing is left to do.\n"
    )
    assert trashed(cli) == [] and listed(cli) == [3]


def test_ctrl_c_before_the_trash_is_emptied_says_nothing_was_destroyed(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("First."), add("Second.")
    assert cli("delete", "1", "2").exit_code == 0
    interrupt_before(monkeypatch, "empty_trash")
    result = cli("trash", "--empty", "--yes", "--json")
    assert result.exit_code == INTERRUPTED and result.stdout == ""
    assert result.stderr == (
        "peerjournal: Interrupted: nothing was destroyed, the 2 entries are still in the "
        "trash.\n"
    )
    assert trashed(cli) == [1, 2]


def test_ctrl_c_while_the_destroyed_text_is_cleared_from_the_file_says_how_to_finish(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("Secret words.")
    assert cli("delete", "1").exit_code == 0
    interrupt_before(monkeypatch, "clear_freed")
    result = cli("trash", "--empty", "--yes", "--json")
    assert result.exit_code == INTERRUPTED
    assert json.loads(result.stdout) == {"destroyed": 1}
    assert result.stderr == (
        "peerjournal: Interrupted, but the trash was already emptied (1 entry destroyed); "
        "the text of destroyed entries may not all be cleared yet: `peerjournal trash "
        "--empty` clears it.\n"
    )
    assert trashed(cli) == []


def test_ctrl_c_while_the_trash_is_read_before_emptying_says_nothing_was_destroyed(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("First.")
    assert cli("delete", "1").exit_code == 0
    real = Store.trashed
    interrupt_before(monkeypatch, "trashed")
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == INTERRUPTED
    assert result.stderr == "peerjournal: Interrupted: nothing was destroyed.\n"
    monkeypatch.setattr(Store, "trashed", real)
    assert trashed(cli) == [1]


@pytest.mark.parametrize("command", ["delete", "restore"])
def test_ctrl_c_during_a_delete_or_restore_that_rolled_back_says_nothing_changed(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, command: str
) -> None:
    add("First."), add("Second.")
    if command == "restore":
        assert cli("delete", "1", "2").exit_code == 0
    interrupt_before(monkeypatch, "_move")
    result = cli(command, "1", "2")
    assert result.exit_code == INTERRUPTED
    said = {"delete": "nothing was deleted, the entries are as they were",
            "restore": "nothing was restored, the entries are still in the trash"}[command]
    assert result.stderr == f"peerjournal: Interrupted: {said}.\n"
    assert (listed(cli), trashed(cli)) == (([1, 2], []) if command == "delete" else ([], [1, 2]))


def test_ctrl_c_once_a_delete_is_committed_says_it_was_and_how_to_undo_it(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("First."), add("Second.")
    interrupt_after(monkeypatch, "_move")
    result = cli("delete", "1,2")
    assert result.exit_code == INTERRUPTED
    assert result.stderr == (
        "peerjournal: Interrupted, but entries 1 and 2 were already moved to the trash "
        "(`peerjournal restore 1 2` brings them back).\n"
    )
    assert trashed(cli) == [1, 2]
    back = cli("restore", "2")
    assert back.exit_code == INTERRUPTED
    assert back.stderr == "peerjournal: Interrupted, but entry 2 was already restored.\n"
    assert listed(cli) == [2]


# -- several IDs in one argument ----------------------------------------------------------


def test_delete_and_restore_take_ids_with_commas_and_ranges(cli: CLI, add: Add) -> None:
    for n in range(1, 16):
        add(f"Entry {n}.")
    assert cli("delete", "14,15").exit_code == 0
    assert cli("delete", "#2-#4", "6, 8").exit_code == 0  # (as `show` prints an ID, and spaced)
    assert trashed(cli) == [2, 3, 4, 6, 8, 14, 15]
    assert cli("restore", "2-4,14", "6", "8", "15").exit_code == 0
    assert trashed(cli) == []
    many = cli("delete", "1-12")
    assert many.exit_code == 0 and many.stderr == (
        "Moved 12 entries (1-12) to the trash. `peerjournal restore 1-12` brings them back.\n")
    again = cli("delete", "1-13")  # (round 44: those in the trash already are said, not errors)
    assert again.exit_code == 0 and "Entries 1-12 were already in the trash" in again.stderr
    assert "`peerjournal restore 1-12` brings them back" in again.stderr
    assert trashed(cli) == list(range(1, 14))
    back = cli("restore", "1-12", "--json")  # the command the message gave
    assert back.exit_code == 0 and [e["id"] for e in json.loads(back.stdout)] == list(
        range(1, 13))


def test_a_range_over_ids_not_there_moves_nothing(cli: CLI, add: Add) -> None:
    add("One."), add("Two.")
    result = cli("delete", "1-2000")
    assert result.exit_code == 3
    assert result.stderr == (
        "peerjournal: No entry 3-2000 in the journal (see `peerjournal list`, or "
        "`peerjournal trash`). Nothing was deleted.\n")
    assert listed(cli) == [1, 2]


@pytest.mark.parametrize(
    ("given", "said"),
    [
        ("5-3", "5-3 is not a range of entry IDs: give the lower ID first, as in 3-5."),
        ("0-3", "0-3 is not a range of entry IDs; IDs start at 1"),
        ("1-99999999999", "it holds more than 1,000,000"),
        (",", "',' is not an entry ID"),
        ("3,x", "'x' is not an entry ID"),
        ("-2", "-2 is not an entry ID; IDs start at 1"),
    ],
)
def test_a_slip_in_ids_is_a_usage_error_and_moves_nothing(
    cli: CLI, add: Add, given: str, said: str
) -> None:
    add("One."), add("Two."), add("Three.")
    result = cli("delete", given)
    assert result.exit_code == 2 and said in result.stderr, result.stderr
    assert result.stderr.count("\n") == 1
    assert listed(cli) == [1, 2, 3]


# -- PEERJOURNAL_BUSY_TIMEOUT_MS ----------------------------------------------------------


def test_a_bad_busy_timeout_is_a_usage_error_and_a_write_keeps_its_draft(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv(engine.BUSY_TIMEOUT_ENV, "abc")
    result = cli("write", "-x", "Kept all the same.")
    assert result.exit_code == 2
    assert result.stderr.startswith(
        "peerjournal: PEERJOURNAL_BUSY_TIMEOUT_MS='abc' is not a number of milliseconds: set "
        "it to a whole number, such as 10000, or unset it.")
    assert "kept as draft" in result.stderr and result.stderr.count("\n") == 1


# -- a copy restored beside a stale -wal --------------------------------------------------

CRASH_LEAVING_WAL = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint=0")
conn.execute("BEGIN")
conn.execute("UPDATE entry SET experience = experience || ' and more words, written later'")
conn.execute("COMMIT")
os._exit(0)  # (no close: the -wal stays, as a crash leaves it)
"""


def test_a_copy_restored_beside_another_files_wal_is_named_so_and_left_as_it_is(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    for n in range(40):  # the journal that crashes, with more entries than the copy
        add(f"Entry {n} of the journal as it was last, with a few words more.")
    copy = tmp_path / "copy" / "journal.db"  # a copy of an older journal, of two entries
    for text in ("Restored one.", "Restored two."):
        assert cli("--db", str(copy), "write", "-x", text).exit_code == 0
    journal = isolated / "journal.db"
    subprocess.run([sys.executable, "-c", CRASH_LEAVING_WAL, str(journal)], check=True)
    shutil.copy(copy, journal)  # the copy put back by hand, beside the crashed file's -wal
    (isolated / "journal.db-shm").unlink(missing_ok=True)
    result = cli("list", "--json")
    assert "is damaged" in result.stderr
    assert (
        "The journal.db-wal beside it (last written " in result.stderr
        and ") is older than the journal file: if journal.db was put back from a copy, that "
        "-wal belongs to the file it replaced, not to this one. Close every peerjournal, move "
        f"journal.db-wal and journal.db-shm out of {isolated} (keep them), and run the "
        "command again." in result.stderr
    ), result.stderr
    refused = cli("write", "-x", "Not into a damaged journal.")
    assert refused.exit_code == 4 and "move journal.db-wal" in refused.stderr
    # nothing was copied out of that -wal into the restored copy, nor was the -wal removed
    assert journal.read_bytes() == copy.read_bytes()
    assert (isolated / "journal.db-wal").stat().st_size > 0
    aside = tmp_path / "aside"
    aside.mkdir()
    for end in ("-wal", "-shm"):
        if (isolated / f"journal.db{end}").exists():
            (isolated / f"journal.db{end}").rename(aside / f"journal.db{end}")
    after = cli("list", "--json")
    assert after.exit_code == 0 and after.stderr == ""
    assert [e["experience"] for e in json.loads(after.stdout)] == ["Restored two.",
                                                                   "Restored one."]


def test_a_damaged_journal_with_its_own_newer_wal_gets_no_such_note(
    add: Add, isolated: Path
) -> None:
    from peerjournal.db.health import stale_wal_note

    add("One.")
    journal = isolated / "journal.db"
    wal = isolated / "journal.db-wal"
    wal.write_bytes(b"x" * 100)
    later = journal.stat().st_ctime_ns + 10**9
    os.utime(wal, ns=(later, later))
    assert stale_wal_note(journal) == ""
    os.utime(wal, ns=(later - 10**10, later - 10**10))
    assert "move journal.db-wal and journal.db-shm" in stale_wal_note(journal)
    wal.write_bytes(b"")
    assert stale_wal_note(journal) == ""


# -- export -------------------------------------------------------------------------------


@pytest.mark.parametrize("name", ["frank.pdf", "miller.md", "summary-frank.md", "FRANK.md"])
def test_output_refuses_a_listed_name_in_any_case(
    cli: CLI, add: Add, tmp_path: Path, name: str
) -> None:
    assert cli("people", "add", "Frank Miller").exit_code == 0
    add("A shared entry about the day.", "--share")
    target = tmp_path / name
    result = cli("export", "--output", str(target), "--yes")
    assert result.exit_code == 1 and "holds a name on the people list" in result.stderr
    assert not target.exists()


def test_markdown_keeps_an_entrys_lines_in_a_viewer(cli: CLI, add: Add, tmp_path: Path) -> None:
    from markdown_it import MarkdownIt

    add("What I did:\n- listened\n- asked what helped\n\nThen we stopped.", "--share")
    target = tmp_path / "s.md"
    assert cli("export", "--output", str(target), "--yes").exit_code == 0
    text = target.read_text(encoding="utf-8")
    assert "What I did:  \n\\- listened  \n\\- asked what helped\n\nThen we stopped.\n" in text
    shown = MarkdownIt().render(text)
    assert "<p>What I did:<br />\n- listened<br />\n- asked what helped</p>" in shown


def test_a_signature_ending_in_a_full_stop_gets_no_second_one(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    assert cli("people", "add", "Sam Jones", "--alias", "S.").exit_code == 0
    add("A shared entry.", "--share")
    result = cli("export", "--output", str(tmp_path / "s.md"), "--yes", "--from", "Sam Jones")
    assert result.exit_code == 0, result.stderr
    assert "the summary is signed S.\n" in result.stderr and "S.." not in result.stderr


# -- a lock held by `drift --rescore` -----------------------------------------------------


def test_a_write_that_waited_for_a_rescore_names_it(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("One.")
    journal = isolated / "journal.db"
    note = engine._writing_note(journal)
    note.parent.mkdir(parents=True, exist_ok=True)
    note.write_text(f"{os.getppid()} drift --rescore", encoding="utf-8")  # (a process alive)
    monkeypatch.setenv(engine.BUSY_TIMEOUT_ENV, "50")
    holder = sqlite3.connect(journal, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli("write", "-x", "Written during a rescore.")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 4
    assert result.stderr.startswith(
        f"peerjournal: The journal at {journal} is locked by another peerjournal command, "
        "`peerjournal drift --rescore`, still running; try again once it has finished.")
    note.unlink()
    holder = sqlite3.connect(journal, isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        plain = cli("write", "-x", "Written during another program's write.")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert "locked by another program" in plain.stderr


def test_a_rescore_notes_its_lock_while_it_runs_and_only_then(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("I told him what he should do about his meds.")
    journal = isolated / "journal.db"
    seen: list[str | None] = []
    real = Store.set_drifts

    def noting(self: Store, *args: Any) -> Any:
        seen.append(engine._writing_note(journal).read_text(encoding="utf-8").split(" ", 1)[1])
        return real(self, *args)

    monkeypatch.setattr(Store, "set_drifts", noting)
    monkeypatch.setattr(Store, "texts_to_rescore", lambda self, *a: [(1, "Rescored text.")])
    result = cli("drift", "--rescore")
    assert result.exit_code == 0, result.stderr
    assert seen == ["drift --rescore"]
    assert not engine._writing_note(journal).exists()
