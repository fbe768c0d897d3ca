"""Round 32: an unsaved edit kept by entry ID is never continued over another entry with that
ID (QA data-safety item 1, case orph2).

The journal file is replaced (moved aside and a backup imported, as the damage message says)
and a new entry gets the ID of an old one whose edit was kept: `edit ID` continued the old
edit and saved the old entry's text over the new one. A kept edit now notes the creation time
of its entry (its last line): one of another entry is moved, every word, to a new-entry draft
and the editor opens on the entry as stored; so do `--fresh`, an edit by options, and
`trash --empty`, which never discard it. An edit kept by an older version (no such line) is
continued as before, unless its text plainly is not the entry's.
"""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal import paths
from peerjournal.drafts import kept_edits, pending

Edits = Callable[..., None]
OLD = "Old entry 4: met Sam about housing, he wants to move near his sister."
PRIVATE = " Sam asked me to keep this private."
NEW = "New entry after recovery: a quiet group session, two people spoke about sleep."
LATER = "2026-11-21T09:15:00+00:00"  # the recovery, the next morning
TYPO = ("## Feelings", "## Feelingz")  # an edit that cannot be saved, so it is kept
FIXED = ("## Feelingz", "## Feelings")
SAM = ("his sister.", "his sister." + PRIVATE)  # the change made in that edit
NOTE = "<!-- peerjournal: editing entry "


def _ok(cli: CLI, *args: str) -> Any:
    result = cli(*args)
    assert result.exit_code == 0, result.stderr
    return result


def _experience(cli: CLI, entry_id: int, *db: str) -> str:
    shown = json.loads(_ok(cli, *db, "show", str(entry_id), "--json").stdout)
    return str(shown["experience"])


def _keep_an_edit(cli: CLI, edits: Edits, entry_id: int, *db: str) -> Path:
    """Edit `entry_id` in the editor, adding PRIVATE, with a typo that keeps it unsaved."""
    edits(TYPO, SAM)
    refused = cli(*db, "edit", str(entry_id))
    assert refused.exit_code == 1 and "your edit is kept in" in refused.stderr, refused.stderr
    [kept] = [d for d in kept_edits(_drafts(*db)) if d.entry_id == entry_id]
    return kept.path


def _drafts(*db: str) -> Path:
    return paths.drafts_dir(paths.db_path(db[1] if db else None))


def _without_note(path: Path) -> None:
    """Make `path` a kept edit as an older version wrote it: no line naming its entry."""
    lines = path.read_text(encoding="utf-8").splitlines(keepends=True)
    assert lines[-1].startswith(NOTE)
    path.write_text("".join(lines[:-1]), encoding="utf-8")


def _replaced_journal(
    cli: CLI, add: Callable[..., int], edits: Edits, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, *, old_format: bool = False,
) -> Path:
    """The QA case: entries 1-3 backed up; an edit of entry 4 kept unsaved; the journal file
    moved aside and the backup imported; a new entry 4 written. The kept edit's path."""
    for n in (1, 2, 3):
        add(f"Old entry {n}: a long afternoon on the ward, listening.")
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "-o", str(backup))
    assert add(OLD) == 4
    kept = _keep_an_edit(cli, edits, 4)
    if old_format:
        _without_note(kept)
    journal = paths.db_path()
    for suffix in ("", "-wal", "-shm"):
        moved = journal.with_name(journal.name + suffix)
        if moved.exists():
            moved.rename(tmp_path / f"damaged.db{suffix}")
    _ok(cli, "import", str(backup))
    monkeypatch.setenv("PEERJOURNAL_NOW", LATER)
    assert add(NEW) == 4
    return kept


def _set_aside(home: Path) -> Path:
    """The one new-entry draft an edit of another entry was moved to."""
    [draft] = pending(home / "drafts")
    assert draft.kind == "editor" and PRIVATE.strip() in draft.path.read_text(encoding="utf-8")
    return draft.path


def test_an_edit_kept_of_a_replaced_journals_entry_is_not_continued_over_the_new_one(
    cli: CLI, add: Callable[..., int], edits: Edits, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, isolated: Path,
) -> None:
    kept = _replaced_journal(cli, add, edits, tmp_path, monkeypatch)
    edits()  # the editor saves the file as it is
    result = _ok(cli, "edit", "4")
    moved = _set_aside(isolated)
    assert result.stderr.splitlines()[0] == (
        "Unsaved changes kept since " + result.stderr.split("since ")[1][:16] + " for an "
        "entry 4 are not to this one (another with its ID, of a journal this one replaced?): "
        f"kept, every word, as a new draft in {moved} (`peerjournal write --resume --draft 1` "
        "saves it as a new entry)."
    )
    assert "continuing" not in result.stderr and "Entry 4 is unchanged." in result.stderr
    assert _experience(cli, 4) == NEW  # the new entry is as it was written
    assert not kept.exists() and kept_edits(isolated / "drafts") == []
    [row] = json.loads(_ok(cli, "drafts", "--json").stdout)
    assert row["kind"] == "editor" and row["entry_id"] is None
    # the old words are saved as an entry of their own when the writer wants them
    edits(FIXED)
    assert _ok(cli, "write", "--resume", "--draft", "1").stdout.strip() == "5"
    assert _experience(cli, 5) == OLD + PRIVATE and _experience(cli, 4) == NEW


def test_fresh_never_deletes_an_edit_of_another_entry(
    cli: CLI, add: Callable[..., int], edits: Edits, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, isolated: Path,
) -> None:
    _replaced_journal(cli, add, edits, tmp_path, monkeypatch)
    edits()
    result = _ok(cli, "edit", "4", "--fresh")
    assert "Discarded" not in result.stderr and "are not to this one" in result.stderr
    _set_aside(isolated)


def test_an_edit_by_options_sets_an_edit_of_another_entry_aside_and_is_made(
    cli: CLI, add: Callable[..., int], edits: Edits, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, isolated: Path,
) -> None:
    _replaced_journal(cli, add, edits, tmp_path, monkeypatch)
    result = _ok(cli, "edit", "4", "--setting", "day centre")
    assert "are not to this one" in result.stderr and "Updated entry 4." in result.stderr
    assert _experience(cli, 4) == NEW
    _set_aside(isolated)


def test_emptying_the_trash_never_discards_an_edit_of_another_entry(
    cli: CLI, add: Callable[..., int], edits: Edits, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, isolated: Path,
) -> None:
    _replaced_journal(cli, add, edits, tmp_path, monkeypatch)
    _ok(cli, "delete", "4")
    result = _ok(cli, "trash", "--empty", "--yes")
    assert result.stderr.splitlines()[-1] == "Destroyed 1 entry."  # (none of its edits)
    assert "are not to this one" in result.stderr
    moved = _set_aside(isolated)
    again = _ok(cli, "trash", "--empty", "--yes")
    assert again.stderr == "The trash is already empty.\n" and moved.exists()


def test_emptying_the_trash_still_discards_the_edit_of_the_entry_destroyed(
    cli: CLI, add: Callable[..., int], edits: Edits, isolated: Path
) -> None:
    entry_id = add(OLD)
    kept = _keep_an_edit(cli, edits, entry_id)
    _ok(cli, "delete", str(entry_id))
    result = _ok(cli, "trash", "--empty", "--yes")
    assert result.stderr == "Destroyed 1 entry, and 1 unsaved edit of it.\n"
    assert not kept.exists() and pending(isolated / "drafts") == []


def test_an_ordinary_kept_edit_notes_its_entry_and_is_continued(
    cli: CLI, add: Callable[..., int], edits: Edits
) -> None:
    entry_id = add(OLD)
    kept = _keep_an_edit(cli, edits, entry_id)
    created = json.loads(_ok(cli, "show", str(entry_id), "--json").stdout)["created_at"]
    last = kept.read_text(encoding="utf-8").splitlines()[-1]
    assert last.startswith(f"{NOTE}{entry_id} (written ")
    assert f"it tells your edit from another entry's: {created} " in last
    edits(FIXED)
    result = _ok(cli, "edit", str(entry_id))
    assert "continuing them" in result.stderr and "Updated entry 1." in result.stderr
    assert _experience(cli, entry_id) == OLD + PRIVATE and not kept.exists()


def test_an_edit_kept_by_an_older_version_is_still_continued(
    cli: CLI, add: Callable[..., int], edits: Edits
) -> None:
    entry_id = add(OLD)
    kept = _keep_an_edit(cli, edits, entry_id)
    _without_note(kept)
    edits(FIXED)
    result = _ok(cli, "edit", str(entry_id))
    assert "continuing them" in result.stderr and "Updated entry 1." in result.stderr
    assert _experience(cli, entry_id) == OLD + PRIVATE


def test_an_edit_kept_by_an_older_version_of_plainly_other_text_is_set_aside(
    cli: CLI, add: Callable[..., int], edits: Edits, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, isolated: Path,
) -> None:
    _replaced_journal(cli, add, edits, tmp_path, monkeypatch, old_format=True)
    edits()
    result = _ok(cli, "edit", "4")
    assert "are not to this one" in result.stderr and "continuing" not in result.stderr
    assert _experience(cli, 4) == NEW
    _set_aside(isolated)


def test_an_edit_restored_from_a_backup_is_continued_on_its_entry(
    cli: CLI, add: Callable[..., int], edits: Edits, tmp_path: Path
) -> None:
    # imported into another journal, the entry gets another ID and keeps its creation time
    entry_id = add(OLD)
    _keep_an_edit(cli, edits, entry_id)
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "-o", str(backup))
    other = ("--db", str(tmp_path / "other.db"))
    for n in (1, 2):
        _ok(cli, *other, "write", "-x", f"Other journal entry {n}: the Elm ward handover.")
    _ok(cli, *other, "import", str(backup))
    edits(FIXED)
    result = _ok(cli, *other, "edit", "3")
    assert "continuing them" in result.stderr and "Updated entry 3." in result.stderr
    assert _experience(cli, 3, *other) == OLD + PRIVATE
