"""QA round 19, backup and import: a writer never loses a word.

A full backup restores every kind of data identically and once; an entry edited since the
backup comes back beside its newer version rather than being dropped; an import is one
transaction (Ctrl-C or an error part way leaves the journal as it was); `export --full` says
what it leaves out."""

from __future__ import annotations

import json
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal import paths

GUIDED = """\
date: 2026-11-17
setting: community
tags: housing, advocacy
mode: in-action
prompts: ips

## Experience
We walked to the housing office together; Sam Jones chose the words.

## Feelings
Calm, then hopeful.
### Did anything you heard change how you see things? <!-- id: worldview_shift -->
Waiting lists are a daily grind.

## Evaluation
### Mutuality <!-- id: mutuality -->
That asking is a skill.

## Self-care
A walk by the river.
"""
FEELINGS = "Irritated, then steadier once I spoke up."  # journal text: never in an error


def _ok(cli: CLI, *args: str, input: str | None = None) -> Any:
    result = cli(*args, input=input)
    assert result.exit_code == 0, result.stderr
    return result


def _rows(db: Path, sql: str) -> list[tuple[Any, ...]]:
    with sqlite3.connect(db) as conn:
        return conn.execute(sql).fetchall()


def _views(cli: CLI, db: str) -> dict[str, Any]:
    """What the writer sees of a journal, as JSON."""
    entries = json.loads(_ok(cli, "--db", db, "list", "--json", "--limit", "0").stdout)
    return {
        "entries": entries,
        "shown": [json.loads(_ok(cli, "--db", db, "show", str(e["id"]), "--json").stdout)
                  for e in entries],
        "drift": [json.loads(_ok(cli, "--db", db, "drift", str(e["id"]), "--json").stdout)
                  for e in entries],
        "people": json.loads(_ok(cli, "--db", db, "people", "list", "--json").stdout),
        "history": json.loads(_ok(cli, "--db", db, "supervision", "history", "--json").stdout),
        "tags": json.loads(_ok(cli, "--db", db, "tags", "--json").stdout),
    }


@pytest.fixture
def rich_journal(cli: CLI, add: Any, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A journal with every kind of data; returns its full backup."""
    entry = tmp_path / "guided.md"
    entry.write_text(GUIDED, encoding="utf-8")
    _ok(cli, "write", "--from-file", str(entry))
    add("At handover I asked what had happened for him.", "--feelings", FEELINGS,
        "--evaluation", "Ask first.", "--date", "2026-11-18", "--setting", "inpatient",
        "--tag", "handover", "--self-care", "Tea", "--share")
    trashed = add("Gone to the trash.", "--date", "2026-11-02")
    edited = add("Will be edited.", "--date", "2026-11-03")
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-11-20T19:00:00+00:00")
    _ok(cli, "edit", str(edited), "--experience", "Edited, with new words.")
    _ok(cli, "delete", str(trashed))
    _ok(cli, "people", "add", "Sam Jones", "--alias", "S.")
    _ok(cli, "people", "add", "Robert Smith")
    _ok(cli, "supervision", "check", "--answers", "-", input='{"story": {"score": 4, '
        '"note": "Easier"}, "voice": 2}')
    _ok(cli, "supervision", "done", "--note", "Talked about handovers", "--date", "2026-11-19")
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "--output", str(backup))
    return backup


def test_a_restored_backup_is_identical_and_a_second_import_adds_nothing(
    cli: CLI, rich_journal: Path, tmp_path: Path
) -> None:
    restored = str(tmp_path / "restored.db")
    result = _ok(cli, "--db", restored, "import", str(rich_journal))
    assert "Imported 3 entries" in result.stderr
    assert _views(cli, restored) == _views(cli, str(paths.db_path()))

    again = _ok(cli, "--db", restored, "import", str(rich_journal))
    assert "Imported no entries" in again.stderr
    assert ("Skipped 3 entries, 1 self-check, 1 supervision record and 1 draft "
            "already in the journal") in again.stderr
    assert _rows(Path(restored), "SELECT count(*) FROM entry") == [(3,)]
    assert _rows(Path(restored), "SELECT count(*) FROM person") == [(2,)]


def test_words_changed_since_the_backup_come_back_beside_the_newer_version(
    cli: CLI, add: Any, tmp_path: Path
) -> None:
    """An entry whose feelings were wiped after the backup was counted as "already in the
    journal", and the backup's feelings were never restored."""
    entry = add("At handover I asked what had happened for him.", "--feelings", FEELINGS)
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "--output", str(backup))
    _ok(cli, "edit", str(entry), "--feelings", "")

    dry = _ok(cli, "import", str(backup), "--dry-run")
    assert "Would import 1 entry" in dry.stderr
    assert "1 entry differs from the journal's version (ID 1" in dry.stderr
    assert "it would be added beside it" in dry.stderr
    result = _ok(cli, "import", str(backup))
    assert "Imported 1 entry (peerjournal backup) on 2026-11-20: ID 2." in result.stderr
    assert "1 entry differs from the journal's version (ID 1" in result.stderr
    assert "`peerjournal delete ID`" in result.stderr
    assert FEELINGS not in result.stderr
    assert _rows(paths.db_path(), "SELECT id, feelings FROM entry ORDER BY id") == [
        (1, ""), (2, FEELINGS)
    ]
    # and once both versions are there, the backup adds nothing more
    assert "Imported no entries" in _ok(cli, "import", str(backup)).stderr
    assert _rows(paths.db_path(), "SELECT count(*) FROM entry") == [(2,)]


def test_an_entry_whose_experience_was_edited_is_named_by_its_id(
    cli: CLI, add: Any, tmp_path: Path
) -> None:
    add("First entry, left alone.")
    edited = add("Second entry, before the edit.")
    backup = tmp_path / "backup.json"
    _ok(cli, "export", "--full", "--output", str(backup))
    _ok(cli, "edit", str(edited), "--experience", "Second entry, after the edit.")
    result = _ok(cli, "import", str(backup))
    # the two entries share a creation time (the fixed clock): the one named is the edited one
    assert f"(ID {edited}: edited since" in result.stderr
    assert "Skipped 1 entry already in the journal." in result.stderr
    assert sorted(r[0] for r in _rows(paths.db_path(), "SELECT experience FROM entry")) == [
        "First entry, left alone.", "Second entry, after the edit.",
        "Second entry, before the edit.",
    ]


def _nothing_imported(db: Path) -> None:
    for table in ("entry", "person", "selfcheck", "supervision", "entry_fts"):
        assert _rows(db, f"SELECT count(*) FROM {table}") == [(0,)], table


def test_ctrl_c_part_way_through_a_backup_import_changes_nothing(
    cli: CLI, rich_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The people list was committed on its own before the entries were scored: a Ctrl-C
    then left a journal with the people but no entries (and said "added 2 of 2 people")."""
    from peerjournal.db import supervision

    def interrupted(*args: Any) -> None:
        raise KeyboardInterrupt  # after the people and the entries are written

    monkeypatch.setattr(supervision, "restore_supervision", interrupted)
    restored = tmp_path / "restored.db"
    result = cli("--db", str(restored), "import", str(rich_journal))
    assert result.exit_code == 130
    assert result.stderr == (
        f"peerjournal: Interrupted: nothing was imported (the new journal {restored} is empty).\n"
    )
    _nothing_imported(restored)


def test_an_error_part_way_through_an_import_changes_nothing(
    cli: CLI, rich_journal: Path, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.db import supervision

    def full(*args: Any) -> None:
        raise sqlite3.OperationalError("database or disk is full")

    monkeypatch.setattr(supervision, "restore_supervision", full)
    restored = tmp_path / "restored.db"
    result = cli("--db", str(restored), "import", str(rich_journal))
    assert result.exit_code == 4
    assert result.stderr.count("\n") == 1 and "full" in result.stderr
    assert "People list" not in result.stderr and "Traceback" not in result.stderr
    _nothing_imported(restored)


def test_a_full_backup_says_what_it_leaves_out(
    cli: CLI, add: Any, isolated: Path, tmp_path: Path
) -> None:
    add()
    backup = str(tmp_path / "backup.json")
    result = _ok(cli, "export", "--full", "--output", backup)
    assert "Not in the backup" not in result.stderr  # nothing beside the journal

    # piped text that cannot be saved (a date in the future) is kept as a draft
    kept = cli("write", input="date: 2030-01-01\n\n## Experience\nNot saved yet.\n")
    assert kept.exit_code == 1 and "kept as draft 1" in kept.stderr
    (isolated / "prompts").mkdir()
    (isolated / "prompts" / "mine.toml").write_text("", encoding="utf-8")
    (isolated / "config.toml").write_text("", encoding="utf-8")
    result = _ok(cli, "export", "--full", "--output", backup, "--force")
    assert "The backup holds 1 unfinished draft too (`peerjournal drafts`).\n" in result.stderr
    assert (
        "Not in the backup, as they are files beside the journal: your own prompt sets "
        f"({isolated / 'prompts'}) and your settings ({isolated / 'config.toml'}).\n"
    ) in result.stderr
    assert json.loads(Path(backup).read_text(encoding="utf-8"))["entries"][0]["id"] == 1


def test_a_part_over_the_size_limit_is_named_in_the_import_error(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """One huge entry failed the import with "Record 1: the text is … characters", not
    saying which part of which entry."""
    import peerjournal.importing

    monkeypatch.setattr(peerjournal.importing, "MAX_TEXT_CHARS", 20)
    path = tmp_path / "old.json"
    path.write_text(json.dumps([
        {"date": "2026-11-01", "experience": "Short."},
        {"date": "2026-11-02", "experience": "Fine.", "feelings": "x" * 25},
    ]), encoding="utf-8")
    result = cli("import", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: record 2: 'feelings' is 25 characters; an entry can hold at "
        "most 20 in each part: split it, or shorten it in the file. Nothing was imported.\n"
    )
    assert cli("list", "--json").stdout.strip() == "[]"
