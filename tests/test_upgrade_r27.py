"""Round 27 (QA finding 9): an installation missing a migration cannot upgrade a journal. It
says so, once per command, and changes and copies nothing: before, every command said it had
upgraded the journal, kept one more full-size copy, and left alembic_version as it was."""

from __future__ import annotations

import shutil
import sqlite3
from collections.abc import Callable
from pathlib import Path

import pytest
from typer.testing import Result

from conftest import CLI
from peerjournal.db import engine
from test_upgrade_stress import _files, _journal_at, _state


def _installed_without(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, *files: str) -> Path:
    """A copy of the installed migrations, with `files` removed or added (name: text), used
    as this installation's."""
    folder = tmp_path / "migrations"
    shutil.copytree(engine.MIGRATIONS, folder, ignore=shutil.ignore_patterns("__pycache__"))
    for name in files:
        (folder / "versions" / name).unlink()
    monkeypatch.setattr(engine, "MIGRATIONS", folder)
    return folder


def _refused(result: Result) -> None:
    """The upgrade announced, then refused in one line: exit 4, nothing on stdout."""
    assert result.exit_code == 4, (result.exit_code, result.stdout, result.stderr)
    assert result.stdout == ""
    upgrading, refused = result.stderr.splitlines()
    assert upgrading == engine.UPGRADING
    assert refused.startswith("peerjournal: The upgrade of the journal at ")
    assert refused.endswith(
        " did not complete: this installation of peerjournal lacks some of its upgrade steps "
        f"(to schema {engine.HEAD_REVISION}). The journal is unchanged and no copy was kept; "
        "reinstall peerjournal to upgrade it."
    )


@pytest.mark.parametrize(
    ("revision", "missing"),
    [
        ("0010", "0011_tags_without_full_stops.py"),  # QA's case: Alembic's head is the journal's
        ("0005", "0011_tags_without_full_stops.py"),  # it could take it part of the way
        ("0008", "0009_marks_in_words.py"),  # a gap: Alembic warns, then cannot read the rest
    ],
)
def test_a_missing_migration_refuses_every_command_and_keeps_no_copy(
    cli: CLI, add: Callable[..., int], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch, revision: str, missing: str,
) -> None:
    path = _journal_at(cli, add, isolated, revision)
    before = _state(path)
    _installed_without(tmp_path, monkeypatch, missing)
    for command in (["list"], ["show", "1"], ["report", "--json"], ["list"]):
        _refused(cli(*command))
    assert _state(path) == before  # alembic_version, tables and entries as they were
    assert _files(isolated) == []  # no copy, however often it is run
    written = cli("write", "-x", "Written while the install is broken.")
    assert written.exit_code == 4 and "kept as draft" in written.stderr
    monkeypatch.setattr(engine, "MIGRATIONS", Path(engine.__file__).parent / "migrations")
    reinstalled = cli("list", "--json")  # reinstalled: upgraded as usual, one copy kept
    assert reinstalled.exit_code == 0, reinstalled.stderr
    assert _state(path)[0] == [(engine.HEAD_REVISION,)]
    assert len(_files(isolated)) == 1


def test_a_stray_newer_migration_is_not_run(
    cli: CLI, add: Callable[..., int], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """A file past the head (left by another version's install) no longer takes the journal
    beyond what this code reads: before, Alembic ran it, and the journal was then refused as
    "written by a newer peerjournal"."""
    folder = _installed_without(tmp_path, monkeypatch)
    stray = f"{int(engine.HEAD_REVISION) + 1:04d}"  # the revision after the head, whichever
    (folder / "versions" / f"{stray}_stray.py").write_text(
        f'from alembic import op\n\nrevision = "{stray}"\n'
        f'down_revision = "{engine.HEAD_REVISION}"\nbranch_labels = None\ndepends_on = None\n\n\n'
        'def upgrade() -> None:\n    op.execute("CREATE TABLE stray (x)")\n\n\n'
        "def downgrade() -> None:\n    pass\n"
    )
    path = _journal_at(cli, add, isolated, "0005")
    result = cli("list", "--json")
    assert result.exit_code == 0, result.stderr
    version, names, _ = _state(path)
    assert version == [(engine.HEAD_REVISION,)] and "stray" not in names
    assert cli("list").exit_code == 0


def test_a_journal_at_the_head_opens_although_its_migration_is_missing(
    cli: CLI, add: Callable[..., int], isolated: Path, tmp_path: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Only an upgrade needs the migrations: a current journal, and a new one, work as usual."""
    add("Current already.", "--date", "2026-11-02")
    _installed_without(tmp_path, monkeypatch, "0011_tags_without_full_stops.py")
    result = cli("list")
    assert result.exit_code == 0 and result.stderr == ""
    fresh = cli("--db", str(tmp_path / "new.db"), "write", "-x", "A new journal.")
    assert fresh.exit_code == 0, fresh.stderr
    with sqlite3.connect(tmp_path / "new.db") as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (engine.HEAD_REVISION,)
        ]
    assert _files(isolated) == []
