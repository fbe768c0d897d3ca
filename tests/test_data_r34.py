"""Round 34, the journal's data: through a link, the side file that blocks a write is named
where SQLite keeps it (it was looked for beside the link); delete and restore of thousands of
IDs say a count and runs on one line (every ID was printed twice); an ID read off a damaged
page is not named as an entry lost; the import of a backup's people says who was left out as
`people_to_add` decided it."""

from __future__ import annotations

import json
import os
import random
import sqlite3
from collections.abc import Callable
from datetime import UTC, date, datetime
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.db import engine, health
from peerjournal.db.store import Store

Add = Callable[..., int]
READ_ONLY_WRITE = sqlite3.OperationalError("attempt to write a readonly database")
ACCESS = os.access


def linked_journal(add: Add, isolated: Path, tmp_path: Path) -> tuple[Path, Path]:
    """(the link at the journal's path, the journal it leads to, in another folder)."""
    add()
    target = tmp_path / "elsewhere" / "j.db"
    target.parent.mkdir()
    (isolated / "journal.db").rename(target)
    (isolated / "journal.db").symlink_to(target)
    return isolated / "journal.db", target


def refused(monkeypatch: pytest.MonkeyPatch, *denied: Path) -> None:
    """os.access as for another user's files `denied` (root writes through file modes)."""
    monkeypatch.setattr(engine.os, "access", lambda target, how: (
        Path(target) not in denied and ACCESS(target, how)))


# -- 1. through a link, SQLite's side files are beside the journal it leads to ---------------


def test_through_a_link_another_users_side_file_is_named_where_sqlite_keeps_it(
    add: Add, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link, target = linked_journal(add, isolated, tmp_path)
    shm = target.with_name("j.db-shm")
    shm.write_bytes(b"")
    refused(monkeypatch, shm)
    assert engine.describe_error(link, READ_ONLY_WRITE) == (
        f"The journal at {link} cannot be changed: {shm} beside the file it links to is "
        "read-only for you (another user's?): SQLite makes that file anew, so delete it while "
        "no program has the journal open; nothing was saved.")


def test_through_a_link_a_file_beside_the_link_is_not_blamed(
    add: Add, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link, _ = linked_journal(add, isolated, tmp_path)
    beside_link = isolated / "journal.db-wal"  # (not SQLite's: it writes beside the target)
    beside_link.write_bytes(b"")
    refused(monkeypatch, beside_link)
    assert engine.describe_error(link, READ_ONLY_WRITE) == (
        f"The journal at {link} is read-only; check the file's permissions.")


def test_through_a_link_the_read_only_folder_is_the_one_the_journal_is_in(
    add: Add, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    link, target = linked_journal(add, isolated, tmp_path)
    refused(monkeypatch, target.parent)
    assert engine.describe_error(link, READ_ONLY_WRITE) == (
        f"The journal at {link} cannot be changed: the folder {target.parent} of the file it "
        f"links to {engine.READ_ONLY}; nothing was saved.")
    refused(monkeypatch, isolated)  # the link's own folder: SQLite writes nothing there
    assert engine.describe_error(link, READ_ONLY_WRITE) == (
        f"The journal at {link} is read-only; check the file's permissions.")


def test_through_a_link_an_empty_file_whose_wal_holds_data_is_not_called_emptied(
    tmp_path: Path,
) -> None:
    target = tmp_path / "elsewhere" / "j.db"
    target.parent.mkdir()
    target.write_bytes(b"")
    target.with_name("j.db-wal").write_bytes(b"frames")
    link = tmp_path / "journal.db"
    link.symlink_to(target)
    assert engine.empty_journal(link) is None
    target.with_name("j.db-wal").unlink()
    assert "is empty (0 bytes)" in (engine.empty_journal(link) or "")


# -- 2. thousands of IDs: a count and runs, on one line ---------------------------------------


def many(n: int) -> None:
    """`n` entries straight into the journal, IDs 1 to n."""
    from peerjournal.db.store import Store
    from peerjournal.entry import EntryDraft
    from peerjournal.paths import db_path

    store = Store(db_path())
    try:
        drafts = [EntryDraft(date=date(2026, 11, 1), experience=f"Entry {i}.") for i in range(n)]
        store.add_entries(drafts, datetime(2026, 11, 20, tzinfo=UTC), [None] * n)
    finally:
        store.close()


def ids(*numbers: int) -> list[str]:
    return [str(n) for n in numbers]


def test_deleting_and_restoring_five_thousand_entries_says_a_count_and_their_run(
    cli: CLI,
) -> None:
    many(5000)
    every = ids(*range(1, 5001))
    result = cli("delete", *every)
    assert result.exit_code == 0, result.stderr
    assert result.stderr == (
        "Moved 5,000 entries (1-5000) to the trash. `peerjournal restore 1-5000` "
        "brings them back.\n")  # (r34 fix-misc: restore takes the runs)
    assert len(json.loads(cli("trash", "--json", "-n", "0").stdout)) == 5000
    again = cli("delete", *every, "5001")
    assert again.exit_code == 3 and again.stderr == (  # (round 44: the unknown ID alone)
        "peerjournal: No entry 5001 in the journal (see `peerjournal list`, or `peerjournal "
        "trash`). Nothing was deleted.\n")
    back = cli("restore", *every, "--json")
    assert back.exit_code == 0 and [e["id"] for e in json.loads(back.stdout)] == list(
        range(1, 5001))  # (--json: every one)
    assert cli("delete", *every).exit_code == 0
    result = cli("restore", *every)
    assert result.exit_code == 0 and result.stderr == "Restored 5,000 entries (1-5000).\n"


def test_ten_ids_are_each_named_and_more_as_runs_the_first_few_of_many(cli: CLI) -> None:
    many(100)
    ten = cli("delete", *ids(*range(1, 4), 7, *range(9, 13), 5, 20))
    assert ten.exit_code == 0 and ten.stderr == (
        "Moved entries 1, 2, 3, 7, 9, 10, 11, 12, 5 and 20 to the trash. `peerjournal restore "
        "1 2 3 7 9 10 11 12 5 20` brings them back.\n")
    assert cli("restore", *ids(*range(1, 4), 7, *range(9, 13), 5, 20)).exit_code == 0
    twelve = cli("delete", *ids(20, *range(1, 4), 7, *range(9, 14), 5, 15))
    assert twelve.exit_code == 0 and twelve.stderr == (
        "Moved 12 entries (1-3, 5, 7, 9-13, 15 and 20) to the trash. `peerjournal restore "
        "1-3 5 7 9-13 15 20` brings them back.\n")
    odd = cli("delete", *ids(*range(21, 100, 2)))  # 40 runs of one
    assert odd.exit_code == 0 and odd.stderr.startswith(
        "Moved 40 entries (21, 23, 25, 27, 29, 31, 33, 35, 37 and 31 more) to the trash.")
    # (QA: the 31 not named were named nowhere; `trash` lists them)
    assert odd.stderr.endswith(
        "`peerjournal restore` with their IDs (`peerjournal trash` lists them) brings them "
        "back.\n")
    back = cli("restore", *ids(*range(21, 100, 2)))
    assert back.stderr == (
        "Restored 40 entries (21, 23, 25, 27, 29, 31, 33, 35, 37 and 31 more).\n")


def test_no_such_entries_among_many_are_named_as_runs(cli: CLI) -> None:
    many(3)
    result = cli("delete", *ids(2, *range(100, 120)))
    assert result.exit_code == 3 and result.stderr == (
        "peerjournal: No entry 100-119 in the journal (see `peerjournal list`, or "
        "`peerjournal trash`). Nothing was deleted.\n")
    assert len(json.loads(cli("list", "--json").stdout)) == 3


# -- 3. a damaged journal's backup names no ID read off a damaged page ------------------------


@pytest.mark.parametrize(("lost", "highest", "read", "named", "unnamed"), [
    ([137, 138, 141], 300, set(), [137, 138, 141], 0),  # as found: named
    ([0], 300, set(), [], 1),  # a row's ID read as 0: no entry has it
    ([17497791742, 0], 300, set(), [], 2),  # past the highest ID ever given
    ([720, 12], 300, {12}, [], 2),  # the ID of an entry read whole elsewhere
    ([5, 5], 300, set(), [5], 1),  # twice
    ([5, 99999], None, set(), [5, 99999], 0),  # the highest cannot be read: any above 0
])
def test_only_ids_the_journal_gave_are_named_as_lost(
    lost: list[int], highest: int | None, read: set[int], named: list[int], unnamed: int
) -> None:
    assert health.named_lost(lost, highest, read) == (named, unnamed)


# -- 5. the people left out of an import are those `people_to_add` did not add ---------------


def test_a_name_twice_in_a_backup_is_said_to_have_the_alias_it_was_added_with(
    cli: CLI, tmp_path: Path
) -> None:
    """Before: the note said Kim was added with the alias that the next note said was not
    used (it names Sam): the two were worked out apart."""
    backup = tmp_path / "backup.json"
    backup.write_text(json.dumps({
        "schema": "peerjournal.backup/1", "entries": [], "self_checks": [], "supervisions": [],
        "people": [{"name": "Sam", "alias": None}, {"name": "Kim", "alias": "Sam from group"},
                   {"name": "kim", "alias": "K"}],
    }))
    dry = cli("import", "--dry-run", str(backup))
    assert dry.exit_code == 0 and "a people list of 3 people (1 named twice in the backup)" in (
        dry.stderr)
    result = cli("import", str(backup))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        "People list: added 2 of 3 people (1 named twice in the backup).",
        "Note: 'kim' is in the backup as 'Kim' first, with no alias: the backup's alias 'K' "
        "for it was not used (`peerjournal people add Kim --alias K` uses it).",
        "Note: Added Kim without the alias 'Sam from group' (it names Sam, who is on the "
        "people list): exports show [person] for Kim.",
    ]
    people = json.loads(cli("people", "list", "--json").stdout)
    assert sorted((p["name"], p["alias"]) for p in people) == [("Kim", None), ("Sam", None)]



def _damaged_index(add: Add, isolated: Path) -> None:
    """Three entries, and garbage over the first page of their search index."""
    for n in range(3):
        add(f"Entry {n}.")
    journal = isolated / "journal.db"
    with sqlite3.connect(journal) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
        (page,) = conn.execute("SELECT rootpage FROM sqlite_master WHERE name = 'entry_fts_data'"
                               ).fetchone()
    conn.close()
    with journal.open("r+b") as handle:
        handle.seek((page - 1) * 4096)
        handle.write(random.Random(page).randbytes(4096))


def test_a_backup_of_a_damaged_journal_names_no_id_read_off_a_damaged_page(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """What `Store.readable` met on real damage (garbage over a leaf's cell headers): rows
    whose IDs read as 0 and 17497791742, and the ID of an entry it read whole."""
    _damaged_index(add, isolated)  # (found by the check: the backup is of what is read)
    readable = Store.readable
    monkeypatch.setattr(Store, "readable", lambda self: (
        readable(self)[0], [17497791742, 0, 2, 3]))
    out = tmp_path / "backup.json"
    result = cli("export", "--full", "--output", str(out))
    assert result.exit_code == 4
    assert ("holds every entry that could still be read; 4 entries could not be (nor their "
            "IDs). Keep the damaged journal too.") in " ".join(result.stderr.split())
    assert len(json.loads(out.read_text(encoding="utf-8"))["entries"]) == 3


def test_a_backup_names_the_lost_ids_it_can_and_counts_the_others(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _damaged_index(add, isolated)
    readable = Store.readable
    monkeypatch.setattr(Store, "readable", lambda self: (
        [e for e in readable(self)[0] if e.id != 2], [2, 0]))
    result = cli("export", "--full", "--output", str(tmp_path / "backup.json"))
    assert result.exit_code == 4
    assert ("2 entries could not be (2; and 1 whose ID cannot be read either)"
            in " ".join(result.stderr.split()))


# -- 4. hidden and broken prompt sets --------------------------------------------------------


def prompt_file(isolated: Path, name: str, text: str) -> Path:
    folder = isolated / "prompts"
    folder.mkdir(parents=True, exist_ok=True)
    (folder / name).write_text(text, encoding="utf-8")
    return folder / name


def gibbs() -> str:
    from peerjournal.reflection import prompts_dir

    return (prompts_dir() / "gibbs.toml").read_text(encoding="utf-8")


def test_a_hidden_prompt_set_is_ignored_by_list_show_and_write(
    cli: CLI, isolated: Path
) -> None:
    hidden = prompt_file(isolated, ".mine.toml", gibbs())
    listed = cli("prompts", "list")
    assert listed.exit_code == 0 and ".mine" not in listed.stdout + listed.stderr
    assert ".mine" not in cli("prompts", "list", "--json").stdout
    for command in (("prompts", "show", ".mine"), ("write", "-p", ".mine", "-x", "Hello.")):
        result = cli(*command)
        assert result.exit_code == 3, result.stderr
        assert result.stderr.startswith(
            f"peerjournal: No prompt set named '.mine' ({hidden} is not read: a file whose "
            "name starts with '.' is hidden). Available: boud, driscoll, gibbs, ips.")
    assert json.loads(cli("list", "--json").stdout) == []


def test_a_broken_prompt_set_is_not_offered_as_available(cli: CLI, isolated: Path) -> None:
    broken = prompt_file(isolated, "broken.toml", "garbage [[[")
    listed = cli("prompts", "list")
    assert "broken" not in listed.stdout
    assert f"Prompt set not usable: {broken}: not valid TOML" in listed.stderr
    for command in (("prompts", "show", "nosuch"), ("write", "-p", "nosuch", "-x", "Hello.")):
        result = cli(*command)
        assert result.exit_code == 3
        assert ("Available: boud, driscoll, gibbs, ips. Not usable: broken (`peerjournal "
                "prompts list` says why).") in result.stderr
    for command in (("prompts", "show", "broken"), ("write", "-p", "broken", "-x", "Hello.")):
        result = cli(*command)
        assert result.exit_code == 1
        assert result.stderr.startswith(f"peerjournal: {broken}: not valid TOML")


def test_ranges_of_more_ids_in_all_than_a_range_may_hold_are_a_usage_error(cli: CLI) -> None:
    """QA: the cap of a million was per argument: ten such ranges took 586 MB."""
    result = cli("delete", "1-600000", "600001-1200000")
    assert result.exit_code == 2
    assert "more than 1,000,000 IDs in all" in " ".join(result.stderr.split())
