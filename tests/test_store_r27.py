"""The journal store, round 27: `delete` and `restore` of several entries are one transaction
(all or none); an entry holding bytes that are not UTF-8 (written by another program) is shown
with U+FFFD, and named once on stderr, instead of failing the whole journal; tags stored with a
full stop after them lose it (revision 0011)."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from datetime import datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, FIXED_NOW, alembic_config, not_utf8_warning
from peerjournal.db import engine
from peerjournal.db.store import Filters, Store
from peerjournal.errors import NotFoundError

Add = Callable[..., int]
NOW = datetime.fromisoformat(FIXED_NOW)


def listed(cli: CLI, *args: str) -> list[dict[str, Any]]:
    result = cli("list", "--json", "--limit", "0", *args)
    assert result.exit_code == 0, result.stderr
    found: list[dict[str, Any]] = json.loads(result.stdout)
    return found


def trashed_ids(cli: CLI) -> list[int]:
    return sorted(e["id"] for e in json.loads(cli("trash", "--json").stdout))


# -- several entries moved in one transaction ----------------------------------------------------


def fail_moving(path: Path, entry_id: int, *, into_trash: bool) -> None:
    """A write that fails on this entry alone (a full disk, a lock lost), as SQLite reports it."""
    moved = "NEW.deleted_at IS NOT NULL" if into_trash else "NEW.deleted_at IS NULL"
    with sqlite3.connect(path) as conn:
        conn.execute(
            f"CREATE TRIGGER injected BEFORE UPDATE OF deleted_at ON entry "
            f"WHEN NEW.id = {entry_id} AND {moved} BEGIN SELECT RAISE(ABORT, 'injected'); END"
        )


def drop_failure(path: Path) -> None:
    with sqlite3.connect(path) as conn:
        conn.execute("DROP TRIGGER injected")


def test_a_delete_that_fails_on_the_second_entry_leaves_the_first_in_the_journal(
    cli: CLI, add: Add, isolated: Path
) -> None:
    ids = [add(f"Entry number {n}.") for n in range(3)]
    fail_moving(isolated / "journal.db", ids[1], into_trash=True)
    result = cli("delete", str(ids[0]), str(ids[1]))
    assert result.exit_code == 4
    assert result.stdout == "" and "Traceback" not in result.stderr
    assert len(result.stderr.splitlines()) == 1
    assert sorted(e["id"] for e in listed(cli)) == ids and trashed_ids(cli) == []
    drop_failure(isolated / "journal.db")
    assert cli("delete", str(ids[0]), str(ids[1])).exit_code == 0  # (nothing else in the way)
    assert trashed_ids(cli) == ids[:2]


def test_a_restore_that_fails_on_the_second_entry_leaves_the_first_in_the_trash(
    cli: CLI, add: Add, isolated: Path
) -> None:
    ids = [add(f"Entry number {n}.") for n in range(3)]
    assert cli("delete", *map(str, ids)).exit_code == 0
    fail_moving(isolated / "journal.db", ids[1], into_trash=False)
    result = cli("restore", *map(str, ids))
    assert result.exit_code == 4 and len(result.stderr.splitlines()) == 1
    assert trashed_ids(cli) == ids and listed(cli) == []
    drop_failure(isolated / "journal.db")
    assert cli("restore", *map(str, ids)).exit_code == 0
    assert sorted(e["id"] for e in listed(cli)) == ids


def test_the_store_moves_none_when_one_is_gone_meanwhile(add: Add, store: Store) -> None:
    """The command checks every ID first; another terminal can move one after that check."""
    first, second = add("One."), add("Two.")
    with pytest.raises(NotFoundError, match=r"^No entry 999 in the journal"):
        store.trash([first, 999], NOW)
    assert [e.id for e in store.list(Filters(limit=None))] == [second, first]
    store.trash([first], NOW)
    with pytest.raises(NotFoundError, match=rf"^No entry {second} in the trash\.$"):
        store.restore([first, second])
    assert [e.id for e in store.trashed()] == [first]
    with pytest.raises(NotFoundError, match=r"^No entry 9223372036854775808 in the trash"):
        store.restore([first, 2**63])  # (beyond SQLite's integers: not there, no overflow)
    assert [e.id for e in store.trashed()] == [first]


# -- text that is not UTF-8 ------------------------------------------------------------------------

BAD = "Second entry, then bytes another tool wrote: "
# what is stored (the bytes as text), and how it reads
STORED = "CAST(X'" + (BAD.encode() + b"\xff\xfe and more").hex() + "' AS TEXT)"
SHOWN = BAD + "\ufffd\ufffd and more"


@pytest.fixture
def damaged(add: Add, isolated: Path) -> list[int]:
    """Three entries; the second's experience holds bytes that are not UTF-8."""
    ids = [add("First entry, about the housing office."),
           add("Second entry, replaced below.", "--feelings", "tired"),
           add("Third entry, about the drop-in.")]
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute(f"UPDATE entry SET experience = {STORED} WHERE id = ?", (ids[1],))
    return ids


def test_list_shows_every_entry_and_names_the_damaged_one(cli: CLI, damaged: list[int]) -> None:
    result = cli("list")
    assert result.exit_code == 0
    assert result.stderr == not_utf8_warning(damaged[1])
    # r36: no line of spaces above the table in a pipe (the rows were lines 3 to 5)
    assert [line.split()[0] for line in result.stdout.splitlines()[2:5]] == [
        str(i) for i in reversed(damaged)]
    result = cli("list", "--json")
    assert [e["experience"] for e in json.loads(result.stdout)] == [
        "Third entry, about the drop-in.", SHOWN, "First entry, about the housing office."]


def test_show_search_and_drift_read_the_entry_as_shown(cli: CLI, damaged: list[int]) -> None:
    shown = cli("show", str(damaged[1]))
    assert shown.exit_code == 0 and shown.stderr == not_utf8_warning(damaged[1])
    assert SHOWN in shown.stdout and "tired" in shown.stdout
    clean = cli("show", str(damaged[0]))  # an entry without such bytes: no warning
    assert clean.exit_code == 0 and clean.stderr == ""
    found = cli("search", "--json", "entry")
    assert found.exit_code == 0 and found.stderr == not_utf8_warning(damaged[1])
    assert sorted(hit["id"] for hit in json.loads(found.stdout)) == damaged
    [hit] = json.loads(cli("search", "--json", "tool").stdout)
    assert (hit["id"], hit["snippet"]) == (damaged[1], SHOWN)
    explained = cli("drift", str(damaged[1]))
    assert explained.exit_code == 0 and SHOWN in explained.stdout


def test_report_and_a_full_export_read_it_too(cli: CLI, damaged: list[int],
                                              isolated: Path) -> None:
    with sqlite3.connect(isolated / "journal.db") as conn:  # a feeling is what the report reads
        conn.execute("UPDATE entry SET feelings = CAST(X'7469ff726564' AS TEXT) WHERE id = ?",
                     (damaged[2],))
    report = cli("report")
    assert report.exit_code == 0 and "3 entries" in report.stdout
    assert report.stderr == not_utf8_warning(damaged[1], damaged[2])  # (every live entry read once)
    backup = cli("export", "--full", "--yes")
    assert backup.exit_code == 0, backup.stderr
    assert not_utf8_warning(damaged[1], damaged[2]) in backup.stderr
    entries = {e["id"]: e for e in json.loads(backup.stdout)["entries"]}
    assert sorted(entries) == damaged
    assert (entries[damaged[1]]["experience"], entries[damaged[2]]["feelings"]) == (
        SHOWN, "ti\ufffdred")


def test_an_edit_mends_the_entry(cli: CLI, damaged: list[int], isolated: Path) -> None:
    assert cli("edit", str(damaged[1]), "--mode", "in-action").exit_code == 0
    result = cli("list", "--json")
    assert result.exit_code == 0 and result.stderr == ""
    with sqlite3.connect(isolated / "journal.db") as conn:
        (stored,) = conn.execute("SELECT CAST(experience AS BLOB) FROM entry WHERE id = ?",
                                 (damaged[1],)).fetchone()
    assert stored.decode() == SHOWN  # valid UTF-8 now, as shown


def test_a_damaged_read_leaves_the_usual_reading_as_it_was(damaged: list[int],
                                                           store: Store) -> None:
    """The replacing text_factory is for the read that failed alone: every other read keeps
    sqlite3's own decoding (a Python one costs 40% of reading a large journal)."""
    assert [e.id for e in store.list(Filters(limit=None))] == list(reversed(damaged))
    assert store.conn.text_factory is str
    assert store.get(damaged[0]).experience == "First entry, about the housing office."


def test_the_warning_names_the_command_as_the_opener_names_commands(
    damaged: list[int], isolated: Path
) -> None:
    """(`AppContext.command_hint` adds the command's --db: a journal opened inside
    `journal_notices` with it names `edit` with that --db)"""
    said: list[str] = []
    with engine.journal_notices(said.append, lambda command: f"`pj --db j.db {command}`"):
        opened = Store(isolated / "journal.db")
    try:
        assert opened.get(damaged[1]).experience == SHOWN
        opened.get(damaged[1])  # (told once)
    finally:
        opened.close()
    expected = not_utf8_warning(damaged[1]).rstrip("\n")
    assert said == [expected.replace("peerjournal", "pj --db j.db")]


def test_a_tag_or_setting_that_is_not_utf8_reads_the_same_way(cli: CLI, add: Add,
                                                             isolated: Path) -> None:
    """A tag is read through a subquery, and a setting grouped: sqlite3 names neither by a
    column's name in its error."""
    first, second = add("One.", "--tag", "handover"), add("Two.", "--setting", "ward")
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry_tag SET tag = CAST(X'68616e64ff6f766572' AS TEXT)")
        conn.execute("UPDATE entry SET setting = CAST(X'77ff7264' AS TEXT) WHERE id = ?",
                     (second,))
    tags = cli("tags")
    assert tags.exit_code == 0 and tags.stdout.split() == ["hand\ufffdover", "1"]
    assert tags.stderr == not_utf8_warning(first, second)  # (the whole journal read, to name them)
    assert [(e["tags"], e["setting"]) for e in listed(cli)] == [
        ([], "w\ufffdrd"), (["hand\ufffdover"], "")]
    report = cli("report")
    assert report.exit_code == 0 and report.stderr == not_utf8_warning(first, second)


def test_a_trashed_damaged_entry_is_listed_in_the_trash(cli: CLI, damaged: list[int]) -> None:
    assert cli("delete", str(damaged[1])).exit_code == 0
    trash = cli("trash", "--json")
    assert trash.exit_code == 0 and trash.stderr == not_utf8_warning(damaged[1])
    assert [e["experience"] for e in json.loads(trash.stdout)] == [SHOWN]
    assert [e["id"] for e in listed(cli)] == [damaged[2], damaged[0]]


# -- revision 0011: tags without a full stop after them ---------------------------------------

STAMP = "2026-11-01T10:00:00+00:00"
OLD_TAGS = {  # each entry's tags as an older peerjournal stored them
    1: ["handover."],
    2: ["handover", "handover.", "v1.2."],
    3: ["hard-day", "self-care-."],
    4: ["..."],  # (no tag is dots alone: kept as it is, not made empty)
}


def _journal_at_0010(path: Path) -> None:
    from alembic import command

    path.parent.mkdir(parents=True, exist_ok=True)
    command.upgrade(alembic_config(path), "0010")
    with sqlite3.connect(path) as conn:
        for entry_id, tags in OLD_TAGS.items():
            conn.execute(
                "INSERT INTO entry (id, created_at, updated_at, date, setting, experience, "
                "answers, answers_text) VALUES (?, ?, ?, '2026-11-01', '', 'Words.', '{}', '')",
                (entry_id, STAMP, STAMP))
            conn.executemany("INSERT INTO entry_tag (entry_id, tag) VALUES (?, ?)",
                             [(entry_id, tag) for tag in tags])


def test_an_older_journal_loses_the_full_stops_after_its_tags(cli: CLI, isolated: Path) -> None:
    path = isolated / "journal.db"
    _journal_at_0010(path)
    found = listed(cli, "--tag", "handover.")  # opening it upgrades it
    assert sorted(e["id"] for e in found) == [1, 2]
    assert {e["id"]: e["tags"] for e in listed(cli)} == {
        1: ["handover"], 2: ["handover", "v1.2"], 3: ["hard-day", "self-care"], 4: ["..."]}
    assert [e["id"] for e in listed(cli, "--tag", "self-care")] == [3]
    assert cli("tags").stdout.splitlines()[0].split() == ["handover", "2"]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == (
            engine.HEAD_REVISION,)
        assert conn.execute("SELECT DISTINCT updated_at FROM entry").fetchall() == [(STAMP,)]


def test_the_tag_upgrade_is_undone_as_a_no_op(cli: CLI, add: Add, isolated: Path) -> None:
    from alembic import command

    add("An entry.", "--tag", "handover.")
    path = isolated / "journal.db"
    command.downgrade(alembic_config(path), "0010")
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT tag FROM entry_tag").fetchall() == [("handover",)]
        assert conn.execute("SELECT version_num FROM alembic_version").fetchone() == ("0010",)
    assert [e["tags"] for e in listed(cli)] == [["handover"]]  # upgraded again, unchanged
