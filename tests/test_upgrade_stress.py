"""Upgrading a journal behind the head when things go wrong: Ctrl-C or a kill midway, two
commands opening it at once, no room for the backup, damaged scores. The journal is always
left as it was or at the head, never between, and every file named as a backup is whole."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, alembic_config
from peerjournal.db import engine

DRIFTY = "I told him he should take his meds and reminded him he is non-compliant."
PEER = "Сидели вместе, и я рассказала свою историю: мы говорили о его неделе."


def _journal_at(cli: CLI, add: Callable[..., int], isolated: Path, revision: str) -> Path:
    """A journal of three entries (one not ASCII, so 0008 reads it), taken back to `revision`."""
    from alembic import command

    for text in (DRIFTY, PEER, "A quiet shift."):
        add(text, "--date", "2026-11-02")
    path = isolated / "journal.db"
    command.downgrade(alembic_config(path), revision)
    return path


def _state(path: Path) -> tuple[list[tuple[str]], set[str], list[tuple[object, ...]]]:
    with sqlite3.connect(path) as conn:
        version = conn.execute("SELECT version_num FROM alembic_version").fetchall()
        names = {row[0] for row in conn.execute("SELECT name FROM sqlite_master")}
        entries = conn.execute("SELECT id, experience FROM entry ORDER BY id").fetchall()
    return version, names, entries


def _files(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.iterdir() if p.name.startswith("journal.db."))


def test_an_upgrade_stopped_midway_leaves_the_journal_as_it_was_and_no_backup(
    cli: CLI, add: Callable[..., int], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, 0007's CREATE TABLE was committed on its own: Ctrl-C later in the upgrade left
    entry_score at revision 0006, and every later open failed "table entry_score already
    exists". Each stopped upgrade also left one more full backup."""
    path = _journal_at(cli, add, isolated, "0006")
    before = _state(path)

    def interrupted(text: str) -> str:
        raise KeyboardInterrupt

    from peerjournal.db import searchfold

    fold = searchfold.folded_or_none
    monkeypatch.setattr(searchfold, "folded_or_none", interrupted)  # (read by 0008)
    result = cli("list")
    said = (  # (the upgrade was begun)
        f"{engine.UPGRADING}\npeerjournal: Interrupted: the journal at {path} was not upgraded;"
        " it is unchanged and no copy was kept (the upgrade runs again when it is next opened).\n"
    )
    assert (result.exit_code, result.stderr) == (130, said)
    assert _state(path) == before
    assert "entry_score" not in before[1]
    assert _files(isolated) == []
    monkeypatch.setattr(searchfold, "folded_or_none", fold)
    result = cli("list")
    assert result.exit_code == 0, result.stderr
    version, names, entries = _state(path)
    assert version == [(engine.HEAD_REVISION,)] and "entry_score" in names
    assert entries == before[2]
    [backup] = _files(isolated)
    assert _state(isolated / backup) == before


def test_a_second_command_finds_the_journal_upgraded_by_the_first_and_does_nothing(
    cli: CLI, add: Callable[..., int], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`list` and `report` started together both see 0006; the second to take the write
    lock finds the first one's upgrade done. Before: "table entry_score already exists" (or
    an Alembic error), and both wrote the same backup file at once."""
    from alembic import command

    path = _journal_at(cli, add, isolated, "0006")
    check_ours = engine._check_ours

    def other_run_upgrades_first(path: Path, revision: str | None) -> None:
        check_ours(path, revision)
        engine.backup(path)  # as the other run does, in the same second
        command.upgrade(alembic_config(path), "head")

    monkeypatch.setattr(engine, "_check_ours", other_run_upgrades_first)
    result = cli("report", "--json", "--since", "2026-10-01")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["totals"]["entries"] == 3
    assert _state(path)[0] == [(engine.HEAD_REVISION,)]
    assert len(_files(isolated)) == 1  # the other run's backup alone


def test_backups_made_in_the_same_second_do_not_overwrite_each_other(isolated: Path) -> None:
    path = isolated / "journal.db"
    engine.open_journal(path).close()
    first, second = engine.backup(path), engine.backup(path)
    assert first != second and first.exists() and second.exists()
    assert second.name.startswith(f"{first.name}-") or second.name > first.name


def test_a_backup_stopped_midway_leaves_no_half_copy(
    cli: CLI, add: Callable[..., int], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """A half copy was named as a backup (with its -journal beside it): the newest backup
    `_backups_hint` names could be it. Now a copy gets its name once complete, and what a
    killed run left is removed by the next."""
    path = _journal_at(cli, add, isolated, "0007")
    before = _state(path)
    (isolated / "journal.db.partial-backup").write_bytes(b"half a copy from a killed run")

    def stopped(path: Path, partial: Path) -> Path:
        assert partial.stat().st_size > 0
        raise KeyboardInterrupt

    name_backup = engine._name_backup
    monkeypatch.setattr(engine, "_name_backup", stopped)
    assert cli("list").exit_code == 130
    assert _files(isolated) == []
    assert _state(path) == before
    monkeypatch.setattr(engine, "_name_backup", name_backup)
    assert cli("list").exit_code == 0
    [backup] = _files(isolated)
    with sqlite3.connect(isolated / backup) as conn:
        assert conn.execute("PRAGMA integrity_check").fetchone() == ("ok",)
    assert _state(isolated / backup) == before


def test_no_room_for_the_backup_is_said_before_the_disk_fills(
    cli: CLI, add: Callable[..., int], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, the copy filled the disk, left half a backup, and said only "the disk is full"."""
    import os

    path = _journal_at(cli, add, isolated, "0006")
    before = _state(path)
    real = os.statvfs(isolated)

    class Nearly:
        f_blocks, f_frsize, f_bavail = real.f_blocks, 4096, 100  # 410 kB free

    monkeypatch.setattr(engine.os, "statvfs", lambda folder: Nearly)
    result = cli("list")
    assert result.exit_code == 4
    assert result.stderr.startswith(
        f"peerjournal: The journal at {path} needs upgrading for this version of peerjournal, "
        "which first copies it to a backup beside it: that needs ")
    assert result.stderr.endswith("and the disk has 1 MB. Nothing was changed.\n")
    assert _files(isolated) == [] and _state(path) == before


def test_damaged_or_missing_scores_do_not_stop_the_upgrade(
    cli: CLI, add: Callable[..., int], isolated: Path
) -> None:
    path = _journal_at(cli, add, isolated, "0006")
    with sqlite3.connect(path) as conn:
        conn.execute("UPDATE entry SET drift_summary = '{bad' WHERE id = 1")
        conn.execute("UPDATE entry SET drift_summary = NULL WHERE id = 2")
    result = cli("report", "--json", "--since", "2026-10-01")
    assert result.exit_code == 0, result.stderr
    report = json.loads(result.stdout)
    assert (report["totals"]["entries"], report["unscored"]) == (3, 2)
    assert _state(path)[0] == [(engine.HEAD_REVISION,)]
