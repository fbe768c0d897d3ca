"""Damaged files and hostile editors, round 26 (QA qa2 findings 1, 4, 5, 6, 10): a damaged
journal's error never quotes its text, a journal file emptied to 0 bytes is named as such, an
export to a full disk leaves no empty file, `edit` on a full disk says why the editor did not
open, and an editor that deletes its file never loses the text kept in it."""

from __future__ import annotations

import errno
import json
import os
import sqlite3
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal import drafts as drafts_module
from peerjournal.db import engine

WORDS = "We talked about housing with Sam for a long while."
NO_SPACE = os.strerror(errno.ENOSPC)


def one_line(result: Any, code: int) -> str:
    assert result.exit_code == code, result.stderr
    assert len(result.stderr.strip().splitlines()) == 1, result.stderr
    return " ".join(result.stderr.split())


# -- finding 1: a damaged journal's error quotes no text ----------------------------------------


@pytest.mark.parametrize(
    "command",
    [["list"], ["list", "--json"], ["show", "1"], ["drift", "1"], ["supervision", "prep"],
     ["search", "housing"], ["export", "-y", "-o", "out.md"]],
)
def test_text_that_is_not_utf8_in_the_journal_is_named_never_quoted(
    cli: CLI, add: Any, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
    command: list[str],
) -> None:
    """Before: "damaged (Could not decode to UTF-8 column 'experience' with text 'We talked
    about housing with Sam…')", the text of the entry in the error (corrupt.sh mid). Since
    round 27 the entry is read with U+FFFD for those bytes (tests/test_store_r27.py), and
    the warning names it, never quotes it."""
    add(WORDS)
    with sqlite3.connect(isolated / "journal.db") as conn:  # bytes a damaged page leaves
        conn.execute("UPDATE entry SET experience = "
                     "CAST(CAST(experience AS BLOB) || X'FF' AS TEXT) WHERE id = 1")
    monkeypatch.chdir(tmp_path)
    result = cli(*command)
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines()[0].startswith("Entry 1 holds text that is not UTF-8 ")
    assert "Sam" not in result.stderr and "housing" not in result.stderr


def test_a_message_sqlite_may_fill_with_data_is_never_passed_through(tmp_path: Path) -> None:
    quoting = sqlite3.OperationalError('fts5: syntax error near "Sam"')
    said = engine.describe_error(tmp_path / "j.db", quoting)
    assert said == f"Database error in {tmp_path / 'j.db'}: SQLite OperationalError."
    # (one of SQLite's own that names only the schema is still shown as it is)
    named = sqlite3.IntegrityError("UNIQUE constraint failed: person.name")
    assert engine.describe_error(tmp_path / "j.db", named).endswith(
        ": UNIQUE constraint failed: person.name.")


# -- finding 10: a journal file of 0 bytes ------------------------------------------------------


def test_a_journal_emptied_to_0_bytes_is_named_before_it_is_used(cli: CLI, isolated: Path) -> None:
    journal = isolated / "journal.db"
    isolated.mkdir(parents=True)
    journal.touch()
    result = cli("list")
    assert result.exit_code == 0
    said = " ".join(result.stderr.split())
    assert said.count("is empty (0 bytes)") == 1
    assert (f"{journal} is empty (0 bytes), so it is used as a new journal: if it held your "
            "journal, restore it from a copy of your own (such as one made by "
            "`peerjournal export --full`).") in said
    assert "No entries yet" in said


def test_where_names_an_emptied_journal_and_its_newest_backup(cli: CLI, isolated: Path) -> None:
    journal = isolated / "journal.db"
    isolated.mkdir(parents=True)
    journal.touch()
    for stamp in ("20261001T100000", "20261101T100000"):
        (isolated / f"journal.db.backup-{stamp}").write_bytes(b"copy")
    result = cli("where")
    assert result.exit_code == 0
    assert " ".join(result.stderr.split()) == (
        f"{journal} is empty (0 bytes), so it is used as a new journal: if it held your "
        "journal, restore it from a backup (the newest beside it, kept by an upgrade, is "
        f"{isolated / 'journal.db.backup-20261101T100000'})."
    )
    result = cli("list")
    assert "journal.db.backup-20261101T100000" in result.stderr


def test_a_new_journal_or_one_whose_content_is_in_its_wal_is_not_called_empty(
    cli: CLI, isolated: Path
) -> None:
    assert "empty" not in cli("where").stderr  # no file yet: a new journal
    result = cli("write", "-x", WORDS)
    assert result.exit_code == 0 and "empty" not in result.stderr
    assert "empty" not in cli("list").stderr
    isolated.joinpath("journal.db").write_bytes(b"")
    isolated.joinpath("journal.db-wal").write_bytes(b"frames")
    assert "empty" not in cli("where").stderr


# -- finding 5: an export to a full disk --------------------------------------------------------


class FullDisk:
    """A file whose every write fails as on a full disk."""

    def __init__(self, handle: Any) -> None:
        self.handle = handle

    def __enter__(self) -> FullDisk:
        return self

    def __exit__(self, *exc: object) -> None:
        self.handle.close()

    def write(self, data: bytes) -> int:
        raise OSError(errno.ENOSPC, NO_SPACE)


@pytest.mark.parametrize(
    ("options", "name"),
    [(["--full"], "b.json"), (["-y"], "out.md"), (["-y", "--format", "pdf"], "out.pdf")],
)
def test_an_export_to_a_full_disk_leaves_no_empty_file(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, options: list[str],
    name: str,
) -> None:
    add(WORDS)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / name
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullDisk(real(fd, *a, **k)))
    result = cli("export", *options, "-o", str(target))
    assert result.exit_code == 1
    assert f"Could not write {target}: {NO_SPACE}." in result.stderr
    assert list(target.parent.iterdir()) == []  # neither the file nor a temporary one


def test_an_export_over_a_file_on_a_full_disk_leaves_that_file_as_it_was(
    cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(WORDS)
    (tmp_path / "out").mkdir()
    target = tmp_path / "out" / "b.json"
    target.write_text("the backup from last week", encoding="utf-8")
    real = os.fdopen
    monkeypatch.setattr(os, "fdopen", lambda fd, *a, **k: FullDisk(real(fd, *a, **k)))
    result = cli("export", "--full", "--force", "-o", str(target))
    assert result.exit_code == 1 and "Could not write" in result.stderr
    assert list(target.parent.iterdir()) == [target]
    assert target.read_text(encoding="utf-8") == "the backup from last week"


# -- finding 6: `edit` in the editor on a full disk ---------------------------------------------


def test_edit_on_a_full_disk_says_why_the_editor_did_not_open(
    cli: CLI, add: Any, isolated: Path, edits: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "peerjournal: No space left on device", exit 1."""
    entry_id = add(WORDS)
    edits(("with Sam", "with Sam and Jo"))

    def no_space(*args: object) -> None:
        raise OSError(errno.ENOSPC, NO_SPACE)

    monkeypatch.setattr(drafts_module, "write_atomic", no_space)
    said = one_line(cli("edit", str(entry_id)), 4)
    assert said == (
        f"peerjournal: The entry cannot be written to {isolated / 'drafts' / 'edits'} "
        f"({NO_SPACE}), so the editor was not opened; entry {entry_id} is unchanged. Free some "
        "space and try again."
    )
    assert not list((isolated / "drafts" / "edits").glob("*.md"))
    shown = cli("show", "--json", str(entry_id))
    assert json.loads(shown.stdout)["experience"] == WORDS


# -- finding 4: an editor that deletes or moves its file ----------------------------------------


@pytest.fixture
def deleting_editor(tmp_path: Path) -> str:
    script = tmp_path / "deleting_editor.py"
    script.write_text("import os, sys\nos.remove(sys.argv[-1])\n", encoding="utf-8")
    return f"{sys.executable} {script}"


def test_a_kept_edit_deleted_by_the_editor_is_put_back(
    cli: CLI, add: Any, isolated: Path, edits: Any, monkeypatch: pytest.MonkeyPatch,
    deleting_editor: str,
) -> None:
    """Before: "…nothing was saved. Your edit is kept in X", X gone, and the edit with it."""
    entry_id = add(WORDS)
    edits(("with Sam", "with Sam and Jo"), ("## Feelings", "## Feelngs"))  # a typo: kept
    assert cli("edit", str(entry_id)).exit_code == 1
    [kept] = (isolated / "drafts" / "edits").glob("*.md")
    before = kept.read_bytes()
    replacing = os.environ["EDITOR"]
    monkeypatch.setenv("EDITOR", deleting_editor)
    result = cli("edit", str(entry_id))
    assert result.exit_code == 1
    continuing, said = result.stderr.strip().splitlines()
    assert continuing.startswith(f"You have unsaved changes to entry {entry_id}")
    assert said.startswith("peerjournal: The editor deleted or moved the file it was given")
    assert f"The text it held before is back in {kept}:" in said
    assert "is kept in" not in said
    assert kept.read_bytes() == before
    monkeypatch.setenv("EDITOR", replacing)
    edits(("## Feelngs", "## Feelings"))
    assert cli("edit", str(entry_id)).exit_code == 0
    shown = cli("show", "--json", str(entry_id))
    assert json.loads(shown.stdout)["experience"] == WORDS.replace("Sam", "Sam and Jo")


def test_a_new_edit_deleted_by_the_editor_is_not_said_to_be_kept(
    cli: CLI, add: Any, isolated: Path, monkeypatch: pytest.MonkeyPatch, deleting_editor: str
) -> None:
    entry_id = add(WORDS)
    monkeypatch.setenv("EDITOR", deleting_editor)
    said = one_line(cli("edit", str(entry_id)), 1)
    assert said.endswith("; nothing was saved.") and "kept" not in said
    assert not list((isolated / "drafts" / "edits").glob("*.md"))
    assert json.loads(cli("show", "--json", str(entry_id)).stdout)["experience"] == WORDS


def test_a_resumed_draft_deleted_by_the_editor_is_put_back(
    cli: CLI, isolated: Path, edits: Any, monkeypatch: pytest.MonkeyPatch, deleting_editor: str
) -> None:
    """Before: `write --resume --editor` lost the draft for good."""
    edits(("## Experience\n", f"## Experience\n{WORDS}\n"), ("## Feelings", "## Feelngs"))
    assert cli("write", "--editor").exit_code == 1
    [draft] = (isolated / "drafts").glob("*.md")
    before = draft.read_bytes()
    monkeypatch.setenv("EDITOR", deleting_editor)
    result = cli("write", "--resume", "--editor")
    assert result.exit_code == 1
    assert f"The text it held before is back in {draft}:" in " ".join(result.stderr.split())
    assert draft.read_bytes() == before
    assert WORDS[:20] in cli("drafts").stdout
