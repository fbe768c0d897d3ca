"""`edit` once its change is saved, round 24: as for `write`, saved means exit 0 and no kept
edit left behind. A damaged page met after the update has committed (the read-back, removing
the kept edit) is at most a one-line word on stderr, never "damaged" and exit 4, and never
journal text."""

from __future__ import annotations

import json
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.db.store import Store
from peerjournal.drafts import Draft
from peerjournal.errors import DatabaseError
from test_write import entries

DAMAGED = "The journal at journal.db is damaged (database disk image is malformed)."
STORED = "We met at the museum."
CHANGED = "We met at the park."


def kept_edits(home: Path) -> list[Path]:
    folder = home / "drafts" / "edits"
    return sorted(p for p in folder.iterdir() if p.suffix == ".md") if folder.is_dir() else []


def _damaged_after_commit(monkeypatch: pytest.MonkeyPatch) -> None:
    """Once a write has committed, every `get` fails as on a damaged page the write did not
    touch (the reads before it, and the write itself, still work)."""
    real_write, real_get = Store._write, Store.get
    committed = False

    @contextmanager
    def write(self: Store) -> Iterator[Any]:
        nonlocal committed
        with real_write(self) as conn:
            yield conn
        committed = True

    def get(self: Store, *args: Any, **kwargs: Any) -> Any:
        if committed:
            raise DatabaseError(DAMAGED)
        return real_get(self, *args, **kwargs)

    monkeypatch.setattr(Store, "_write", write)
    monkeypatch.setattr(Store, "get", get)


def _edit_damaged_after_commit(cli: CLI, monkeypatch: pytest.MonkeyPatch, *args: str) -> Any:
    """`edit 1 ARGS` on a journal whose every read fails once the update has committed."""
    with monkeypatch.context() as patched:
        _damaged_after_commit(patched)
        result = cli("edit", "1", *args)
        assert result.exit_code == 0, result.stderr
    return result


def test_an_editor_edit_saved_on_a_damaged_journal_is_reported_updated(
    cli: CLI, add: Any, isolated: Path, edits: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(STORED)
    edits((STORED, CHANGED))
    result = _edit_damaged_after_commit(cli, monkeypatch)
    assert result.stdout == ""
    assert result.stderr == "Updated entry 1.\n"
    assert entries(cli)[0]["experience"] == CHANGED
    assert kept_edits(isolated) == []  # `edit 1` would otherwise save the same change again


def test_an_edit_from_flags_saved_on_a_damaged_journal_is_reported_updated(
    cli: CLI, add: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(STORED)
    result = _edit_damaged_after_commit(cli, monkeypatch, "-x", CHANGED, "-t", "handover")
    # (then where the replaced experience is kept, said without a terminal too: r35 QA)
    updated, replaced = result.stderr.splitlines()
    assert updated == "Updated entry 1." and replaced.startswith("Replaced the experience (")
    [entry] = entries(cli)
    assert (entry["experience"], entry["tags"]) == (CHANGED, ["handover"])


def test_with_json_an_edit_that_cannot_be_read_back_gives_its_id(
    cli: CLI, add: Any, isolated: Path, edits: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(STORED)
    edits((STORED, CHANGED))
    result = _edit_damaged_after_commit(cli, monkeypatch, "--json")
    assert json.loads(result.stdout) == {"id": 1}
    assert result.stderr == (
        f"Entry 1 is updated, but it could not be read back ({DAMAGED}); "
        "--json gives only its ID.\n"
    )
    assert STORED not in result.stderr and CHANGED not in result.stderr
    assert entries(cli)[0]["experience"] == CHANGED
    assert kept_edits(isolated) == []


def test_a_kept_edit_that_cannot_be_removed_is_named_and_the_edit_still_succeeds(
    cli: CLI, add: Any, isolated: Path, edits: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    add(STORED)
    edits((STORED, CHANGED))

    def refused(self: Draft) -> None:
        raise PermissionError(13, "Permission denied")

    with monkeypatch.context() as patched:
        patched.setattr(Draft, "discard", refused)
        result = cli("edit", "1")
        assert result.exit_code == 0, result.stderr
    [kept] = kept_edits(isolated)
    assert result.stderr.splitlines() == [
        f"Entry 1 is updated, but the edit kept in {kept} could not be removed (Permission "
        "denied): delete it, or `peerjournal edit 1` continues it.",
        "Updated entry 1.",
    ]
    assert entries(cli)[0]["experience"] == CHANGED


def test_an_undamaged_edit_still_prints_the_entry_as_stored(
    cli: CLI, add: Any, isolated: Path, edits: Any
) -> None:
    add(STORED)
    edits((STORED, CHANGED))
    result = cli("edit", "1", "--json")
    assert result.exit_code == 0, result.stderr
    shown = json.loads(result.stdout)
    assert (shown["id"], shown["experience"]) == (1, CHANGED)
    assert shown["updated_at"] == "2026-11-20T18:30:00+00:00"
    assert result.stderr == "" and kept_edits(isolated) == []
