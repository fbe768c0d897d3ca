"""A damaged journal (garbage written into the file) and a journal not made yet (round 29).

Before: damage in the middle of the file went unnoticed by list, show, search, write and
`export --full` (exit 0, new entries written into the damaged file); a journal of which
nothing could be read sent `export --full` back to itself; and a read command in a fresh
data folder made a journal there."""

from __future__ import annotations

import json
import random
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.context import AppContext
from peerjournal.db import engine, health
from peerjournal.db.store import Store
from peerjournal.errors import DatabaseError

ENTRY = "We walked to the housing office together and I shared my own story. "
CHECKED = "SQLite's check of the file found errors"


def journal(add: Callable[..., int], home: Path, entries: int = 12) -> Path:
    """A journal of `entries` long entries, every page in the main file (no WAL)."""
    for n in range(entries):
        add(f"Entry {n}. " + ENTRY * 40, "-t", f"tag{n % 3}")
    path = home / "journal.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    conn.close()
    return path


def garbage(path: Path, page: int, size: int = 4096) -> None:
    """Random bytes (the same every run) over `size` bytes from the start of `page` (1-based)."""
    with sqlite3.connect(path) as conn:
        page_size = conn.execute("PRAGMA page_size").fetchone()[0]
    conn.close()
    with path.open("r+b") as handle:
        handle.seek((page - 1) * page_size)
        handle.write(random.Random(page).randbytes(size))


def root_page(path: Path, table: str) -> int:
    with sqlite3.connect(path) as conn:
        (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = ?",
                               (table,)).fetchone()
    conn.close()
    return int(page)


def highest_id(path: Path) -> int:
    with sqlite3.connect(path) as conn:
        (found,) = conn.execute("SELECT max(id) FROM entry").fetchone()
    conn.close()
    return int(found)


def said(stderr: str) -> str:
    return " ".join(stderr.split())


@pytest.fixture
def damaged(add: Callable[..., int], isolated: Path) -> Path:
    """A journal with garbage over its search index, which list and show never read: only a
    check of the whole file finds it."""
    path = journal(add, isolated)
    garbage(path, root_page(path, "entry_fts_data"))
    return path


def test_reading_a_damaged_journal_warns_and_still_shows_it(cli: CLI, damaged: Path) -> None:
    for command in (["list"], ["show", "3"], ["tags"]):
        result = cli(*command)
        assert result.exit_code == 0, result.stderr
        assert f"The journal at {damaged} is damaged ({CHECKED})" in said(result.stderr)
        assert "nothing new is saved to it" in said(result.stderr)
    assert "Entry 2." in cli("show", "3").stdout


def test_nothing_is_written_into_a_damaged_journal(cli: CLI, damaged: Path,
                                                   isolated: Path) -> None:
    before = damaged.read_bytes()
    result = cli("write", "-x", "A new note after the shift.")
    assert result.exit_code == 4
    assert f"damaged ({CHECKED}), so nothing was saved to it" in said(result.stderr)
    assert damaged.read_bytes() == before
    [draft] = (isolated / "drafts").glob("*.json")  # the words are kept
    assert "A new note after the shift." in draft.read_text(encoding="utf-8")
    assert cli("edit", "3", "--tag", "new").exit_code == 4
    assert cli("delete", "3").exit_code == 4
    assert damaged.read_bytes() == before


def test_a_backup_of_a_damaged_journal_says_it_is_damaged(cli: CLI, damaged: Path,
                                                          tmp_path: Path) -> None:
    out = tmp_path / "backup.json"
    result = cli("export", "--full", "--output", str(out))
    assert result.exit_code == 4  # no script takes it for the backup of a sound journal
    assert (f"The journal at {damaged} is damaged ({CHECKED}), though every entry and record "
            f"in it could still be read. The backup in {out} holds them all"
            in said(result.stderr))
    assert len(json.loads(out.read_text(encoding="utf-8"))["entries"]) == 12


def test_a_backup_names_the_entries_it_could_not_read(cli: CLI, add: Callable[..., int],
                                                     isolated: Path, tmp_path: Path) -> None:
    """Garbage over a leaf of the entry table: the rows there are lost, the rest saved."""
    path = journal(add, isolated, entries=30)
    with sqlite3.connect(path) as conn:
        pages = sorted(page for (page,) in conn.execute(
            "SELECT DISTINCT pageno FROM dbstat WHERE name = 'entry' AND pagetype = 'leaf'"))
    conn.close()
    garbage(path, pages[len(pages) // 2])
    out = tmp_path / "backup.json"
    result = cli("export", "--full", "--output", str(out))
    assert result.exit_code == 4
    message = said(result.stderr)
    saved = {e["id"] for e in json.loads(out.read_text(encoding="utf-8"))["entries"]}
    lost = [int(i) for i in message.split("could not be (", 1)[1].split(")")[0].split(", ")]
    assert lost and saved and saved.isdisjoint(lost) and saved | set(lost) == set(range(1, 31))


def test_a_journal_nothing_can_be_read_from_is_left_alone(cli: CLI, add: Callable[..., int],
                                                         isolated: Path,
                                                         tmp_path: Path) -> None:
    """Before: list and export --full both said "`peerjournal export --full` saves the
    entries that can still be read", and export --full saved nothing."""
    path = journal(add, isolated)
    with path.open("r+b") as handle:  # the list of tables, after the file's header
        handle.seek(100)
        handle.write(random.Random(1).randbytes(3996))
    before = path.read_bytes()
    out = tmp_path / "backup.json"
    for command in (["list"], ["export", "--full", "--output", str(out)]):
        result = cli(*command)
        assert result.exit_code == 4
        message = said(result.stderr)
        assert "and nothing in it can be read, so nothing was written" in message
        assert "export --full` saves" not in message
        assert "a copy of your own" in message and "peerjournal import FILE" in message
    assert not out.exists()
    assert path.read_bytes() == before


def test_a_journal_left_as_peerjournal_left_it_is_not_checked_again(
    cli: CLI, add: Callable[..., int], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The whole-file check costs 0.23 s on 20,000 entries: it runs only after something
    else wrote to the file (and on every `export --full`)."""
    add(ENTRY)
    checks: list[bool] = []
    real = health.sound
    monkeypatch.setattr(health, "sound", lambda conn: checks.append(real(conn)) or checks[-1])
    for command in (["list"], ["show", "1"], ["write", "-x", ENTRY], ["list"]):
        assert cli(*command).exit_code == 0
    assert checks == []
    with sqlite3.connect(isolated / "journal.db") as conn:  # another program writes to it
        conn.execute("UPDATE entry SET setting = 'ward' WHERE id = 1")
    conn.close()
    assert cli("list").exit_code == 0 and checks == [True]
    assert cli("list").exit_code == 0 and checks == [True]
    assert cli("export", "--full").exit_code == 0 and checks == [True, True]


def test_read_commands_make_no_journal(cli: CLI, isolated: Path) -> None:
    """A mistyped PEERJOURNAL_HOME used to become a new journal at the first `list`."""
    missing = f"No journal yet at {isolated / 'journal.db'}: `peerjournal write` starts one."
    result = cli("list", "--json")
    assert (result.exit_code, result.stdout) == (0, "[]\n")
    assert said(result.stderr) == missing
    for command in (["list"], ["search", "housing"], ["report"], ["tags"], ["trash"],
                    ["people", "list"], ["supervision", "history"]):
        result = cli(*command)
        assert result.exit_code == 0, (command, result.stderr)
        assert said(result.stderr).endswith(missing), command
    for command in (["show", "1"], ["drift", "1"], ["edit", "1", "--tag", "x"], ["share", "1"],
                    ["delete", "1"]):
        result = cli(*command)  # before: "No entry 1 in the journal", as if there were one
        assert result.exit_code == 3
        assert said(result.stderr).startswith(
            f"peerjournal: No entry 1: no journal yet at {isolated / 'journal.db'} "
            "(`peerjournal write` starts one)"), command
    assert not isolated.exists()  # not even the data folder
    assert cli("write", "-x", ENTRY).exit_code == 0  # a write starts it
    assert (isolated / "journal.db").is_file()
    assert "No journal yet" not in cli("list").stderr


def test_damage_done_while_a_command_has_the_journal_open_is_found_next_time(
    cli: CLI, add: Callable[..., int], isolated: Path
) -> None:
    """Before: the journal was noted as sound as it was when the command closed it, so the
    garbage written meanwhile (by a sync tool, say) was never checked for."""
    path = journal(add, isolated)
    assert cli("list").exit_code == 0  # noted as sound
    opened = Store(path)  # a command reading it (waiting at export's question, say)
    garbage(path, root_page(path, "entry_fts_data"))
    opened.close()
    result = cli("list")
    assert f"The journal at {path} is damaged ({CHECKED})" in said(result.stderr)
    before = path.read_bytes()
    assert cli("write", "-x", "A new note after the shift.").exit_code == 4
    assert path.read_bytes() == before


def test_a_journal_left_as_it_was_found_is_still_noted_sound(
    cli: CLI, add: Callable[..., int], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """(The other half: a command's own writes do not make the next one check.)"""
    path = journal(add, isolated)
    opened = Store(path)
    opened.close()
    checks: list[bool] = []
    monkeypatch.setattr(health, "sound", lambda conn: checks.append(True) or True)
    assert cli("write", "-x", ENTRY).exit_code == 0
    assert cli("list").exit_code == 0
    assert checks == []


def test_a_damaged_journal_is_not_upgraded(cli: CLI, add: Callable[..., int],
                                           isolated: Path) -> None:
    """Before: it was upgraded (written to) before the check, its backup damaged too, and
    the writer told to delete that backup once happy."""
    path = journal(add, isolated)
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0010'")
    conn.close()
    garbage(path, root_page(path, "entry_fts_data"))
    before = path.read_bytes()
    for command in (["list"], ["write", "-x", ENTRY]):
        result = cli(*command)
        assert result.exit_code == 4
        message = said(result.stderr)
        assert (f"The journal at {path} is damaged ({CHECKED}) and needs upgrading for this "
                "version of peerjournal, so it was not upgraded" in message)
        assert "delete" not in message and "Upgrad" not in message
    assert path.read_bytes() == before
    assert engine.upgrade_copies(path) == []


def test_a_full_backup_of_no_journal_writes_nothing(cli: CLI, isolated: Path,
                                                    tmp_path: Path) -> None:
    """Before: a mistyped PEERJOURNAL_HOME in a nightly script replaced a real backup with
    an empty one, exit 0."""
    keep = tmp_path / "keep.json"
    keep.write_text("a real backup", encoding="utf-8")
    for output in (str(keep), "-"):
        result = cli("export", "--full", "--force", "-o", output)
        assert result.exit_code == 3
        assert said(result.stderr) == (
            f"peerjournal: No journal at {isolated / 'journal.db'}: nothing to back up.")
        assert result.stdout == ""
    assert keep.read_text(encoding="utf-8") == "a real backup"
    assert not isolated.exists()
    draft = isolated / "drafts" / "20261120-183000.md"  # a draft is something to back up
    draft.parent.mkdir(parents=True)
    draft.write_text("## Experience\nA shift I have not finished writing up.\n", encoding="utf-8")
    result = cli("export", "--full", "--force", "-o", str(keep))
    assert result.exit_code == 0
    assert len(json.loads(keep.read_text(encoding="utf-8"))["drafts"]) == 1
    assert said(result.stderr).endswith("`peerjournal write` starts one.")


def test_a_link_to_a_journal_not_there_makes_none(cli: CLI, isolated: Path,
                                                  tmp_path: Path) -> None:
    """Before: `list` made a new journal where the link pointed (a drive not mounted)."""
    target = tmp_path / "drive" / "journal.db"
    target.parent.mkdir()
    isolated.mkdir()
    (isolated / "journal.db").symlink_to(target)
    said_so = (f"No journal at {isolated / 'journal.db'}: it is a link to {target}, which is "
               "not there.")
    result = cli("list")
    assert result.exit_code == 0 and said(result.stderr).endswith(said_so)
    result = cli("show", "1")
    assert result.exit_code == 3 and said(result.stderr).startswith(
        f"peerjournal: No entry 1: no journal at {isolated / 'journal.db'} (it is a link to "
        f"{target}, which is not there)")
    assert not target.exists()


def test_a_read_only_damaged_journal_is_checked_too(
    cli: CLI, damaged: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: the read-only way in (a read-only folder or disk) skipped the check."""
    def refused(path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError("unable to open database file")

    monkeypatch.setattr(engine, "_connect", refused)
    monkeypatch.setattr(engine, "_write_blocker", lambda path: "its folder is read-only")
    result = cli("list")
    assert result.exit_code == 0 and "Entry 2." in result.stdout
    assert f"The journal at {damaged} is damaged ({CHECKED})" in said(result.stderr)


def test_a_write_refused_says_so_once(cli: CLI, damaged: Path) -> None:
    """Before: a warning that the journal is damaged, then an error saying it again."""
    for command in (["write", "-x", ENTRY], ["edit", "3", "--tag", "new"], ["delete", "3"]):
        result = cli(*command)
        assert result.exit_code == 4
        message = said(result.stderr)
        assert message.startswith(f"peerjournal: The journal at {damaged} is damaged"), command
        assert message.count("is damaged") == 1, command
    result = cli("show", "99")  # an error of its own: the warning is still given
    assert result.exit_code == 3
    assert "is damaged" in said(result.stderr) and "No entry 99" in result.stderr


def test_a_guided_write_can_be_refused_before_its_first_question(
    damaged: Path, isolated: Path
) -> None:
    """(`write` asks this before a guided session: nothing typed is then wasted.)"""
    app = AppContext(command=("write",))
    with pytest.raises(DatabaseError, match="so nothing was saved to it"):
        app.refuse_if_damaged()
    app.close()
    damaged.unlink()
    fresh = AppContext(command=("write",))
    fresh.refuse_if_damaged()  # no journal: nothing to refuse, and none is started
    assert not damaged.exists()


def test_a_guided_write_on_a_damaged_journal_asks_nothing(
    cli: CLI, damaged: Path, keys: Callable[..., Any]
) -> None:
    typed = keys("Sat with Sam in the garden.")  # would be the first answer
    result = cli("write")
    assert result.exit_code == 4
    assert said(result.stderr).startswith(f"peerjournal: The journal at {damaged} is damaged")
    assert len(typed.lines) == 1  # nothing was asked
    assert "Writing with the" not in result.stderr  # no session was started
