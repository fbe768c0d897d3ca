"""Round 33, the journal's files: side files a read of a read-only journal left read-only are
made writable again once the journal is (a write failed as "read-only" until the -shm was
deleted by hand), another user's side file is named as what blocks a write, and a journal
path that is a folder or a pipe is not blamed on --db when --db was not given."""

from __future__ import annotations

import json
import os
import shutil
import sqlite3
import stat
import subprocess
import sys
import tempfile
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import CLI
from peerjournal.db import engine
from test_database import one_line_error

Add = Callable[..., int]
ROOT = hasattr(os, "geteuid") and os.geteuid() == 0
NOBODY = 65534
SRC = Path(engine.__file__).parents[2]


def mode(path: Path) -> int:
    return stat.S_IMODE(path.stat().st_mode)


def side(journal: Path, end: str) -> Path:
    return journal.with_name(f"{journal.name}{end}")


@contextmanager
def read_while_read_only(journal: Path) -> Iterator[None]:
    """The journal made 0400 and read by another program (open inside): SQLite makes its
    -wal and -shm with the journal's mode, read-only, and a read cannot remove them."""
    journal.chmod(0o400)
    reader = sqlite3.connect(f"{journal.absolute().as_uri()}?mode=ro", uri=True)
    try:
        reader.execute("SELECT count(*) FROM entry").fetchall()
        assert {mode(side(journal, end)) for end in ("-wal", "-shm")} == {0o400}
        yield
    finally:
        reader.close()


def entries(cli: CLI) -> list[str]:
    return [e["experience"] for e in json.loads(cli("list", "--json").stdout)]


# -- 1. side files left read-only are made writable again -------------------------------------


def test_side_files_left_read_only_are_made_writable_once_the_journal_is(
    add: Add, isolated: Path
) -> None:
    add()
    journal = isolated / "journal.db"
    with read_while_read_only(journal):
        journal.chmod(0o600)  # the writer gives the journal its write permission back
        conn = engine.open_journal(journal)
        try:
            assert {end: mode(side(journal, end)) for end in ("-wal", "-shm")} == {
                "-wal": 0o600, "-shm": 0o600}
        finally:
            conn.close()


def test_the_side_files_of_a_read_only_journal_are_left_as_they_are(
    add: Add, isolated: Path
) -> None:
    add()
    journal = isolated / "journal.db"
    with read_while_read_only(journal):
        engine.open_journal(journal).close()
        assert {mode(side(journal, end)) for end in ("-wal", "-shm")} == {0o400}


@pytest.mark.skipif(not ROOT, reason="giving a file to another user needs root")
def test_another_users_side_file_is_left_as_it_is(add: Add, isolated: Path) -> None:
    add()
    journal = isolated / "journal.db"
    with read_while_read_only(journal):
        journal.chmod(0o600)
        os.chown(side(journal, "-shm"), NOBODY, NOBODY)
        engine.open_journal(journal).close()
        shm = side(journal, "-shm").stat()
        assert (shm.st_uid, stat.S_IMODE(shm.st_mode)) == (NOBODY, 0o400)


@pytest.mark.skipif(ROOT, reason="root writes through file modes")
def test_a_journal_made_writable_again_after_a_read_only_read_can_be_written(
    cli: CLI, add: Add, isolated: Path
) -> None:
    add("Before.")
    journal = isolated / "journal.db"
    journal.chmod(0o400)
    assert cli("list").exit_code == 0  # leaves -wal and -shm, read-only
    journal.chmod(0o600)
    result = cli("write", "-x", "After.")
    assert result.exit_code == 0, result.stderr
    assert entries(cli) == ["After.", "Before."]


@pytest.mark.skipif(not ROOT or shutil.which("setpriv") is None,
                    reason="runs peerjournal as another user: needs root and setpriv")
def test_as_another_user_a_journal_made_writable_again_can_be_written() -> None:
    """The finding as QA met it, with the permissions enforced: peerjournal run as nobody."""
    with tempfile.TemporaryDirectory() as folder:
        home = Path(folder)
        os.chmod(home, 0o700)

        def pj(*args: str) -> subprocess.CompletedProcess[str]:
            env = {"PATH": os.environ.get("PATH", ""), "HOME": folder, "PYTHONPATH": str(SRC),
                   "PEERJOURNAL_HOME": folder, "PYTHONDONTWRITEBYTECODE": "1"}
            return subprocess.run(
                ["setpriv", f"--reuid={NOBODY}", f"--regid={NOBODY}", "--clear-groups",
                 sys.executable, "-m", "peerjournal", *args],
                env=env, cwd="/", capture_output=True, text=True, stdin=subprocess.DEVNULL,
                timeout=60, check=False)

        os.chown(home, NOBODY, NOBODY)
        written = pj("write", "-x", "Before.")
        if written.returncode:  # (the source or the Python not readable by nobody here)
            pytest.skip(f"cannot run peerjournal as nobody: {written.stderr[-200:]}")
        journal = home / "journal.db"
        journal.chmod(0o400)
        assert pj("list").returncode == 0
        assert mode(side(journal, "-shm")) == 0o400
        journal.chmod(0o600)
        result = pj("write", "-x", "After.")
        assert result.returncode == 0 and "read-only" not in result.stderr, result.stderr
        assert [e["experience"] for e in json.loads(pj("list", "--json").stdout)] == [
            "After.", "Before."]


# -- 2. a side file that cannot be written is named -------------------------------------------


READ_ONLY_WRITE = sqlite3.OperationalError("attempt to write a readonly database")


@pytest.mark.parametrize(("end", "advice"), [
    ("-shm", "SQLite makes that file anew, so delete it while no program has the journal open"),
    ("-wal", "it may hold the latest changes, so do not delete it; have its owner give it to you"),
])
def test_another_users_read_only_side_file_is_named(
    add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch, end: str, advice: str
) -> None:
    add()
    journal = isolated / "journal.db"
    side(journal, end).write_bytes(b"")  # (another user's, say: this user may not write it)
    access = os.access
    monkeypatch.setattr(engine.os, "access", lambda target, how: (
        not str(target).endswith(end) and access(target, how)))
    assert engine.describe_error(journal, READ_ONLY_WRITE) == (
        f"The journal at {journal} cannot be changed: journal.db{end} beside it is read-only "
        f"for you (another user's?): {advice}; nothing was saved.")


def test_a_read_only_journal_is_named_before_its_side_files(
    add: Add, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    add()
    journal = isolated / "journal.db"
    side(journal, "-shm").write_bytes(b"")
    monkeypatch.setattr(engine.os, "access", lambda target, how: Path(target) == isolated)
    assert engine.describe_error(journal, READ_ONLY_WRITE) == (
        f"The journal at {journal} is read-only; check the file's permissions.")


# -- 3. a journal path that is not a file is not blamed on --db -------------------------------


def test_a_folder_at_the_journals_path_in_peerjournal_home(cli: CLI, isolated: Path) -> None:
    journal = isolated / "journal.db"
    journal.mkdir(parents=True)
    result = cli("list")
    one_line_error(result, 4, f"The journal path {journal} is a folder, not a file "
                   "(`peerjournal where` shows the paths in use).")
    assert "--db" not in result.stderr


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes are Unix's")
def test_a_pipe_at_the_journals_path_in_peerjournal_home(cli: CLI, isolated: Path) -> None:
    journal = isolated / "journal.db"
    isolated.mkdir()
    os.mkfifo(journal)
    result = cli("list")
    one_line_error(result, 4, f"The journal path {journal} is not a regular file")
    assert "--db" not in result.stderr
