"""Round 32: Ctrl-C or SIGTERM as an import or `drift --rescore` commits (QA data report, 2).

A signal that came during COMMIT is raised as COMMIT returns, everything committed; the import
said "nothing was imported" and left its backup's drafts unwritten, and --rescore said "no
entry was re-scored". Now both say what is in the journal: the import finishes (drafts and
summary) and ends "nothing is left to do", exit 130; --rescore names what it re-scored. A
Ctrl-C before COMMIT still leaves the journal as it was, and says so."""

from __future__ import annotations

import json
import sqlite3
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.db import engine
from peerjournal.drift import load_lexicon
from test_drift_cli import DRIFT, IDENTITY, make_stale, stored_versions

Add = Callable[..., int]
Edits = Callable[..., None]
COMPLETE = "peerjournal: Interrupted, but the import was complete: nothing is left to do.\n"


def _ok(result: Any) -> Any:
    assert result.exit_code == 0, result.stderr
    return result


def _stop_at_commit(monkeypatch: pytest.MonkeyPatch, after: bool) -> list[str]:
    """Ctrl-C at the next COMMIT (only): raised as it returns (`after`: the signal came
    during it, everything committed), or just before it runs. ["COMMIT"] once it came."""
    real = engine.JournalConnection.execute
    ran: list[str] = []

    def execute(self: engine.JournalConnection, sql: str, parameters: Any = (), /) -> Any:
        if sql != "COMMIT" or "COMMIT" in ran:
            return real(self, sql, parameters)
        ran.append(sql)
        if not after:
            raise KeyboardInterrupt
        real(self, sql, parameters)
        raise KeyboardInterrupt

    monkeypatch.setattr(engine.JournalConnection, "execute", execute)
    return ran


def _backup_with_a_kept_edit(cli: CLI, add: Add, edits: Edits, tmp_path: Path) -> str:
    """A full backup of two entries and an unsaved edit of entry 1."""
    add("Walked with Kev to the library.")
    add("Team meeting about the ward placement.")
    edits(("## Feelings", "## Feelingz"), ("to the library.", "to the library in the rain."))
    assert "your edit is kept in" in cli("edit", "1").stderr  # (the heading cannot be saved)
    backup = str(tmp_path / "b.json")
    _ok(cli("export", "--full", "-o", backup))
    return backup


def _on_another_laptop(cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """Another data folder, with no journal yet (listing people does not make one); the
    file the import makes its journal in."""
    home = tmp_path / "laptop"
    monkeypatch.setenv("PEERJOURNAL_HOME", str(home))
    _ok(cli("people", "list"))
    return home / "journal.db"


def _experiences(cli: CLI) -> list[str]:
    return sorted(e["experience"] for e in json.loads(_ok(cli("list", "--json")).stdout))


def test_a_signal_during_the_import_commit_finishes_it_and_says_so(
    cli: CLI, add: Add, edits: Edits, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = _backup_with_a_kept_edit(cli, add, edits, tmp_path)
    _on_another_laptop(cli, tmp_path, monkeypatch)
    _stop_at_commit(monkeypatch, after=True)
    result = cli("import", backup)
    assert result.exit_code == 130
    lines = result.stderr.splitlines()
    assert lines[-1] + "\n" == COMPLETE
    assert "Imported 2 entries" in result.stderr and "1 unfinished draft" in result.stderr
    assert "nothing was imported" not in result.stderr
    assert _experiences(cli) == [
        "Team meeting about the ward placement.", "Walked with Kev to the library.",
    ]
    drafts = json.loads(_ok(cli("drafts", "--json")).stdout)
    assert len(drafts) == 1  # the backup's unsaved edit, written after all
    again = _ok(cli("import", backup)).stderr  # a re-run has nothing left to do
    assert "Skipped 2 entries and 1 draft already in the journal." in again


def test_a_signal_before_the_import_commit_still_imports_nothing(
    cli: CLI, add: Add, edits: Edits, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    backup = _backup_with_a_kept_edit(cli, add, edits, tmp_path)
    journal = _on_another_laptop(cli, tmp_path, monkeypatch)
    ran = _stop_at_commit(monkeypatch, after=False)
    result = cli("import", backup)
    assert ran == ["COMMIT"]  # (stopped at the import's commit, not earlier)
    assert result.exit_code == 130
    assert result.stderr == (
        f"peerjournal: Interrupted: nothing was imported (the new journal {journal} is empty).\n"
    )
    with sqlite3.connect(journal) as conn:
        assert conn.execute("SELECT count(*) FROM entry").fetchone() == (0,)
    assert json.loads(_ok(cli("drafts", "--json")).stdout) == []
    assert "Imported 2 entries" in _ok(cli("import", backup)).stderr  # not left locked


def test_a_signal_while_the_import_is_said_says_it_is_complete(
    cli: CLI, add: Add, edits: Edits, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    from peerjournal.cli import importer

    backup = _backup_with_a_kept_edit(cli, add, edits, tmp_path)
    _on_another_laptop(cli, tmp_path, monkeypatch)

    def interrupted(ids: list[int]) -> str:
        raise KeyboardInterrupt

    monkeypatch.setattr(importer, "_ids_text", interrupted)
    result = cli("import", backup)
    assert (result.exit_code, result.stderr) == (130, COMPLETE)
    assert len(_experiences(cli)) == 2
    assert len(json.loads(_ok(cli("drafts", "--json")).stdout)) == 1


def _stale_journal(add: Add, isolated: Path) -> list[int]:
    ids = [add(DRIFT), add(IDENTITY), add("Rain all day.")]
    make_stale(isolated, *ids)
    return ids


def test_a_signal_during_the_rescore_commit_says_what_was_rescored(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _stale_journal(add, isolated)
    _stop_at_commit(monkeypatch, after=True)
    result = cli("drift", "--rescore")
    lexicon = load_lexicon()
    assert result.exit_code == 130
    assert result.stderr == (
        "peerjournal: Interrupted once the scores were stored. Re-scored 3 entries with "
        f"lexicon {lexicon.version} ({lexicon.name}).\n"
    )
    assert stored_versions(isolated) == dict.fromkeys(ids, lexicon.version)


def test_a_signal_before_the_rescore_commit_stores_no_score(
    cli: CLI, add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    ids = _stale_journal(add, isolated)
    ran = _stop_at_commit(monkeypatch, after=False)
    result = cli("drift", "--rescore")
    assert ran == ["COMMIT"]
    assert result.exit_code == 130
    assert "Interrupted: no entry was re-scored, the journal is as it was." in result.stderr
    assert stored_versions(isolated) == dict.fromkeys(ids, "an-old-one")
    assert "Re-scored 3 entries" in _ok(cli("drift", "--rescore")).stderr


@pytest.mark.parametrize("after", [True, False])
def test_a_write_transaction_says_whether_it_committed(
    monkeypatch: pytest.MonkeyPatch, after: bool
) -> None:
    """The transaction is never left open: committed, or rolled back."""
    conn = sqlite3.connect(":memory:", isolation_level=None, factory=engine.JournalConnection)
    conn.execute("CREATE TABLE t (x)")
    _stop_at_commit(monkeypatch, after)
    commit = engine.Commit()
    with pytest.raises(KeyboardInterrupt), engine.write_transaction(conn, commit):
        conn.execute("INSERT INTO t VALUES (1)")
    assert commit.done is after
    assert not conn.in_transaction
    assert conn.execute("SELECT count(*) FROM t").fetchone() == (int(after),)
