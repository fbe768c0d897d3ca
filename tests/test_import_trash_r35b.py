"""Round 35 (fix-data2): import, trash and search as the writer sees them.

- an old backup imported after `share`/`unshare` adds no second copy (shared is not content);
- `import`, `delete`, `restore` and `trash --empty` name themselves to a write that waits;
- a Day One export is recognised; an unknown field is not blamed on a newer peerjournal
  unless the file says it is a backup, and a long one is cut;
- `search` counts matches that are only in the trash;
- `trash` lists the newest 20 (--limit/-n, 0: all);
- `import` of the journal in use says it is this journal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from peerjournal.db import store as store_module
from peerjournal.db.store import Store

Add = Callable[..., int]


def _entries(cli: CLI, *args: str) -> list[dict[str, Any]]:
    result = cli("list", "-n", "0", "--json", *args)
    assert result.exit_code == 0, result.stderr
    return list(json.loads(result.stdout))


def _write(tmp_path: Path, name: str, data: Any) -> Path:
    path = tmp_path / name
    path.write_text(json.dumps(data), encoding="utf-8")
    return path


# -- #3: shared is not content ------------------------------------------------------------


@pytest.mark.parametrize("change", ["share", "unshare"])
def test_an_old_backup_adds_no_copy_of_an_entry_shared_since(
    cli: CLI, add: Add, tmp_path: Path, change: str
) -> None:
    add("Walked with a member to the food bank.", *(["--share"] if change == "unshare" else []))
    backup = tmp_path / "rs.json"
    assert cli("export", "--full", "-o", str(backup)).exit_code == 0
    assert cli(change, "1").exit_code == 0
    result = cli("import", str(backup))
    assert result.exit_code == 0, result.stderr
    assert "Skipped 1 entry already in the journal." in result.stderr
    assert "differs" not in result.stderr and "added beside" not in result.stderr
    (entry,) = _entries(cli)
    assert entry["shared"] is (change == "share")  # the journal's, as it was set last


def test_a_file_repeating_an_entry_shared_and_not_imports_it_once(
    cli: CLI, tmp_path: Path
) -> None:
    record = {"date": "2026-11-01", "experience": "Sat with Jo at the drop-in."}
    path = _write(tmp_path, "two.json", [record, {**record, "shared": True}])
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    assert "Skipped 1 entry repeated in the file" in result.stderr
    assert len(_entries(cli)) == 1


# -- #4: a long write names itself ---------------------------------------------------------


def test_a_write_waiting_for_an_import_names_it(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("One.")
    path = _write(tmp_path, "in.json", [{"date": "2026-11-01", "experience": "Imported."}])
    waited: list[subprocess.CompletedProcess[str]] = []
    real = Store.add_entries

    def add_entries(self: Store, *args: Any, **kw: Any) -> list[int]:
        # another terminal's write, while the import holds the journal
        env = {**os.environ, "PYTHONPATH": SRC, "PEERJOURNAL_BUSY_TIMEOUT_MS": "50"}
        waited.append(subprocess.run(
            [sys.executable, "-m", "peerjournal", "write", "-x", "Written meanwhile."],
            env=env, capture_output=True, text=True, timeout=120, check=False,
        ))
        return real(self, *args, **kw)

    monkeypatch.setattr(Store, "add_entries", add_entries)
    result = cli("import", str(path))
    assert result.exit_code == 0, result.stderr
    (other,) = waited
    assert other.returncode == 4
    assert (f"The journal at {isolated / 'journal.db'} is locked by another peerjournal "
            "command, `peerjournal import`, still running") in other.stderr
    # the note is gone once the import is done: a write now goes through
    monkeypatch.undo()
    assert cli("write", "-x", "Written after.").exit_code == 0


def test_delete_restore_and_emptying_the_trash_name_themselves(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(3):
        add(f"Entry {n}.")
    noted: list[str] = []
    real = store_module.writing_long

    def writing_long(path: Path, command: str) -> Any:
        noted.append(command)
        return real(path, command)

    monkeypatch.setattr(store_module, "writing_long", writing_long)
    assert cli("delete", "1-3").exit_code == 0
    assert cli("restore", "2-3").exit_code == 0
    assert cli("trash", "--empty", "-y").exit_code == 0
    assert noted == ["delete", "restore", "trash --empty"]
    assert [e["id"] for e in _entries(cli)] == [3, 2]


# -- #7: Day One ----------------------------------------------------------------------------


@pytest.mark.parametrize("data", [
    {"metadata": {"version": "1.0"},
     "entries": [{"uuid": "A", "creationDate": "2026-11-01T10:00:00Z", "text": "Sam called."}]},
    {"entries": [{"creationDate": "2026-11-01T10:00:00Z", "text": "Sam called."}]},
])
def test_a_day_one_export_is_named_and_nothing_imported(
    cli: CLI, tmp_path: Path, data: dict[str, Any]
) -> None:
    path = _write(tmp_path, "d.json", data)
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: this looks like a Day One export, which peerjournal does not "
        "read: `import` reads a peerjournal backup (`export --full`) or JSON entries, a jrnl "
        "journal or jrnl's JSON export. Nothing was imported.\n"
    )
    assert "Sam" not in result.stderr
    assert _entries(cli) == []


def test_a_jrnl_json_export_still_imports(cli: CLI, tmp_path: Path) -> None:
    data = {"tags": [], "entries": [
        {"date": "2026-11-01", "time": "10:00", "title": "Call", "body": "Sam called."}]}
    result = cli("import", str(_write(tmp_path, "j.json", data)))
    assert result.exit_code == 0, result.stderr
    assert [e["experience"] for e in _entries(cli)] == ["Call\nSam called."]


# -- #10: an unknown field ------------------------------------------------------------------

FIELDS = ("date, experience, feelings, evaluation, self_care, setting, mode, prompt_set, "
          "tags, answers, shared, id, created_at, updated_at")


def test_an_unknown_field_of_a_hand_made_record_lists_the_fields(
    cli: CLI, tmp_path: Path
) -> None:
    path = _write(tmp_path, "x.json", [{"experience": "x", "date": "2026-11-01", "bogus": 1}])
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: record 1: unknown field 'bogus' (the fields are: {FIELDS}). "
        "Nothing was imported.\n"
    )
    assert "newer" not in result.stderr


def test_a_long_unknown_field_is_cut(cli: CLI, tmp_path: Path) -> None:
    key = "I told Sam Jones about the housing office and he cried"
    path = _write(tmp_path, "x.json", [{"experience": "x", "date": "2026-11-01", key: 1}])
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert "record 1: unknown field 'I told Sam Jones ab…' (the fields are:" in result.stderr
    assert "housing" not in result.stderr and result.stderr.count("\n") == 1


def test_a_backup_without_its_schema_is_not_blamed_on_a_newer_version(
    cli: CLI, tmp_path: Path
) -> None:
    entries = [{"experience": "Sat with Jo.", "date": "2026-11-01"}]
    path = _write(tmp_path, "b.json", {"entries": entries, "bogus": 2})
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: unknown field 'bogus' (the fields are: drafts, entries, "
        "journal, people, schema, self_checks, supervisions). Nothing was imported.\n"
    )
    # with its schema, a field this version does not know is likely a newer one's
    with_schema = _write(tmp_path, "s.json", {"schema": "peerjournal.backup/1",
                                              "entries": [{**entries[0], "mood": "ok"}]})
    said = cli("import", str(with_schema)).stderr
    assert said == (
        f"peerjournal: {with_schema}: record 1: unknown field 'mood': a backup made by a newer "
        "peerjournal? Upgrade to import it. Nothing was imported.\n"
    )
    assert _entries(cli) == []


# -- #8: search and the trash ---------------------------------------------------------------


def test_search_counts_matches_only_in_the_trash(cli: CLI, add: Add) -> None:
    add("Handover with the night team went fine.")
    add("Quiet shift.")
    add("Another handover, longer.")
    assert cli("delete", "1").exit_code == 0
    found = cli("search", "longer")
    assert found.exit_code == 0 and "Another handover" in found.stdout
    assert cli("delete", "3").exit_code == 0
    result = cli("search", "Handover")
    assert result.exit_code == 0
    assert result.stderr == (
        "Nothing found for 'Handover' in the journal; 2 entries in the trash have 'Handover' "
        "(see `peerjournal trash`).\n"
    )
    one = cli("search", "night team")
    assert one.stderr == ("Nothing found for 'night team' in the journal; 1 entry in the trash "
                          "has 'night team' (see `peerjournal trash`).\n")
    assert cli("search", "nowhere").stderr == "Nothing found for 'nowhere'.\n"


# -- #11: trash --limit ---------------------------------------------------------------------


def test_trash_lists_the_newest_twenty_unless_told(cli: CLI, add: Add) -> None:
    for n in range(1, 26):
        add(f"Entry number {n}.")
    assert cli("delete", "1-25").exit_code == 0
    result = cli("trash")
    assert result.exit_code == 0
    assert result.stderr == ("Showing the 20 entries moved to the trash last, of 25: "
                             "`--limit 0` lists them all.\n")
    assert "Entry number 25." in result.stdout and "Entry number 5." not in result.stdout
    everything = cli("trash", "--limit", "0")
    assert everything.stderr == "" and "Entry number 1." in everything.stdout
    some = cli("trash", "-n", "3", "--json")
    assert [e["id"] for e in json.loads(some.stdout)] == [25, 24, 23]
    assert "of 25" in some.stderr
    assert len(json.loads(cli("trash", "--json", "-n", "0").stdout)) == 25
    assert cli("trash", "-n", "25").stderr == ""
    # --empty destroys them all, whatever the limit
    emptied = cli("trash", "--empty", "-y", "-n", "1")
    assert emptied.exit_code == 0 and "Destroyed 25 entries." in emptied.stderr


def test_list_of_an_emptied_journal_counts_the_trash(cli: CLI, add: Add) -> None:
    add("One.")
    add("Two.")
    assert cli("delete", "1", "2").exit_code == 0
    assert cli("list").stderr == (
        "No entries in the journal; 2 entries are in the trash (`peerjournal trash`).\n")


# -- #12: the journal in use ----------------------------------------------------------------


def test_importing_the_journal_in_use_says_it_is_this_one(
    cli: CLI, add: Add, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add("One.")
    journal = isolated / "journal.db"
    result = cli("import", str(journal))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {journal} is this journal, the one in use (`peerjournal where` shows its "
        "path): its entries are here already. Nothing was imported.\n"
    )
    link = tmp_path / "link.db"
    link.symlink_to(journal)
    assert "is this journal" in cli("import", str(link)).stderr
    assert len(_entries(cli)) == 1
    # another journal is one to back up and import, as before
    monkeypatch.setenv("PEERJOURNAL_DB", str(tmp_path / "other.db"))
    other = cli("import", str(journal))
    assert other.exit_code == 1 and "is a journal itself (a SQLite file)" in other.stderr
