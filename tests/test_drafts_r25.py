"""Round 25: drafts belong to one journal, and what backups and imports say.

1. Drafts and unsaved edits are kept per journal: with --db (or PEERJOURNAL_DB), `edit N`
   never continues the default journal's unsaved edit of its entry N and saves it over the
   other journal's entry N (it did: the other entry's text was lost); `drafts`,
   `write --resume`, `export --full`, `import` and `where` use the journal in use.
2. `export --full` names the entries in the trash it leaves out, and no longer says EVERYTHING.
3. import names the IDs it gave with a gap as ranges: "IDs 1–2 and 4–5".
4. Ctrl-C during an import says nothing was imported; an edit open in another terminal is
   named as such, and `--fresh` does not delete it under that terminal.
"""

from __future__ import annotations

import json
import sqlite3
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_C, Keys

Edits = Callable[..., None]
HOME_TEXT = "Home journal: walked with Kev to the library."
OTHER_TEXT = "Other journal: team meeting about the Elm ward placement."
TYPO = ("## Feelings", "## Feelingz")  # an edit that cannot be saved, so it is kept
FIXED = ("## Feelingz", "## Feelings")
RAIN = ("to the library.", "to the library in the rain.")  # the change made in that edit


def _ok(cli: CLI, *args: str, input: str | None = None) -> Any:
    result = cli(*args, input=input)
    assert result.exit_code == 0, result.stderr
    return result


def _entry(cli: CLI, entry_id: int, *db: str) -> dict[str, Any]:
    shown: dict[str, Any] = json.loads(_ok(cli, *db, "show", str(entry_id), "--json").stdout)
    return shown


def _two_journals(cli: CLI, tmp_path: Path) -> tuple[str, ...]:
    """Entry 1 in the default journal and entry 1 in another one: the --db options."""
    other = ("--db", str(tmp_path / "other.db"))
    _ok(cli, "write", "-x", HOME_TEXT)
    _ok(cli, *other, "write", "-x", OTHER_TEXT)
    return other


def _kept_edit(cli: CLI, edits: Edits, *db: str) -> None:
    """An unsaved edit of entry 1 (a typo in a heading), kept to be continued."""
    edits(TYPO, RAIN)
    result = cli(*db, "edit", "1")
    assert result.exit_code == 1 and "your edit is kept in" in result.stderr


def _draft_rows(cli: CLI, *db: str) -> list[dict[str, Any]]:
    rows: list[dict[str, Any]] = json.loads(_ok(cli, *db, "drafts", "--json").stdout)
    return rows


# -- 1. drafts per journal ---------------------------------------------------------------------


def test_an_unsaved_edit_is_never_continued_on_another_journals_entry(
    cli: CLI, edits: Edits, tmp_path: Path
) -> None:
    # The finding's repro: the default journal's kept edit of entry 1 was "continued" on
    # other.db's entry 1 and saved over it ("Updated entry 1."): its own text was gone.
    other = _two_journals(cli, tmp_path)
    _kept_edit(cli, edits)
    edits(FIXED)
    result = cli(*other, "edit", "1")
    assert result.exit_code == 0, result.stderr
    assert "unsaved changes" not in result.stderr and "Updated" not in result.stderr
    assert result.stderr.startswith("Entry 1 is unchanged.")
    assert _entry(cli, 1, *other)["experience"] == OTHER_TEXT
    # the default journal's edit is still kept, and continued there
    again = cli("edit", "1")
    assert again.exit_code == 0, again.stderr
    assert "You have unsaved changes to entry 1" in again.stderr
    assert "Updated entry 1." in again.stderr
    assert _entry(cli, 1)["experience"] == HOME_TEXT.replace(*RAIN)
    assert _entry(cli, 1, *other)["experience"] == OTHER_TEXT
    assert _draft_rows(cli) == []


def test_an_edit_kept_in_another_journal_is_continued_there_and_named_with_its_db(
    cli: CLI, edits: Edits, tmp_path: Path, isolated: Path
) -> None:
    other = _two_journals(cli, tmp_path)
    edits(TYPO)
    kept = cli(*other, "edit", "1")
    assert kept.exit_code == 1
    assert f"(`peerjournal --db {tmp_path / 'other.db'} edit 1` continues it)" in kept.stderr
    assert _draft_rows(cli) == []  # not the default journal's
    [row] = _draft_rows(cli, *other)
    assert row["kind"] == "edit" and row["entry_id"] == 1
    # options on the default journal's entry 1 are not refused for the other's kept edit
    _ok(cli, "edit", "1", "-s", "library")
    edits(FIXED)
    result = _ok(cli, *other, "edit", "1")
    assert "You have unsaved changes to entry 1" in result.stderr
    assert _entry(cli, 1, *other)["experience"] == OTHER_TEXT
    assert _entry(cli, 1)["setting"] == "library"


def test_drafts_and_resume_see_only_the_journal_in_use(
    cli: CLI, tmp_path: Path, keys: Callable[..., Keys]
) -> None:
    other = _two_journals(cli, tmp_path)
    keys("community", "We walked to the shop with Sam.", "", CTRL_C)  # a guided draft
    assert cli("write").exit_code == 130
    assert len(_draft_rows(cli)) == 1
    assert _draft_rows(cli, *other) == []
    listed = cli(*other, "drafts")
    assert listed.stdout == "" and "There are no unfinished drafts." in listed.stderr
    resumed = cli(*other, "write", "--resume")
    assert resumed.exit_code != 0 and "no unfinished draft" in resumed.stderr
    assert len(json.loads(_ok(cli, *other, "list", "--json").stdout)) == 1
    assert len(_draft_rows(cli)) == 1  # still the default journal's


def test_the_default_journal_named_by_db_keeps_its_drafts_folder(
    cli: CLI, edits: Edits, isolated: Path, tmp_path: Path
) -> None:
    _two_journals(cli, tmp_path)
    _kept_edit(cli, edits)
    named = ("--db", str(isolated / "journal.db"))
    assert len(_draft_rows(cli, *named)) == 1
    where = json.loads(_ok(cli, *named, "where", "--json").stdout)
    assert where["drafts"] == str(isolated / "drafts")


def test_where_names_the_drafts_folder_of_the_journal_in_use(
    cli: CLI, tmp_path: Path, isolated: Path, edits: Edits, monkeypatch: pytest.MonkeyPatch
) -> None:
    other = _two_journals(cli, tmp_path)
    folder = Path(json.loads(_ok(cli, *other, "where", "--json").stdout)["drafts"])
    assert folder.parent == isolated / "drafts" and folder.name.startswith("other-")
    _kept_edit(cli, edits, *other)
    assert [p.parent.parent for p in folder.rglob("*.md")] == [folder]
    monkeypatch.setenv("PEERJOURNAL_DB", str(tmp_path / "other.db"))  # the same journal
    assert json.loads(_ok(cli, "where", "--json").stdout)["drafts"] == str(folder)
    assert len(_draft_rows(cli)) == 1


def test_a_locked_journals_text_is_kept_with_that_journal(
    cli: CLI, tmp_path: Path, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.db import engine

    other = _two_journals(cli, tmp_path)
    monkeypatch.setenv(engine.BUSY_TIMEOUT_ENV, "100")
    holder = sqlite3.connect(tmp_path / "other.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli(*other, "write", "-x", "Written while the other journal was locked.")
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    assert result.exit_code == 4 and "kept as draft" in result.stderr
    assert _draft_rows(cli) == []
    assert len(_draft_rows(cli, *other)) == 1
    _ok(cli, *other, "write", "--resume", input="y\n")
    texts = [e["experience"] for e in json.loads(_ok(cli, *other, "list", "--json").stdout)]
    assert "Written while the other journal was locked." in texts


def test_a_full_backup_carries_its_own_journals_drafts_and_import_keeps_them_there(
    cli: CLI, edits: Edits, tmp_path: Path, isolated: Path
) -> None:
    other = _two_journals(cli, tmp_path)
    _kept_edit(cli, edits)  # the default journal's
    backup = tmp_path / "other-backup.json"
    said = _ok(cli, *other, "export", "--full", "-o", str(backup)).stderr
    assert "drafts" not in json.loads(backup.read_text(encoding="utf-8"))
    assert "unfinished draft" not in said

    _kept_edit(cli, edits, *other)
    _ok(cli, *other, "export", "--full", "-o", str(backup), "--force")
    [carried] = json.loads(backup.read_text(encoding="utf-8"))["drafts"]
    assert carried["kind"] == "edit" and "## Feelingz" in carried["text"]
    assert OTHER_TEXT in carried["text"] and HOME_TEXT not in carried["text"]

    third = ("--db", str(tmp_path / "third.db"))
    result = _ok(cli, *third, "import", str(backup))
    assert f"(`peerjournal --db {tmp_path / 'third.db'} drafts`)" in result.stderr
    [row] = _draft_rows(cli, *third)
    assert row["entry_id"] == 1
    assert len(_draft_rows(cli)) == 1 and len(_draft_rows(cli, *other)) == 1


# -- 2. the trash a full backup leaves out ------------------------------------------------------


def test_a_full_backup_names_the_entries_in_the_trash_it_leaves_out(
    cli: CLI, add: Callable[..., int], tmp_path: Path
) -> None:
    add("Keep me.")
    add("Deleted, maybe wanted later.")
    add("Deleted too.")
    backup = str(tmp_path / "b.json")
    said = _ok(cli, "export", "--full", "-o", backup).stderr
    assert "EVERYTHING" not in said and "in the trash" not in said
    assert "This backup holds the journal's entries, records and drafts, unredacted" in said
    _ok(cli, "delete", "2")
    said = _ok(cli, "export", "--full", "-o", backup, "--force").stderr
    assert (
        "Not in the backup: 1 entry in the trash (`peerjournal trash` lists it): to keep it, "
        "`peerjournal restore 2` and back up again.\n"
    ) in said
    _ok(cli, "delete", "3")
    said = _ok(cli, "export", "--full", "-o", backup, "--force").stderr
    assert (
        "Not in the backup: 2 entries in the trash (`peerjournal trash` lists them): to keep "
        "one, `peerjournal restore ID` and back up again.\n"
    ) in said


# -- 3. IDs with a gap -----------------------------------------------------------------------


def test_import_names_ids_with_a_gap_as_ranges(
    cli: CLI, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for n in range(1, 6):
        add(f"Entry number {n} of five.")
    _ok(cli, "delete", "3")
    backup = str(tmp_path / "b.json")
    _ok(cli, "export", "--full", "-o", backup)
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "laptop"))
    result = _ok(cli, "import", backup)
    assert ": IDs 1–2 and 4–5." in result.stderr


def test_many_runs_of_ids_are_cut_short() -> None:
    from peerjournal.cli.importer import _ids_text

    assert _ids_text([5, 1, 2, 3]) == "IDs 1–3 and 5"
    assert _ids_text(list(range(1, 40, 2))) == "IDs 1, 3, 5, 7, 9, 11, 13, 15, …"


# -- 4. Ctrl-C during an import; an edit open in another terminal ------------------------------


def _backup_of_two(cli: CLI, add: Callable[..., int], tmp_path: Path) -> str:
    add("First.")
    add("Second.")
    backup = str(tmp_path / "b.json")
    _ok(cli, "export", "--full", "-o", backup)
    return backup


def _interrupt(*args: object, **kwargs: object) -> None:
    raise KeyboardInterrupt


@pytest.mark.parametrize("where", ["reading", "importing"])
def test_ctrl_c_before_the_import_is_committed_says_nothing_was_imported(
    cli: CLI, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    where: str,
) -> None:
    from peerjournal import importing
    from peerjournal.cli import importer

    backup = _backup_of_two(cli, add, tmp_path)
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "laptop"))
    _ok(cli, "people", "list")  # (no journal here yet: listing people does not make one)
    if where == "reading":  # (stopped before the import makes its journal)
        monkeypatch.setattr(importing, "read_import", _interrupt)
        journal = "the journal is as it was"
    else:
        monkeypatch.setattr(importer, "_import_entries", _interrupt)
        journal = f"the new journal {tmp_path / 'laptop' / 'journal.db'} is empty"
    result = cli("import", backup)
    assert result.exit_code == 130
    assert result.stderr == f"peerjournal: Interrupted: nothing was imported ({journal}).\n"
    assert json.loads(_ok(cli, "list", "--json").stdout) == []


def test_ctrl_c_while_writing_the_drafts_says_the_entries_are_imported(
    cli: CLI, add: Callable[..., int], edits: Edits, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    from peerjournal import drafts

    add("First.")
    _kept_edit(cli, edits)
    backup = str(tmp_path / "b.json")
    _ok(cli, "export", "--full", "-o", backup)
    monkeypatch.setenv("PEERJOURNAL_HOME", str(tmp_path / "laptop"))
    monkeypatch.setattr(drafts, "restore", _interrupt)
    result = cli("import", backup)
    assert result.exit_code == 130
    assert "Interrupted: the entries and records are imported" in result.stderr
    assert f"import {backup} again" in result.stderr
    assert len(json.loads(_ok(cli, "list", "--json").stdout)) == 1


def _held_elsewhere(isolated: Path) -> Any:
    """The kept edit of entry 1, held as the `edit` of another terminal holds it."""
    from peerjournal.drafts import Draft

    [path] = (isolated / "drafts" / "edits").glob("*.md")
    other_terminal = Draft(path)
    other_terminal.hold()
    return other_terminal


@pytest.mark.skipif(sys.platform == "win32", reason="no file locks on Windows")
def test_an_edit_open_in_another_terminal_is_named_so_and_fresh_leaves_it(
    cli: CLI, add: Callable[..., int], edits: Edits, isolated: Path
) -> None:
    add(HOME_TEXT)
    _kept_edit(cli, edits)
    held = _held_elsewhere(isolated)
    try:
        for args in (["-x", "New."], ["-x", "New.", "--fresh"], [], ["--fresh"]):
            result = cli("edit", "1", *args)
            assert result.exit_code == 1, args
            assert result.stderr == (
                f"peerjournal: Entry 1 is open in an editor in another terminal ({held.path}): "
                "finish that edit first, then `peerjournal edit 1` again. Nothing changed.\n"
            )
            assert held.path.exists()
    finally:
        held.release()
    assert _entry(cli, 1)["experience"] == HOME_TEXT
    # once that terminal is done, an edit earlier than this one is what the message says
    refused = cli("edit", "1", "-x", "New.")
    assert refused.exit_code == 1 and "unsaved changes from an earlier edit" in refused.stderr


@pytest.mark.skipif(sys.platform == "win32", reason="no file locks on Windows")
def test_edit_holds_its_file_while_the_editor_is_open(
    cli: CLI, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    isolated: Path,
) -> None:
    seen = tmp_path / "seen.txt"
    script = tmp_path / "checking_editor.py"
    script.write_text(
        "import sys\n"
        "from pathlib import Path\n"
        "from peerjournal.drafts import Draft\n"
        f"Path({str(seen)!r}).write_text(str(Draft(Path(sys.argv[-1])).in_use()))\n",
        encoding="utf-8",
    )
    monkeypatch.setenv("EDITOR", f"{sys.executable} {script}")
    add(HOME_TEXT)
    assert _ok(cli, "edit", "1").stderr.startswith("Entry 1 is unchanged.")
    assert seen.read_text(encoding="utf-8") == "True"
    assert list(isolated.rglob("*.lock")) == []  # released, and its lock file gone


def test_emptying_another_journals_trash_leaves_the_default_journals_edits(
    cli: CLI, edits: Edits, tmp_path: Path
) -> None:
    # It discarded every kept edit of an entry with a destroyed entry's ID, in any journal.
    other = _two_journals(cli, tmp_path)
    _kept_edit(cli, edits)
    _ok(cli, *other, "delete", "1")
    said = _ok(cli, *other, "trash", "--empty", "--yes").stderr
    assert said == "Destroyed 1 entry.\n"
    [row] = _draft_rows(cli)
    assert row["entry_id"] == 1


# -- hints that name a command carry the --db of another journal (lead, round 25) --------------


def test_a_near_miss_setting_in_another_journal_is_changed_with_its_db(
    cli: CLI, tmp_path: Path
) -> None:
    other = _two_journals(cli, tmp_path)
    _ok(cli, *other, "edit", "1", "-s", "inpatient")
    result = _ok(cli, *other, "write", "-s", "inpateint", "-x", "We sat on the ward.")
    assert (
        f"Change it with `peerjournal --db {other[1]} edit 2 --setting inpatient`."
        in " ".join(result.stderr.split())
    )


def test_a_damaged_draft_of_another_journal_is_discarded_with_the_same_db(
    cli: CLI, tmp_path: Path, isolated: Path
) -> None:
    other = _two_journals(cli, tmp_path)
    folder = Path(json.loads(_ok(cli, *other, "where", "--json").stdout)["drafts"])
    folder.mkdir(parents=True, exist_ok=True)
    (folder / "20261120-100000.json").write_text('{"entry": {"experience": "We sat', "utf-8")
    result = cli(*other, "write", "--resume")
    assert result.exit_code == 1
    assert result.stderr.endswith(
        "then discard it (`peerjournal drafts --discard 1` with the same --db).\n"
    )
    (isolated / "drafts" / "20261120-100000.json").write_text('{"entry": {"exp', "utf-8")
    default = cli("write", "--resume")
    assert default.stderr.endswith("then discard it (`peerjournal drafts --discard 1`).\n")


def test_where_names_the_copies_upgrades_kept(cli: CLI, isolated: Path) -> None:
    # round 25 QA: each upgrade leaves a copy as big as the journal that nothing mentioned
    _ok(cli, "write", "-x", HOME_TEXT)
    assert "Kept by upgrades" not in _ok(cli, "where").stderr
    old = isolated / "journal.db.backup-20261101T101010"
    old.write_bytes(b"\0" * 1500)
    assert _ok(cli, "where").stderr == (
        f"Kept by upgrades: a copy of the journal (2 kB), {old}: delete it once you are "
        "happy with this version.\n"
    )
    new = isolated / "journal.db.backup-20261201T101010"
    new.write_bytes(b"\0" * 500)
    assert _ok(cli, "where").stderr == (
        f"Kept by upgrades: 2 copies of the journal (2 kB in all), the newest {new}: delete "
        "them once you are happy with this version.\n"
    )
    found = json.loads(_ok(cli, "where", "--json").stdout)
    assert found["upgrade_copies"] == [str(old), str(new)]
