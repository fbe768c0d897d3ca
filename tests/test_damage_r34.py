"""Round 34 (damage): a damaged journal is never written to.

Before: `trash --empty --yes` on a copy restored beside the -wal of the file it replaced
copied that -wal into the copy (`clear_freed`'s checkpoint) and emptied it, exit 0; a copy
that read as "nothing in it can be read" was changed the same way as its connection closed
(and the -wal and -shm removed), with no word of the -wal; and a report of a damaged
journal said entries "left out" that its filters might never have taken in."""

from __future__ import annotations

import hashlib
import json
import os
import sqlite3
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path

from conftest import CLI
from test_store_r34 import entry_leaf_of, lost_rows, said, settled, zero_page

CRASH_LEAVING_WAL = """
import os, sqlite3, sys
conn = sqlite3.connect(sys.argv[1], isolation_level=None)
conn.execute("PRAGMA wal_autocheckpoint=0")
for n in range(int(sys.argv[2])):
    conn.execute("UPDATE entry SET experience = experience || ' and more words, written later' "
                 "WHERE id = ?", (n % 40 + 1,))
os._exit(0)  # (no close: the -wal stays, as a crash leaves it)
"""


def digest(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def restored_beside_a_stale_wal(add: Callable[..., int], isolated: Path, updates: int) -> Path:
    """journal.db: an older VACUUMed copy of itself put back by hand over the file, beside
    the -wal that file's crash left (`updates` rows written into it)."""
    for n in range(40):
        add(f"Entry {n} of the journal as it was last, with a few words more.")
    journal = isolated / "journal.db"
    copy = isolated / "copy.db"
    conn = sqlite3.connect(journal)
    conn.execute("VACUUM INTO ?", (str(copy),))
    conn.close()
    subprocess.run([sys.executable, "-c", CRASH_LEAVING_WAL, str(journal), str(updates)],
                   check=True)
    wal = isolated / "journal.db-wal"
    written = wal.stat().st_mtime_ns - 10**9  # (before the copy is put back, whatever the clock)
    os.utime(wal, ns=(written, written))
    copy.replace(journal)
    (isolated / "journal.db-shm").unlink(missing_ok=True)
    return journal


def test_emptying_the_trash_of_a_damaged_journal_writes_nothing_into_it(
    cli: CLI, add: Add, isolated: Path
) -> None:
    journal = restored_beside_a_stale_wal(add, isolated, 1)
    wal = isolated / "journal.db-wal"
    before, wal_size = digest(journal), wal.stat().st_size
    assert wal_size > 0
    result = cli("trash", "--empty", "--yes")
    assert "is damaged" in result.stderr
    assert "move journal.db-wal and journal.db-shm" in result.stderr  # (the -wal still there)
    assert digest(journal) == before
    assert wal.stat().st_size == wal_size


def test_a_journal_nothing_of_which_can_be_read_is_left_as_it_is_with_its_wal(
    cli: CLI, add: Add, isolated: Path
) -> None:
    journal = restored_beside_a_stale_wal(add, isolated, 300)
    wal = isolated / "journal.db-wal"
    before, wal_size = digest(journal), wal.stat().st_size
    for args in (("list", "--limit", "1"), ("export", "--full", "-o", str(isolated / "x.json"))):
        result = cli(*args)
        assert result.exit_code == 4
        assert "nothing in it can be read" in said(result.stderr)
        assert (
            "is older than the journal file: if journal.db was put back from a copy, that -wal "
            "belongs to the file it replaced" in said(result.stderr)
        )
        assert digest(journal) == before  # not checkpointed as the connection closed
        assert wal.exists() and wal.stat().st_size == wal_size


def test_entries_lost_to_damage_are_not_said_to_be_left_out_of_a_filtered_report(
    cli: CLI, add: Add, isolated: Path
) -> None:
    long = "We walked to the housing office together and I shared my own story. " * 12
    for n in range(30):
        add(f"Entry {n}. {long}", "-s", "community", "--date", f"2026-11-{n % 19 + 1:02d}")
    path = isolated / "journal.db"
    settled(path)
    zero_page(path, entry_leaf_of(path, b"Entry 14. We walked"))
    lost = lost_rows(path)
    assert lost
    result = cli("list", "--limit", "0", "-s", "housing")
    assert result.exit_code == 4  # (no script takes it for the whole answer)
    message = said(result.stderr)
    assert f"{'Entry' if len(lost) == 1 else 'Entries'} {lost[0]}" in message
    assert ", so what is shown may be missing " in message, message
    assert " out." not in message and "left out" not in message


Add = Callable[..., int]


def _tagged_entries(add: Add, isolated: Path) -> tuple[list[str], Path]:
    """80 entries with one to six long tags each (pages of the tags index to damage), the
    journal settled into its file: the tags, and the journal."""
    tags = [f"tag-{k}-{'x' * 50}" for k in range(6)]
    for n in range(80):
        add(f"Entry {n}, its text intact.", "-t", ",".join(tags[: n % 6 + 1]))
    path = isolated / "journal.db"
    settled(path)
    return tags, path


def test_a_damaged_page_of_the_tags_index_loses_no_entry_nor_its_tags(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    tags, path = _tagged_entries(add, isolated)
    conn = sqlite3.connect(path)
    leaves = [page for (page,) in conn.execute(
        "SELECT pageno FROM dbstat WHERE name = 'sqlite_autoindex_entry_tag_1' "
        "AND pagetype = 'leaf' ORDER BY pageno")]
    conn.close()
    assert len(leaves) > 2  # (the damage is where the test means it to be)
    with path.open("r+b") as handle:
        handle.seek((leaves[1] - 1) * 4096)
        handle.write(b"\xff" * 4096)
    listed = cli("list", "--limit", "0", "--json")
    assert listed.exit_code == 0, listed.stderr
    entries = json.loads(listed.stdout)
    assert len(entries) == 80
    assert all(e["tags"] == tags[: (e["id"] - 1) % 6 + 1] for e in entries)
    backup = tmp_path / "backup.json"
    saved = cli("export", "--full", "-o", str(backup))
    assert "every entry and record in it could still be read" in said(saved.stderr)
    assert len(json.loads(backup.read_text())["entries"]) == 80


def test_entries_whose_tags_are_on_a_damaged_page_are_saved_without_them(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path
) -> None:
    _, path = _tagged_entries(add, isolated)
    conn = sqlite3.connect(path)
    damaged = [
        [page for (page,) in conn.execute(
            "SELECT pageno FROM dbstat WHERE name = ? AND pagetype = 'leaf' ORDER BY pageno",
            (name,))][1]
        for name in ("entry_tag", "sqlite_autoindex_entry_tag_1")  # (the index is read first)
    ]
    conn.close()
    with path.open("r+b") as handle:
        for page in damaged:
            handle.seek((page - 1) * 4096)
            handle.write(b"\xff" * 4096)
    backup = tmp_path / "backup.json"
    saved = cli("export", "--full", "-o", str(backup))
    assert "those entries are read without them" in said(saved.stderr), saved.stderr
    entries = json.loads(backup.read_text())["entries"]
    assert sorted(e["experience"] for e in entries) == sorted(
        f"Entry {n}, its text intact." for n in range(80))
    assert any(not e["tags"] for e in entries) and any(e["tags"] for e in entries)
