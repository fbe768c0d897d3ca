"""Round 35: a command that only reads never makes a journal of a file that holds none.

Before: `list` or `search` pointed (--db) at an existing SQLite file with no tables (made empty
by another program) wrote peerjournal's 25 tables into it; and one of 0 bytes was made a
journal, its mode changed, by a read. Only a command that writes makes a journal there; a file
with another program's tables is refused by every command."""

from __future__ import annotations

import hashlib
import os
import sqlite3
from pathlib import Path

import pytest

from conftest import CLI


def _folder(tmp_path: Path) -> Path:
    """A folder of its own for the file (the data folder, drafts and all, is elsewhere)."""
    folder = tmp_path / "elsewhere"
    folder.mkdir(exist_ok=True)
    return folder


def _no_tables(path: Path) -> Path:
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE scratch (a)")
    conn.execute("DROP TABLE scratch")
    conn.commit()
    conn.close()
    return path


def _tables(path: Path) -> list[str]:
    conn = sqlite3.connect(path)
    try:
        return [name for (name,) in conn.execute("SELECT name FROM sqlite_master")]
    finally:
        conn.close()


def _state(path: Path) -> tuple[str, int, list[str]]:
    """What a read must leave as it is: the file's bytes, its mode, the files beside it."""
    return (hashlib.sha256(path.read_bytes()).hexdigest(), path.stat().st_mode,
            sorted(os.listdir(path.parent)))


READS = [("list",), ("search", "tea"), ("tags",), ("report",), ("show", "1")]


@pytest.mark.parametrize("args", READS)
@pytest.mark.parametrize("made", ["no tables", "0 bytes"])
def test_a_read_of_a_file_with_no_journal_in_it_writes_nothing(
    cli: CLI, tmp_path: Path, args: tuple[str, ...], made: str
) -> None:
    path = _folder(tmp_path) / "other.db"
    if made == "no tables":
        _no_tables(path)
    else:
        path.touch()
    path.chmod(0o644)
    before = _state(path)
    result = cli("--db", str(path), *args)
    assert result.exit_code == (3 if args[0] == "show" else 0), result.stderr
    assert "Traceback" not in result.stderr
    assert _state(path) == before
    assert _tables(path) == []


def test_list_of_a_file_with_no_tables_answers_as_an_empty_journal(
    cli: CLI, tmp_path: Path
) -> None:
    path = _no_tables(_folder(tmp_path) / "other.db")
    result = cli("--db", str(path), "list")
    assert result.stderr == "No entries yet. Write one with `peerjournal write`.\n"


def test_write_still_makes_a_journal_in_a_file_with_no_tables(cli: CLI, tmp_path: Path) -> None:
    path = _no_tables(_folder(tmp_path) / "other.db")
    assert cli("--db", str(path), "write", "-x", "A first note.").exit_code == 0
    assert "entry" in _tables(path)
    shown = cli("--db", str(path), "show", "1")
    assert shown.exit_code == 0 and "A first note." in shown.stdout


@pytest.mark.parametrize("args", [*READS, ("write", "-x", "A note.")])
def test_a_file_with_another_programs_tables_is_refused(
    cli: CLI, tmp_path: Path, args: tuple[str, ...]
) -> None:
    path = _folder(tmp_path) / "notes.db"
    conn = sqlite3.connect(path)
    conn.execute("CREATE TABLE notes (body TEXT)")
    conn.commit()
    conn.close()
    before = _state(path)
    result = cli("--db", str(path), *args)
    assert result.exit_code == 4
    assert result.stderr.startswith(
        f"peerjournal: {path} is a SQLite database, but not a peerjournal journal.")
    assert result.stderr.count("\n") == 1
    assert _state(path) == before
