"""A full backup carries the unfinished drafts and unsaved edits, and import puts them back.

Moving to a new laptop with `export --full` and `import` loses no word typed: a guided draft
resumes where it stopped, an edit continues on the entry it changes (under the ID the import
gave it), and a draft already there is neither duplicated nor overwritten."""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

import test_write
from conftest import CLI, CTRL_C, Keys
from test_write import Editor, entries

editor = test_write.editor  # the fake $EDITOR fixture

TYPED = "We walked to the shop with Sam Jones."
REWRITE = "A rewrite I want to keep."


def _ok(cli: CLI, *args: str, input: str | None = None) -> Any:
    result = cli(*args, input=input)
    assert result.exit_code == 0, result.stderr
    return result


def _files(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(p for p in folder.rglob("*") if p.is_file()) if folder.is_dir() else []


def _backup(cli: CLI, tmp_path: Path) -> tuple[Path, str]:
    path = tmp_path / "backup.json"
    result = _ok(cli, "export", "--full", "--output", str(path), "--force")
    return path, result.stderr


def _new_laptop(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, name: str = "laptop") -> Path:
    home = tmp_path / name
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    return home


def _guided_draft(cli: CLI, keys: Callable[..., Keys]) -> None:
    """A guided write stopped with Ctrl-C after the setting and the experience."""
    keys("community", TYPED, "", CTRL_C)
    assert cli("write").exit_code == 130


def _kept_edit(cli: CLI, add: Callable[..., int], editor: Editor) -> int:
    """An entry whose edit could not be saved (the editor failed): its ID."""
    entry = add("We met at the library.")
    editor(("We met at the library.", REWRITE), exit_code=1)
    assert cli("edit", str(entry)).exit_code == 1
    return entry


def test_a_guided_draft_survives_a_backup_and_resumes_on_a_new_laptop(
    cli: CLI, add: Callable[..., int], keys: Callable[..., Keys], isolated: Path,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    add("An entry already saved.")
    _guided_draft(cli, keys)
    [draft] = _files(isolated)
    os.utime(draft, (1_700_000_000, 1_700_000_000))
    backup, said = _backup(cli, tmp_path)
    assert "The backup holds 1 unfinished draft too (`peerjournal drafts`).\n" in said
    assert "Not in the backup" not in said

    home = _new_laptop(tmp_path, monkeypatch)
    result = _ok(cli, "import", str(backup))
    assert result.stderr.endswith(
        "Also imported 1 unfinished draft (`peerjournal drafts`).\n"
    )
    [restored] = _files(home)
    assert restored.name == draft.name
    assert restored.read_bytes() == draft.read_bytes()
    assert restored.stat().st_mtime == 1_700_000_000  # its age and place in the list
    assert "We walked to the shop" in _ok(cli, "drafts").stdout

    # it carries on at the feelings: the setting and experience are not asked again
    keys("Calm.", "", "", "It went well.", "", "", "", "", "y")
    resumed = _ok(cli, "write", "--resume")
    assert "Resuming draft 1 (guided" in resumed.stderr and TYPED in resumed.stderr
    saved = entries(cli)[0]
    assert (saved["experience"], saved["setting"], saved["feelings"]) == (
        TYPED, "community", "Calm.")
    assert _files(home) == []


def test_a_backup_is_not_redacted_and_neither_are_its_drafts(
    cli: CLI, keys: Callable[..., Keys], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    _ok(cli, "people", "add", "Sam Jones")
    _guided_draft(cli, keys)
    backup, _ = _backup(cli, tmp_path)
    data = json.loads(backup.read_text(encoding="utf-8"))
    [draft] = data["drafts"]
    assert draft["kind"] == "guided" and draft["entry_id"] is None
    assert TYPED in json.loads(draft["text"])["entry"]["experience"]

    home = _new_laptop(tmp_path, monkeypatch)
    _ok(cli, "import", str(backup))
    [restored] = _files(home)
    assert "Sam Jones" in restored.read_text(encoding="utf-8")


def test_an_unsaved_edit_continues_on_the_entry_under_its_new_id(
    cli: CLI, add: Callable[..., int], editor: Editor, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    add("First entry.")
    entry = _kept_edit(cli, add, editor)
    assert entry == 2
    backup, said = _backup(cli, tmp_path)
    assert "1 unfinished draft" in said

    home = _new_laptop(tmp_path, monkeypatch)
    add("The new laptop's own entry.")  # ID 1 is taken: the backup's entries get new IDs
    result = _ok(cli, "import", str(backup))
    assert "Imported 2 entries (peerjournal backup) on 2026-11-20: IDs 2–3." in result.stderr
    [kept] = _files(home)
    assert kept.parent.name == "edits" and kept.name.startswith("entry-3-")
    assert "`peerjournal edit 3`" not in result.stderr  # nothing to say: it is where it was

    editor()  # the writer saves the edit this time
    continued = _ok(cli, "edit", "3")
    assert "You have unsaved changes to entry 3" in continued.stderr
    assert json.loads(_ok(cli, "show", "3", "--json").stdout)["experience"] == REWRITE
    assert _files(home) == []


def test_an_edit_of_an_entry_already_in_the_journal_stays_with_it(
    cli: CLI, add: Callable[..., int], editor: Editor, isolated: Path, tmp_path: Path
) -> None:
    """The same backup into its own journal: the entry is skipped, the edit is already kept."""
    entry = _kept_edit(cli, add, editor)
    backup, _ = _backup(cli, tmp_path)
    [kept] = _files(isolated)
    kept.unlink()  # lost since the backup
    result = _ok(cli, "import", str(backup))
    assert "Skipped 1 entry already in the journal." in result.stderr
    assert "Also imported 1 unfinished draft" in result.stderr
    assert _files(isolated) == [kept]
    assert REWRITE in kept.read_text(encoding="utf-8") and f"entry-{entry}-" in kept.name


def test_an_edit_of_an_entry_not_in_the_backup_is_kept_as_a_new_draft(
    cli: CLI, add: Callable[..., int], editor: Editor, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    entry = _kept_edit(cli, add, editor)
    _ok(cli, "delete", str(entry))  # the trash is not in a backup
    backup, _ = _backup(cli, tmp_path)

    home = _new_laptop(tmp_path, monkeypatch)
    result = _ok(cli, "import", str(backup))
    assert (
        "1 unsaved edit of an entry not in the backup is kept as a new draft, every word of "
        "it: `peerjournal write --resume --draft 1` saves it as a new entry."
    ) in result.stderr
    [kept] = _files(home)
    assert kept.parent == home / "drafts" and REWRITE in kept.read_text(encoding="utf-8")
    assert "editor" in _ok(cli, "drafts").stdout

    editor()
    _ok(cli, "write", "--resume", "--draft", "1")
    assert [e["experience"] for e in entries(cli)] == [REWRITE]


def test_a_draft_already_there_is_not_restored_twice(
    cli: CLI, keys: Callable[..., Keys], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _guided_draft(cli, keys)
    backup, _ = _backup(cli, tmp_path)
    again = _ok(cli, "import", str(backup))  # into the journal it came from
    assert "Skipped 1 draft already in the journal." in again.stderr
    assert "Also imported" not in again.stderr
    assert len(_files(isolated)) == 1

    home = _new_laptop(tmp_path, monkeypatch)
    _ok(cli, "import", str(backup))
    dry = _ok(cli, "import", str(backup), "--dry-run")
    assert "1 draft already in the journal would be skipped" in dry.stderr
    assert "unfinished draft" not in dry.stderr
    _ok(cli, "import", str(backup))
    assert len(_files(home)) == 1


def test_a_different_draft_of_the_same_name_is_never_overwritten(
    cli: CLI, keys: Callable[..., Keys], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    _guided_draft(cli, keys)
    [draft] = _files(isolated)
    backup, _ = _backup(cli, tmp_path)

    home = _new_laptop(tmp_path, monkeypatch)
    mine = home / "drafts" / draft.name
    mine.parent.mkdir(parents=True)
    mine.write_text('{"entry": "started on the new laptop"}', encoding="utf-8")
    dry = _ok(cli, "import", str(backup), "--dry-run")
    assert "Would import no entries (peerjournal backup) and 1 unfinished draft" in dry.stderr
    assert _files(home) == [mine]
    _ok(cli, "import", str(backup))
    beside = mine.with_name(f"{mine.stem}-2.json")
    assert _files(home) == [beside, mine]
    assert mine.read_text(encoding="utf-8") == '{"entry": "started on the new laptop"}'
    assert beside.read_bytes() == draft.read_bytes()


def test_a_draft_in_another_encoding_comes_back_byte_for_byte(
    cli: CLI, isolated: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = isolated / "drafts" / "20261120-183000.md"
    draft.parent.mkdir(parents=True)
    draft.write_bytes(b"## Experience\nCaf\xe9 with Sam.\n")  # Latin-1, from an editor
    backup, said = _backup(cli, tmp_path)
    assert "1 unfinished draft" in said
    assert "base64" in json.loads(backup.read_text(encoding="utf-8"))["drafts"][0]

    home = _new_laptop(tmp_path, monkeypatch)
    _ok(cli, "import", str(backup))
    assert (home / "drafts" / draft.name).read_bytes() == draft.read_bytes()


def test_a_backup_without_drafts_has_no_drafts_list_and_an_older_one_imports(
    cli: CLI, add: Callable[..., int], tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """No "drafts" key when there are none: a peerjournal older than it still reads the
    backup (it refuses fields it does not know)."""
    add()
    backup, said = _backup(cli, tmp_path)
    data = json.loads(backup.read_text(encoding="utf-8"))
    assert "drafts" not in data and "unfinished draft" not in said

    home = _new_laptop(tmp_path, monkeypatch)
    result = _ok(cli, "import", str(backup))
    assert result.stderr == "Imported 1 entry (peerjournal backup) on 2026-11-20: ID 1.\n"
    assert not (home / "drafts").exists()


BAD_DRAFTS = [
    ("not an object", "draft 2: expected an object with 'kind', 'name', 'modified' and 'text'."),
    ({"kind": "letter"}, "draft 2: 'kind' should be guided, editor or edit."),
    ({"name": "../../journal.db.md"},
     "draft 2: 'name' should be a draft's file name, like 20261120-183000.json."),
    ({"name": ".hidden.json"},
     "draft 2: 'name' should be a draft's file name, like 20261120-183000.json."),
    ({"entry_id": 4}, "draft 2: 'entry_id' should be an entry's ID (an edit's) or null."),
    ({"modified": "Sam Jones"},
     "draft 2: 'modified' is not an ISO 8601 timestamp (like 2026-11-20T18:30:00+00:00)."),
    ({"modified": None}, "draft 2: 'modified' is missing (an ISO 8601 timestamp)."),
    ({"text": None}, "draft 2: expected its 'text' (or, in another encoding, 'base64')."),
    ({"text": 7}, "draft 2: expected its 'text' (or, in another encoding, 'base64')."),
    ({"base64": "Sam Jones!"}, "draft 2: expected its 'text' (or, in another encoding, "
     "'base64')."),
    ({"text": None, "base64": "Sam Jones!"}, "draft 2: 'base64' is not base64."),
    ({"text": "Sam \ud800"}, "draft 2: 'text' holds a \\u escape that is not a character "
     "(a lone surrogate, \\ud800-\\udfff); fix it in the file."),
    ({"mood": "tired"}, "draft 2: unknown field 'mood': a backup made by a newer "
     "peerjournal? Upgrade to import it."),
]


@pytest.mark.parametrize(("change", "error"), BAD_DRAFTS)
def test_a_damaged_draft_record_is_one_line_naming_it_and_imports_nothing(
    cli: CLI, add: Callable[..., int], keys: Callable[..., Keys], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, change: Any, error: str,
) -> None:
    add()
    _guided_draft(cli, keys)
    backup, _ = _backup(cli, tmp_path)
    data = json.loads(backup.read_text(encoding="utf-8"))
    good = data["drafts"][0]
    data["drafts"].append(change if isinstance(change, str) else {**good, **change})
    backup.write_text(json.dumps(data), encoding="utf-8")

    home = _new_laptop(tmp_path, monkeypatch)
    result = cli("import", str(backup))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {backup}: {error} Nothing was imported.\n"
    assert "Sam" not in result.stderr  # journal text is never echoed
    assert not (home / "journal.db").exists() and _files(home) == []


@pytest.mark.parametrize("failure", [KeyboardInterrupt, sqlite3.OperationalError])
def test_a_failure_before_the_commit_writes_no_draft(
    cli: CLI, add: Callable[..., int], keys: Callable[..., Keys], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, failure: type[BaseException],
) -> None:
    from peerjournal.cli import importer

    add()
    _guided_draft(cli, keys)
    backup, _ = _backup(cli, tmp_path)

    def fails(*args: Any) -> None:
        raise failure("database or disk is full")

    monkeypatch.setattr(importer, "_import_entries", fails)
    home = _new_laptop(tmp_path, monkeypatch)
    result = cli("import", str(backup))
    assert result.exit_code == (130 if failure is KeyboardInterrupt else 4)
    assert "Traceback" not in result.stderr and result.stderr.count("\n") == 1
    assert _files(home) == []
    with sqlite3.connect(home / "journal.db") as conn:
        assert conn.execute("SELECT count(*) FROM entry").fetchone() == (0,)


def test_a_full_disk_writing_the_drafts_says_the_journal_has_the_rest(
    cli: CLI, add: Callable[..., int], keys: Callable[..., Keys], tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    import errno

    from peerjournal import drafts

    add()
    _guided_draft(cli, keys)
    backup, _ = _backup(cli, tmp_path)

    def no_space(*args: Any) -> None:
        raise OSError(errno.ENOSPC, "No space left on device")

    home = _new_laptop(tmp_path, monkeypatch)
    real = drafts.write_atomic
    monkeypatch.setattr(drafts, "write_atomic", no_space)
    result = cli("import", str(backup))
    assert result.exit_code == 1
    assert result.stderr == (
        "peerjournal: The entries and records are imported, but the unfinished drafts could "
        f"not be written to {home / 'drafts'} (No space left on device): import {backup} "
        "again once that is fixed (what is already in the journal is skipped).\n"
    )
    monkeypatch.setattr(drafts, "write_atomic", real)  # space freed
    again = _ok(cli, "import", str(backup))
    assert "Skipped 1 entry already in the journal" in again.stderr
    assert "Also imported 1 unfinished draft" in again.stderr
    assert len(_files(home)) == 1


def test_a_draft_that_cannot_be_read_is_named_and_the_rest_is_backed_up(
    cli: CLI, add: Callable[..., int], keys: Callable[..., Keys], isolated: Path,
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch,
) -> None:
    add()
    _guided_draft(cli, keys)
    locked = isolated / "drafts" / "20261101-090000.md"
    locked.write_text("## Experience\nLocked away.\n", encoding="utf-8")
    real = Path.read_bytes

    def read_bytes(path: Path) -> bytes:
        if path == locked:
            raise PermissionError(13, "Permission denied")
        return real(path)

    monkeypatch.setattr(Path, "read_bytes", read_bytes)
    backup, said = _backup(cli, tmp_path)
    assert "The backup holds 1 unfinished draft too" in said
    assert (
        f"Not in the backup: the draft {locked}, which cannot be read (Permission denied); "
        "copy it yourself.\n"
    ) in said
    [carried] = json.loads(backup.read_text(encoding="utf-8"))["drafts"]
    assert carried["kind"] == "guided"
