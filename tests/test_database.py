"""Where the journal lives, journals that cannot be opened, two writers, migrations."""

from __future__ import annotations

import json
import os
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC, alembic_config
from peerjournal.db import engine


def one_line_error(result: object, code: int, *fragments: str) -> None:
    assert result.exit_code == code, result.stderr  # type: ignore[attr-defined]
    stderr: str = result.stderr  # type: ignore[attr-defined]
    assert stderr.startswith("peerjournal: ") and stderr.count("\n") == 1, stderr
    assert "Traceback" not in stderr
    for fragment in fragments:
        assert fragment in stderr, (fragment, stderr)


# -- where ---------------------------------------------------------------------------------------


def test_where_prints_the_paths(cli: CLI, isolated: Path) -> None:
    result = cli("where")
    assert result.exit_code == 0
    assert f"database  {isolated / 'journal.db'}" in result.stdout
    for label in ("data dir", "drafts", "prompts", "config"):
        assert label in result.stdout
    paths = json.loads(cli("where", "--json").stdout)
    assert paths["database"] == str(isolated / "journal.db")
    assert paths["drafts"] == str(isolated / "drafts")
    assert not (isolated / "journal.db").exists()  # where does not create the journal


def test_db_option_and_environment_choose_the_file(cli: CLI, tmp_path: Path,
                                                   monkeypatch: pytest.MonkeyPatch) -> None:
    chosen = tmp_path / "deep" / "missing" / "folders" / "mine.db"
    assert cli("--db", str(chosen), "write", "-x", "In a file of my choosing.").exit_code == 0
    assert chosen.exists()
    assert json.loads(cli("--db", str(chosen), "where", "--json").stdout)["database"] == str(chosen)
    assert json.loads(cli("list", "--json").stdout) == []  # the default journal is untouched
    monkeypatch.setenv("PEERJOURNAL_DB", str(chosen))
    assert [e["experience"] for e in json.loads(cli("list", "--json").stdout)] == [
        "In a file of my choosing."]
    assert json.loads(cli("where", "--json").stdout)["database"] == str(chosen)


def test_missing_data_folder_is_created(cli: CLI, isolated: Path) -> None:
    assert not isolated.exists()
    assert cli("write", "-x", "First entry.").exit_code == 0
    assert (isolated / "journal.db").is_file()


# -- journals that cannot be opened -------------------------------------------------------------


def test_a_file_that_is_not_sqlite(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "notes.db"
    path.write_text("These are my private notes, not a database.\n" * 50, encoding="utf-8")
    one_line_error(cli("--db", str(path), "list"), 4, "not a peerjournal journal")
    assert path.read_text(encoding="utf-8").startswith("These are my private notes")


def test_a_sqlite_file_that_is_not_ours(cli: CLI, tmp_path: Path) -> None:
    path = tmp_path / "other.db"
    with sqlite3.connect(path) as conn:
        conn.execute("CREATE TABLE recipes (name TEXT)")
    one_line_error(cli("--db", str(path), "write", "-x", "x"), 4, "not a peerjournal journal")
    with sqlite3.connect(path) as conn:
        tables = {r[0] for r in conn.execute("SELECT name FROM sqlite_master")}
    assert tables == {"recipes"}
    assert not list(tmp_path.glob("other.db.backup-*"))


def damage_journal(cli: CLI, home: Path) -> Path:
    """Write 20 entries, then overwrite every 7th byte after the first two pages; the path."""
    for n in range(20):
        assert cli("write", "-x", f"Entry {n} " + "words " * 500).exit_code == 0
    path = home / "journal.db"
    with sqlite3.connect(path) as conn:
        conn.execute("PRAGMA wal_checkpoint(TRUNCATE)")
    data = bytearray(path.read_bytes())
    for offset in range(8192, len(data), 7):
        data[offset] = 0x5A
    path.write_bytes(bytes(data))
    return path


def test_a_damaged_journal(cli: CLI, isolated: Path) -> None:
    path = damage_journal(cli, isolated)
    for command in (["list"], ["show", "3"], ["search", "words"]):
        one_line_error(cli(*command), 4, str(path))
    result = cli("write", "-x", "Written to a damaged journal.")
    one_line_error(result, 4, "kept as draft")


def test_a_journal_from_a_newer_peerjournal(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", "x").exit_code == 0
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0099'")
    one_line_error(cli("list"), 4, "newer peerjournal")


def test_a_folder_given_as_the_journal(cli: CLI, tmp_path: Path) -> None:
    one_line_error(cli("--db", str(tmp_path), "list"), 4, "is a folder")


def test_a_read_only_journal(cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    assert cli("write", "-x", "Written before.").exit_code == 0
    path = isolated / "journal.db"
    path.chmod(0o444)
    with monkeypatch.context() as patch:
        if os.geteuid() == 0:  # root writes through file modes: open the file read-only instead
            connect = sqlite3.connect

            def read_only(target: object, *args: object, **kwargs: object) -> sqlite3.Connection:
                return connect(f"file:{target}?mode=ro", *args, uri=True, **kwargs)  # type: ignore

            patch.setattr(engine.sqlite3, "connect", read_only)
        one_line_error(cli("write", "-x", "Written after."), 4, "read-only", "kept as draft")
    path.chmod(0o644)
    assert [e["experience"] for e in json.loads(cli("list", "--json").stdout)] == [
        "Written before."]


def test_a_locked_journal_is_a_clear_error_and_the_text_is_kept(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", "Earlier entry.").exit_code == 0
    monkeypatch.setenv(engine.BUSY_TIMEOUT_ENV, "100")
    holder = sqlite3.connect(isolated / "journal.db", isolation_level=None)
    holder.execute("BEGIN IMMEDIATE")
    try:
        result = cli("write", "-x", "Written while locked.")
        one_line_error(result, 4, "locked by another program", "kept as draft", "--resume")
        assert len(json.loads(cli("list", "--json").stdout)) == 1  # reading still works
    finally:
        holder.execute("ROLLBACK")
        holder.close()
    resumed = cli("write", "--resume", input="y\n")  # (no answer is no)
    assert resumed.exit_code == 0, resumed.stderr
    texts = [e["experience"] for e in json.loads(cli("list", "--json").stdout)]
    assert sorted(texts) == ["Earlier entry.", "Written while locked."]


def test_a_bad_busy_timeout_setting(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(engine.BUSY_TIMEOUT_ENV, "soon")
    one_line_error(cli("list"), 2, engine.BUSY_TIMEOUT_ENV)  # (r34: a usage error, was 4)


WRITER = textwrap.dedent(
    """
    import sys, time
    from pathlib import Path
    from typer.testing import CliRunner
    from peerjournal.cli import app

    name, go = sys.argv[1], Path(sys.argv[2])
    while not go.exists():
        time.sleep(0.005)
    runner = CliRunner()
    for n in range(30):
        result = runner.invoke(app, ["write", "-x", f"{name} wrote entry {n}."])
        if result.exit_code != 0:
            sys.exit(f"{name} {n}: {result.stderr}")
    """
)


def test_two_processes_writing_at_the_same_moment_both_succeed(cli: CLI, isolated: Path,
                                                               tmp_path: Path) -> None:
    assert cli("write", "-x", "The journal exists.").exit_code == 0
    go = tmp_path / "go"
    env = {**os.environ, "PYTHONPATH": SRC}
    writers = [subprocess.Popen([sys.executable, "-c", WRITER, name, str(go)], env=env,
                                stderr=subprocess.PIPE, text=True) for name in ("left", "right")]
    # and two real command-line processes at the same moment
    commands = [subprocess.Popen([sys.executable, "-m", "peerjournal", "write", "-x",
                                  f"From the command line {n}."], env=env,
                                 stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
                for n in range(2)]
    go.touch()
    for process in [*writers, *commands]:
        _, err = process.communicate(timeout=120)
        assert process.returncode == 0, err
    texts = [e["experience"] for e in json.loads(cli("list", "--json", "--limit", "0").stdout)]
    assert len(texts) == 63 and len(set(texts)) == 63
    assert sum("left wrote" in t for t in texts) == sum("right wrote" in t for t in texts) == 30


# -- migrations ------------------------------------------------------------------------------------


def test_a_migrated_blank_database_matches_the_models(tmp_path: Path) -> None:
    """Alembic's own check: autogenerate against the models (env.py's include_object skips FTS)."""
    from alembic import command

    path = tmp_path / "blank.db"
    engine.open_journal(path).close()
    command.check(alembic_config(path))  # raises AutogenerateDiffsDetected on any difference


def test_compare_metadata_finds_no_differences(tmp_path: Path) -> None:
    """compare_metadata run inside env.py's own configuration (its include_object skips FTS)."""
    from alembic.autogenerate import compare_metadata
    from alembic.runtime.environment import EnvironmentContext
    from alembic.script import ScriptDirectory

    path = tmp_path / "blank.db"
    engine.open_journal(path).close()
    config = alembic_config(path)
    scripts = ScriptDirectory.from_config(config)
    diffs: list[object] = []
    skipped: list[str] = []

    def compare(revision: object, context: Any) -> list[object]:
        diffs.extend(compare_metadata(context, context.opts["target_metadata"]))
        include = context.opts["include_object"]
        skipped.extend(n for n in ("entry_fts", "entry_fts_data", "entry")
                       if not include(None, n, "table", True, None))
        return []

    with EnvironmentContext(config, scripts, fn=compare):
        scripts.run_env()
    assert diffs == []
    assert skipped == ["entry_fts", "entry_fts_data"]


def test_head_revision_is_alembics_head(tmp_path: Path) -> None:
    from alembic.script import ScriptDirectory

    scripts = ScriptDirectory.from_config(alembic_config(tmp_path / "x.db"))
    assert scripts.get_current_head() == engine.HEAD_REVISION
    assert set(engine.KNOWN_REVISIONS) == {s.revision for s in scripts.walk_revisions()}


def test_a_journal_behind_the_head_is_backed_up_then_upgraded(cli: CLI, isolated: Path) -> None:
    """A journal written at revision 0001 (before drift summaries) opens with today's code."""
    from alembic import command

    from peerjournal.db.store import Drift, _drift_values
    from peerjournal.drift import score_text

    path = isolated / "journal.db"
    path.parent.mkdir(parents=True)
    command.upgrade(alembic_config(path), "0001")
    score = score_text("I told him he should take his meds. The team called him non-compliant.")
    with sqlite3.connect(path) as conn:
        conn.execute(
            "INSERT INTO entry (created_at, updated_at, date, experience, drift_verdict, "
            "drift_json, lexicon_version) VALUES (?, ?, ?, ?, ?, ?, ?)",
            ("2026-11-01T10:00:00+00:00", "2026-11-01T10:00:00+00:00", "2026-11-01",
             "Kept through the upgrade.", score.verdict, json.dumps(score.to_dict()),
             score.lexicon_version),
        )
    result = cli("report", "--json", "--since", "2026-10-01")
    assert result.exit_code == 0, result.stderr
    assert json.loads(result.stdout)["periods"][-4]["entries"] == 1
    # a score from before scorer versions were stored is stale: `drift --rescore` redoes it
    assert "1 entry was scored with another version" in cli("report").stderr
    [backup] = list(isolated.glob("journal.db.backup-*"))
    with sqlite3.connect(backup) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [("0001",)]
        assert conn.execute("SELECT experience FROM entry").fetchall() == [
            ("Kept through the upgrade.",)]
    with sqlite3.connect(path) as conn:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (engine.HEAD_REVISION,)]
        [(summary, scorer)] = conn.execute(
            "SELECT drift_summary, scorer_version FROM entry").fetchall()
    assert scorer is None
    expected = _drift_values(Drift(score.verdict, score.to_dict(), score.lexicon_version, "s"))[2]
    assert json.loads(summary) == json.loads(expected or "null")


def test_backup_copies_committed_wal_content(isolated: Path) -> None:
    path = isolated / "journal.db"
    conn = engine.open_journal(path)
    with engine.write_transaction(conn):
        conn.execute("INSERT INTO person (name, created_at) VALUES ('Sam', '2026-11-20')")
    target = engine.backup(path)  # while the WAL still holds the insert
    conn.close()
    assert target.name.startswith("journal.db.backup-")
    with sqlite3.connect(target) as copy:
        assert copy.execute("SELECT name FROM person").fetchall() == [("Sam",)]


def test_a_new_journal_is_not_backed_up(cli: CLI, isolated: Path) -> None:
    assert cli("write", "-x", "x").exit_code == 0
    assert not list(isolated.glob("journal.db.backup-*"))
    with sqlite3.connect(isolated / "journal.db") as conn:
        assert conn.execute("PRAGMA journal_mode").fetchone() == ("wal",)


def test_a_mistyped_db_path_is_not_a_new_empty_journal(cli, tmp_path) -> None:
    """Before, `--db /typo/j.db list` made the folder and an empty journal and said "No entries
    yet": a writer could think their journal was gone."""
    missing = tmp_path / "typo" / "j.db"
    result = cli("--db", str(missing), "list")
    assert result.exit_code == 3 and f"There is no journal at {missing}" in result.stderr
    assert not missing.parent.exists()
    # the commands that add to a journal start one there, as before
    assert cli("--db", str(missing), "write", "-x", "We walked.").exit_code == 0
    assert cli("--db", str(missing), "list").exit_code == 0


def test_an_update_made_from_a_stale_copy_is_refused(cli: CLI, isolated: Path) -> None:
    """Two terminals: an editor open on entry 1 for a while, and `edit 1 --experience …` in
    the other. Saving the editor's copy must not silently undo the other change."""
    from datetime import UTC, datetime, timedelta

    from peerjournal.db.store import Store
    from peerjournal.errors import PeerJournalError

    assert cli("write", "-x", "Original text.").exit_code == 0
    store = Store(isolated / "journal.db")
    try:
        opened = store.get(1).updated_at  # when the editor opened
        later = datetime(2026, 11, 20, 19, 0, tzinfo=UTC)
        store.update(1, {"experience": "Changed in the other terminal."}, later, None)
        with pytest.raises(PeerJournalError, match="was changed elsewhere"):
            store.update(1, {"experience": "The editor's copy."}, later + timedelta(hours=1),
                         None, unchanged_since=opened)
        assert store.get(1).experience == "Changed in the other terminal."
        store.update(1, {"experience": "Edited again."}, later + timedelta(hours=2),
                     None, unchanged_since=store.get(1).updated_at)
        assert store.get(1).experience == "Edited again."
    finally:
        store.close()
