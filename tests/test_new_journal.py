"""A new journal is made at the head at once, from db/schema.sql, exactly as the revisions
would make it, without loading Alembic (~1.2 s of a new writer's first command)."""

from __future__ import annotations

import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from peerjournal.db import engine, newjournal


def made_by_revisions(path: Path) -> Path:
    engine._upgrade(path)  # (conftest's template shortcut replaces _create only)
    return path


REAL_CREATE = engine._create  # before conftest's autouse fixture patches it for each test


def everything(path: Path) -> dict[str, Any]:
    """The schema, every table's rows (FTS5's own tables too) and the header pragmas."""
    conn = sqlite3.connect(path)
    try:
        schema = sorted(conn.execute("SELECT type, name, tbl_name, sql FROM sqlite_master"))
        rows = {
            name: sorted(conn.execute(f'SELECT * FROM "{name}"').fetchall())
            for name, in conn.execute("SELECT name FROM sqlite_master WHERE type = 'table'")
        }
        pragmas = {p: conn.execute(f"PRAGMA {p}").fetchone() for p in (
            "user_version", "application_id", "auto_vacuum", "page_size", "encoding")}
        return {"schema": schema, "rows": rows, "pragmas": pragmas}
    finally:
        conn.close()


def test_a_journal_made_at_once_is_the_one_the_revisions_make(tmp_path: Path) -> None:
    by_revisions = everything(made_by_revisions(tmp_path / "revisions.db"))
    path = tmp_path / "at-once.db"
    path.touch()
    REAL_CREATE(path)
    assert everything(path) == by_revisions
    assert by_revisions["rows"]["alembic_version"] == [(engine.HEAD_REVISION,)]


def test_schema_sql_is_what_the_revisions_make_now(tmp_path: Path) -> None:
    """After a new revision: `python -m peerjournal.db.newjournal` writes it again."""
    conn = sqlite3.connect(made_by_revisions(tmp_path / "journal.db"))
    try:
        assert newjournal.SCHEMA.read_text(encoding="utf-8") == newjournal.dump(conn), (
            "db/schema.sql is out of date: run `python -m peerjournal.db.newjournal`"
        )
    finally:
        conn.close()


def test_a_trigger_body_is_one_statement() -> None:
    text = "-- a comment\nCREATE TABLE t (x);\nCREATE TRIGGER g AFTER INSERT ON t BEGIN\n" \
        "  SELECT 1; SELECT 2;\nEND;\n"
    assert newjournal.statements(text) == [
        "CREATE TABLE t (x);",
        "CREATE TRIGGER g AFTER INSERT ON t BEGIN\n  SELECT 1; SELECT 2;\nEND;",
    ]


def test_the_first_command_of_a_new_writer_does_not_load_alembic(tmp_path: Path) -> None:
    code = (
        "import sys; from pathlib import Path; from peerjournal.db import engine; "
        f"engine.open_journal(Path({str(tmp_path / 'journal.db')!r})).close(); "
        "print('alembic' in sys.modules, 'sqlalchemy' in sys.modules)"
    )
    result = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True,
        env={"PYTHONPATH": str(SRC), "PATH": "/usr/bin:/bin"},
    )
    assert result.stdout.split() == ["False", "False"]
    assert everything(tmp_path / "journal.db") == everything(
        made_by_revisions(tmp_path / "revisions.db")
    )


def test_a_write_into_a_new_data_dir_makes_a_current_journal(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "_create", REAL_CREATE)
    assert cli("write", "--experience", "We walked to the library together.").exit_code == 0
    conn = sqlite3.connect(isolated / "journal.db")
    try:
        assert conn.execute("SELECT version_num FROM alembic_version").fetchall() == [
            (engine.HEAD_REVISION,)
        ]
        assert conn.execute("SELECT experience FROM entry").fetchall() == [
            ("We walked to the library together.",)
        ]
    finally:
        conn.close()
    assert "library" in cli("search", "library").stdout  # the index and its triggers work


def test_ctrl_c_while_making_it_leaves_no_half_journal(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(engine, "_create", REAL_CREATE)
    made = newjournal.statements()

    def some_then_interrupted(text: str | None = None) -> list[str]:
        class Stop(list[str]):
            def __iter__(self):  # type: ignore[no-untyped-def]
                yield from made[:5]
                raise KeyboardInterrupt

        return Stop()

    monkeypatch.setattr(newjournal, "statements", some_then_interrupted)
    assert cli("write", "--experience", "Kept as a draft.").exit_code == 130
    assert not (isolated / "journal.db").exists()
    monkeypatch.setattr(newjournal, "statements", lambda text=None: made)
    assert cli("list").exit_code == 0  # made afresh, not taken for a foreign file


def test_a_journal_another_run_made_meanwhile_is_left_as_it_is(tmp_path: Path) -> None:
    path = tmp_path / "journal.db"
    path.touch()
    REAL_CREATE(path)
    before = everything(path)
    REAL_CREATE(path)  # (as a second run finds it once the first commits)
    assert everything(path) == before
