"""Round 33, the journal's files and locks: a journal everyone could read (as earlier versions
left it) is made private when opened, a write waiting for another says so, and a search that
only leaves words out with brackets (NOT(Sam), (NOT Sam)) says so as NOT Sam does."""

from __future__ import annotations

import json
import os
import sqlite3
import stat
import sys
import threading
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.db import engine
from peerjournal.db.store import Store, fts_queries, query_terms

Add = Callable[..., int]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def entries(cli: CLI) -> list[str]:
    return [e["experience"] for e in json.loads(cli("list", "--json").stdout)]


# -- 1. a journal everyone could read is made private -----------------------------------------


def test_a_journal_everyone_could_read_is_made_private_with_its_side_files(
    cli: CLI, add: Add, isolated: Path
) -> None:
    add("Sam talked about the move; I listened more than I spoke.")
    journal = isolated / "journal.db"
    copy = isolated / "journal.db.backup-20260101T000000"  # kept by an earlier upgrade
    copy.write_bytes(journal.read_bytes())
    other = sqlite3.connect(journal)  # open: its -wal and -shm are there
    try:
        other.execute("SELECT count(*) FROM entry").fetchall()
        beside = [journal.with_name(f"journal.db{end}") for end in ("-wal", "-shm")]
        for path in (journal, copy, *beside):
            path.chmod(0o644)  # as earlier versions of peerjournal left them
        result = cli("list")
        assert result.exit_code == 0 and result.stderr == ""
        assert {path.name: mode(path) for path in (journal, copy, *beside)} == {
            path.name: 0o600 for path in (journal, copy, *beside)}
    finally:
        other.close()
    assert entries(cli) == ["Sam talked about the move; I listened more than I spoke."]


def test_through_a_link_the_journal_and_its_side_files_where_sqlite_keeps_them_are_private(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    # SQLite keeps the -wal and -shm beside the file a link leads to (they hold entry text)
    add("Sam talked about the move; I listened more than I spoke.")
    target = tmp_path / "elsewhere" / "j.db"
    target.parent.mkdir()
    (isolated / "journal.db").rename(target)
    (isolated / "journal.db").symlink_to(target)
    other = sqlite3.connect(target)
    try:
        other.execute("SELECT count(*) FROM entry").fetchall()
        beside = [target.with_name(f"j.db{end}") for end in ("-wal", "-shm")]
        for path in (target, *beside):
            path.chmod(0o644)
        result = cli("list")
        assert result.exit_code == 0 and result.stderr == ""
        assert [mode(path) for path in (target, *beside)] == [0o600, 0o600, 0o600]
    finally:
        other.close()


def test_the_folder_the_writer_chose_keeps_its_mode(cli: CLI, add: Add, isolated: Path) -> None:
    add()
    isolated.chmod(0o755)  # PEERJOURNAL_HOME: the writer's folder, perhaps shared on purpose
    assert cli("list").exit_code == 0
    assert mode(isolated) == 0o755 and mode(isolated / "journal.db") == 0o600


@pytest.mark.skipif(sys.platform != "linux", reason="platformdirs reads XDG_DATA_HOME on Linux")
def test_peerjournals_own_data_folder_is_made_private(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.delenv("PEERJOURNAL_HOME")
    monkeypatch.setenv("XDG_DATA_HOME", str(tmp_path / "share"))
    (tmp_path / "share").mkdir()
    (tmp_path / "share").chmod(0o755)  # the writer's own, above peerjournal's
    assert cli("write", "-x", "First entry.").exit_code == 0
    folder = tmp_path / "share" / "peerjournal"
    folder.chmod(0o755)  # as an earlier version made it
    assert cli("list").exit_code == 0
    assert mode(folder) == 0o700 and mode(tmp_path / "share") == 0o755


@pytest.mark.skipif(not hasattr(os, "geteuid") or os.geteuid() != 0,
                    reason="giving a file to another user needs root")
def test_a_journal_this_user_does_not_own_keeps_its_mode(
    cli: CLI, add: Add, isolated: Path
) -> None:
    add("Written by its owner.")
    journal = isolated / "journal.db"
    journal.chmod(0o644)
    os.chown(journal, 65534, 65534)  # another user's journal (root may read it)
    assert cli("list").exit_code == 0
    assert mode(journal) == 0o644 and journal.stat().st_uid == 65534


def test_a_journal_opened_read_only_keeps_its_mode(
    add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A journal that can only be read (a read-only folder or file system: `_read_only`) is
    read as it is, its mode too."""
    add()
    journal = isolated / "journal.db"
    journal.chmod(0o644)

    def unopenable(path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(engine, "_connect", unopenable)
    monkeypatch.setattr(engine, "_write_blocker", lambda path: f"its folder {engine.READ_ONLY}")
    store = Store(journal, create=False)
    try:
        assert store.conn.execute("SELECT count(*) FROM entry").fetchone() == (1,)
    finally:
        store.close()
    assert mode(journal) == 0o644


# -- 2. a write waiting for another says so ---------------------------------------------------


def hold_lock(journal: Path, seconds: float) -> threading.Timer:
    """Another writer holding the journal's write lock for `seconds` (from another thread)."""
    other = sqlite3.connect(journal, isolation_level=None, check_same_thread=False)
    other.execute("BEGIN EXCLUSIVE")

    def release() -> None:
        other.execute("COMMIT")
        other.close()

    timer = threading.Timer(seconds, release)
    timer.start()
    return timer


def test_a_write_that_waits_for_another_says_so_once_and_saves(
    cli: CLI, add: Add, isolated: Path
) -> None:
    add("Before.")
    held = hold_lock(isolated / "journal.db", 1.5)
    try:
        result = cli("write", "-x", "Written while another was writing.")
    finally:
        held.join()
    assert result.exit_code == 0, result.stderr
    assert result.stderr.startswith(engine.WAITING + "\n")
    assert result.stderr.count("Waiting for the journal") == 1
    assert sorted(entries(cli)) == ["Before.", "Written while another was writing."]


def test_a_write_that_does_not_wait_says_nothing_of_waiting(
    cli: CLI, add: Add, isolated: Path
) -> None:
    add("Before.")
    held = hold_lock(isolated / "journal.db", 0.2)  # shorter than WAIT_NOTICE_SECONDS
    try:
        waited = cli("write", "-x", "Written after a short wait.")
    finally:
        held.join()
    unheld = cli("write", "-x", "Written at once.")
    for result in (waited, unheld):
        assert result.exit_code == 0, result.stderr
        assert "Waiting" not in result.stderr
    assert len(entries(cli)) == 3


def test_a_write_that_waits_in_vain_says_so_then_why_it_failed(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("Before.")
    monkeypatch.setattr(engine, "WAIT_NOTICE_SECONDS", 0.1)
    monkeypatch.setenv(engine.BUSY_TIMEOUT_ENV, "600")
    held = hold_lock(isolated / "journal.db", 1.0)
    try:
        result = cli("write", "-x", "Written while locked.")
    finally:
        held.join()
    assert result.exit_code == 4
    lines = result.stderr.splitlines()
    assert lines[0] == engine.WAITING and "locked by another program" in lines[1]
    assert "kept as draft" in result.stderr and result.stderr.count("Waiting") == 1
    assert entries(cli) == ["Before."]


# -- 3. NOT with brackets, alone --------------------------------------------------------------


@pytest.mark.parametrize("query", ["NOT(group)", "(NOT group)", "-(group)", "( NOT group )"])
def test_a_query_that_only_leaves_out_a_bracket_says_so(cli: CLI, add: Add, query: str) -> None:
    add("Group went well tonight.")
    result = cli("search", "--", query)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: Search needs a word to look for: {query!r} only leaves words out "
        "(as in `search 'handover -housing'`).\n"
    )


@pytest.mark.parametrize("query", ["went NOT(group)", "(NOT group) went", "went -(group)"])
def test_brackets_around_what_is_left_out_leave_it_out(
    cli: CLI, add: Add, query: str
) -> None:
    add("Group went well tonight.")
    walk = add("The walk went fine.")
    found = cli("search", "--json", "--", query)
    assert found.exit_code == 0, found.stderr
    assert [hit["id"] for hit in json.loads(found.stdout)] == [walk]


def test_the_rewrite_reads_not_before_a_bracket_as_the_operator() -> None:
    assert query_terms("NOT(Sam)") == ([], ['"Sam"'], ["NOT"])
    assert list(fts_queries("(NOT Sam) Jo")) == ["(NOT Sam) Jo", '"Jo" NOT ("Sam")']
    assert query_terms("f(x) (Sam OR Jo)").include == ['"f"', '"x"', '("Sam" OR "Jo")']
