"""Hostile surroundings: a read-only or full disk, a data folder that is a file, no home
folder, a closed or broken stdout, a terminal that is not UTF-8, SIGTERM, a damaged journal,
and the trash emptied for good."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import textwrap
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from peerjournal import help_cache
from peerjournal.db import engine
from test_database import damage_journal, one_line_error

ENTRY = "We walked to the housing office, and Zoë said the café was closed."


def run(*args: str, **options: Any) -> subprocess.CompletedProcess[bytes]:
    """The real console script (`python -m peerjournal`) in a process of its own."""
    env = {**os.environ, "PYTHONPATH": SRC, **options.pop("env", {})}
    return subprocess.run([sys.executable, "-m", "peerjournal", *args], env=env, timeout=120,
                          **options)


def texts(cli: CLI) -> list[str]:
    return [e["experience"] for e in json.loads(cli("list", "--json").stdout)]


# -- a journal that can be read but not written -----------------------------------------------


def cannot_write_beside(
    patch: pytest.MonkeyPatch, folder: Path, error: str, free: int = 10**9
) -> None:
    """What SQLite meets on a read-only file system or a full disk: opening as usual fails
    (WAL mode cannot make its side files), the folder is not writable or has no space."""

    def refuse(path: Path) -> sqlite3.Connection:
        raise sqlite3.OperationalError(error)

    real_access, real_statvfs = os.access, os.statvfs

    def access(path: Any, mode: int, **kwargs: Any) -> bool:
        if Path(path) == folder and mode == os.W_OK and error != "disk I/O error":
            return False
        return real_access(path, mode, **kwargs)

    def statvfs(path: Any) -> Any:
        found = real_statvfs(path)
        if Path(path) != folder:
            return found
        return os.statvfs_result((*found[:4], free // found.f_frsize, *found[5:]))

    patch.setattr(engine, "_connect", refuse)
    patch.setattr(engine.os, "access", access)
    patch.setattr(engine.os, "statvfs", statvfs)


def test_a_journal_on_a_read_only_disk_can_still_be_read(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, every command said "Cannot open the journal … check that the folder exists and
    is writable": a journal on a read-only disk (a backup drive, a snapshot) could not even be
    listed or exported."""
    assert cli("write", "-x", ENTRY).exit_code == 0
    with monkeypatch.context() as patch:
        cannot_write_beside(patch, isolated, "unable to open database file")
        assert texts(cli) == [ENTRY]
        assert "Zoë" in cli("search", "housing").stdout
        assert json.loads(cli("export", "--full").stdout)["entries"][0]["experience"] == ENTRY
        for command in (["write", "-x", "Written to a read-only disk."], ["delete", "1"]):
            result = cli(*command)
            one_line_error(result, 4, "cannot be changed: its folder is read-only",
                           "nothing was saved")
            assert "Zoë" not in result.stderr
    assert texts(cli) == [ENTRY]


def test_a_journal_on_a_full_disk_can_still_be_read(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, `list` on a full disk said "Database error in …: disk I/O error."."""
    assert cli("write", "-x", ENTRY).exit_code == 0
    with monkeypatch.context() as patch:
        cannot_write_beside(patch, isolated, "disk I/O error", free=0)
        assert texts(cli) == [ENTRY]
        result = cli("write", "-x", "Written to a full disk.")
        one_line_error(result, 4, "The disk holding", "is full; nothing was saved",
                       "kept as draft")
    assert texts(cli) == [ENTRY]
    assert cli("write", "--resume", input="y\n").exit_code == 0  # (no answer is no)
    assert sorted(texts(cli)) == sorted([ENTRY, "Written to a full disk."])


def test_an_old_journal_on_a_read_only_disk_says_it_needs_upgrading(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    assert cli("write", "-x", ENTRY).exit_code == 0
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE alembic_version SET version_num = '0003'")
    with monkeypatch.context() as patch:
        cannot_write_beside(patch, isolated, "unable to open database file")
        one_line_error(cli("list"), 4, "needs upgrading", "its folder is read-only")
    assert not list(isolated.glob("journal.db.backup-*"))


def test_a_folder_on_a_file_system_without_blocks_is_not_called_full(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before, a journal under /proc said "The disk holding … is full": its file system
    reports no blocks at all, so none free."""
    real_statvfs = os.statvfs

    def pseudo(path: Any) -> Any:
        found = real_statvfs(path)
        return os.statvfs_result((*found[:2], 0, 0, 0, *found[5:]))

    monkeypatch.setattr(engine.os, "statvfs", pseudo)
    error = sqlite3.OperationalError("unable to open database file")
    message = engine.describe_error(tmp_path / "j.db", error)
    assert "full" not in message and message.startswith("Cannot open the journal at")


def test_an_io_error_that_is_not_about_space_is_reported_as_it_is(tmp_path: Path) -> None:
    message = engine.describe_error(tmp_path / "j.db", sqlite3.OperationalError("disk I/O error"))
    assert message == (f"Database error in {tmp_path / 'j.db'}: disk I/O error (a file-size "
                       "limit such as `ulimit -f`, a drive removed or failing?).")


# -- where the journal lives ------------------------------------------------------------------


def test_a_data_folder_that_is_a_file(cli: CLI, tmp_path: Path,
                                      monkeypatch: pytest.MonkeyPatch) -> None:
    """Before: "Cannot create the folder …: File exists."."""
    notes = tmp_path / "notes"
    notes.write_text("not a folder", encoding="utf-8")
    monkeypatch.setenv("PEERJOURNAL_HOME", str(notes))
    one_line_error(cli("list"), 4, f"{notes} is a file, not a folder", "peerjournal where")
    one_line_error(cli("--db", str(notes / "sub" / "j.db"), "write", "-x", "x"), 4,
                   f"{notes} is a file, not a folder")
    assert notes.read_text(encoding="utf-8") == "not a folder"


@pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="POSIX named pipes")
def test_a_db_path_that_is_not_a_regular_file_is_left_alone(cli: CLI, tmp_path: Path) -> None:
    """Before, `--db /dev/null list` (as root) failed with "disk I/O error" and then removed
    /dev/null itself, taking it for a journal it had just failed to create."""
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    for command in (["list"], ["write", "-x", "Written to a pipe."]):
        one_line_error(cli("--db", str(fifo), *command), 4, f"{fifo} is not a regular file")
        assert fifo.exists() and not fifo.is_file()


def test_an_empty_file_that_fails_to_become_a_journal_is_not_removed(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    empty = tmp_path / "journal.db"
    empty.touch()

    def interrupted(path: Path) -> None:
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "_create", interrupted)
    # (a command that writes: one that only reads leaves an empty file as it is, round 34)
    assert cli("--db", str(empty), "write", "-x", "A note.").exit_code == 130
    assert empty.exists()


def test_a_path_with_a_line_break_stays_one_line(cli: CLI, tmp_path: Path) -> None:
    """A path pasted with its newline (`--db "$(cat path.txt)"`): before, the error was two
    lines."""
    result = cli("--db", f"{tmp_path}/journal.db\nx", "list")
    one_line_error(result, 3, f"There is no journal at {tmp_path}/journal.db x:")


def test_no_home_folder_is_a_clear_error(cli: CLI, monkeypatch: pytest.MonkeyPatch) -> None:
    """A container user with no HOME and no entry in /etc/passwd: before, platformdirs'
    RuntimeError was an "Unexpected error" (exit 70), and `--help` from the launcher a
    traceback."""
    import pwd

    def unknown(uid: int) -> Any:
        raise KeyError(uid)

    for name in ("PEERJOURNAL_HOME", "HOME", "XDG_DATA_HOME"):
        monkeypatch.delenv(name, raising=False)
    monkeypatch.setattr(pwd, "getpwuid", unknown)
    one_line_error(cli("list"), 1, "HOME is not set", "PEERJOURNAL_HOME")
    assert help_cache.load() is None
    help_cache.save("help text\n", "typer/__init__.py")  # no folder to keep it in: no error


def test_a_relative_data_folder_is_refused_naming_it_in_full(
    cli: CLI, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was shown in full and used; since round 30 refused, as it named another folder in each
    folder peerjournal was run from (tests/test_data_safety_r31.py has the message whole)."""
    monkeypatch.chdir(tmp_path)
    monkeypatch.setenv("PEERJOURNAL_HOME", "journal-here")
    result = cli("where", "--json")
    assert result.exit_code == 2 and result.stdout == ""
    assert f"(such as {tmp_path / 'journal-here'})" in result.stderr


# -- damaged journals -------------------------------------------------------------------------


def test_a_journal_without_its_schema_version(cli: CLI, isolated: Path) -> None:
    """Before: a backup was made, then "Database error …: table entry already exists."."""
    assert cli("write", "-x", ENTRY).exit_code == 0
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("DELETE FROM alembic_version")
    one_line_error(cli("list"), 4, "lost its schema version", "export --full")
    assert not list(isolated.glob("journal.db.backup-*"))


def test_a_damaged_journal_names_a_backup_only_when_there_is_one(cli: CLI,
                                                                 isolated: Path) -> None:
    """Before, the message pointed at backups (journal.db.backup-*) that did not exist."""
    damage_journal(cli, isolated)
    one_line_error(cli("list"), 4, "is damaged", "a copy of your own")
    backup = isolated / "journal.db.backup-20261101T100000"
    backup.write_bytes(b"")
    one_line_error(cli("list"), 4, "is damaged", f"The newest backup made before an upgrade is "
                   f"{backup}.")


# -- the trash, emptied for good --------------------------------------------------------------


def test_an_emptied_trash_leaves_no_text_in_the_journal_file(cli: CLI, isolated: Path) -> None:
    """Before, `trash --empty` ("Destroy … for good?") left the text in the file's free pages
    and in the search index, readable with `strings journal.db`."""
    assert cli("write", "-x", ENTRY).exit_code == 0
    for n in range(3):
        secret = f"Zanzibarquux told me about the overdose, time {n}, with the crisis team."
        assert cli("write", "-x", secret, "-t", "zanzitag", "-s", "zanzisetting").exit_code == 0
    for entry_id in ("2", "3", "4"):
        assert cli("delete", entry_id).exit_code == 0
    result = cli("trash", "--empty", "--yes")
    assert result.exit_code == 0 and "Destroyed 3 entries." in result.stderr
    for file in isolated.glob("journal.db*"):
        assert b"zanzi" not in file.read_bytes().lower(), file.name
    assert texts(cli) == [ENTRY]
    assert "Zoë" in cli("search", "housing").stdout
    assert "Nothing found" in cli("search", "zanzibarquux").stderr


# -- stdout, stderr and the terminal ----------------------------------------------------------


def test_a_reader_that_stops_early_gets_no_error(add: Any) -> None:
    """`peerjournal list | head -1`: before, "peerjournal: Broken pipe" (or a traceback from
    --version); now the command stops quietly."""
    for n in range(3):
        add(f"{ENTRY} {n}")
    for args in (["list"], ["list", "--json"], ["where"], ["--version"], ["--help"]):
        env = {**os.environ, "PYTHONPATH": SRC}
        read_end, write_end = os.pipe()
        os.close(read_end)  # the reader is gone before anything is printed
        process = subprocess.Popen([sys.executable, "-m", "peerjournal", *args], env=env,
                                   stdout=write_end, stderr=subprocess.PIPE)
        os.close(write_end)
        _, err = process.communicate(timeout=120)
        # (round 44: it ends as `cat` does, of SIGPIPE, which a shell shows as 141)
        assert (process.returncode, err) == (-signal.SIGPIPE, b""), args


def test_a_closed_stdout_is_one_line_not_a_crash(add: Any) -> None:
    """Before: `list --json >&-` was "Unexpected error (AttributeError)", exit 70, and
    `--version >&-` a traceback."""
    add()
    for args in (["list", "--json"], ["list"], ["--version"], ["export", "--full"]):
        done = run(*args, capture_output=False, stderr=subprocess.PIPE,
                   preexec_fn=lambda: os.close(1))
        assert done.returncode == 1, args
        assert done.stderr.decode().endswith(
            "peerjournal: standard output is closed: the output could not be printed\n"), args
        assert b"Traceback" not in done.stderr


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_full_disk_for_the_output(add: Any) -> None:
    add()
    with open("/dev/full", "wb") as full:
        done = run("--version", stdout=full, stderr=subprocess.PIPE)
    assert (done.returncode, done.stderr) == (
        1, b"peerjournal: Could not write to standard output: No space left on device.\n")


def test_a_closed_stderr_keeps_the_exit_code(add: Any) -> None:
    add()
    done = run("show", "99", stdout=subprocess.PIPE, preexec_fn=lambda: os.close(2))
    assert done.returncode == 3


def test_a_terminal_that_is_not_utf8(add: Any) -> None:
    """A Latin-1 or ASCII terminal (or Windows writing to a file): before, `list` and `show`
    of an entry with "é" or an emoji were "Unexpected error (UnicodeEncodeError)"."""
    entry_id = add(ENTRY + " 😀", "--setting", "café")
    ascii_env = {"PYTHONIOENCODING": "ascii"}
    shown = run("show", str(entry_id), capture_output=True, env=ascii_env)
    assert shown.returncode == 0, shown.stderr
    assert "Zo\\xeb said the caf\\xe9 was closed" in shown.stdout.decode("ascii")
    listed = run("list", "--json", capture_output=True, env=ascii_env)
    assert listed.returncode == 0 and listed.stdout.isascii()
    assert json.loads(listed.stdout)[0]["experience"] == ENTRY + " 😀"  # exact, as \u escapes
    latin1 = run("list", capture_output=True, env={"PYTHONIOENCODING": "latin-1"})
    assert latin1.returncode == 0 and "café".encode("latin-1") in latin1.stdout


# -- signals ----------------------------------------------------------------------------------


KILLING_EDITOR = textwrap.dedent(
    """\
    import os, signal, sys
    from pathlib import Path
    Path(sys.argv[1]).write_text("## Experience\\nThe editor text about the ward round.\\n")
    os.kill(os.getppid(), signal.SIGTERM)  # as a shutdown or `kill` would
    """
)


def test_sigterm_while_writing_keeps_the_text_as_a_draft(isolated: Path, tmp_path: Path) -> None:
    """Before, SIGTERM (or SIGHUP: a closed terminal) ended the process at once: exit 143,
    no message, and text given with -x lost if it came while the entry was being saved."""
    editor = tmp_path / "editor.py"
    editor.write_text(KILLING_EDITOR, encoding="utf-8")
    done = run("write", "--editor", capture_output=True, text=True,
               env={"EDITOR": f"{sys.executable} {editor}"})
    assert done.returncode == 130, done.stderr
    [draft] = (isolated / "drafts").iterdir()
    assert done.stderr == (
        "peerjournal: Interrupted. Your words are kept as draft 1: `peerjournal write --resume "
        "--draft 1`.\n"
    )
    assert draft.read_text(encoding="utf-8").endswith("The editor text about the ward round.\n")


SIGNALS = textwrap.dedent(
    """
    import os, signal
    from peerjournal import launcher
    signal.signal(signal.SIGHUP, signal.SIG_IGN)  # started under nohup
    launcher._stop_on_termination()
    assert signal.getsignal(signal.SIGHUP) == signal.SIG_IGN
    if os.fork() == 0:  # a forked worker (drift scoring) still dies of SIGTERM
        os.kill(os.getpid(), signal.SIGTERM)
        os._exit(0)
    _, status = os.wait()
    assert os.WIFSIGNALED(status) and os.WTERMSIG(status) == signal.SIGTERM
    try:
        os.kill(os.getpid(), signal.SIGTERM)
    except KeyboardInterrupt:
        print("interrupted")
    assert signal.getsignal(signal.SIGTERM) == signal.SIG_IGN  # a second one (`timeout`) is ignored
    """
)


@pytest.mark.skipif(not hasattr(os, "fork"), reason="POSIX signals")
def test_signals_are_interrupts_only_in_the_main_process() -> None:
    done = subprocess.run([sys.executable, "-c", SIGNALS], env={**os.environ, "PYTHONPATH": SRC},
                          capture_output=True, text=True, timeout=60)
    assert (done.returncode, done.stdout, done.stderr) == (0, "interrupted\n", "")



# -- rows changed outside peerjournal ---------------------------------------------------------


@pytest.mark.parametrize(
    ("column", "value", "field"),
    [("date", "20/11", "date"), ("created_at", "yesterday", "creation time"),
     ("answers", "{not json", "answers"), ("answers", "[1, 2]", "answers")],
)
def test_a_damaged_row_is_named_not_an_unexpected_error(
    cli: CLI, add: Any, isolated: Path, column: str, value: str, field: str
) -> None:
    """A value edited with a database tool: before, "Unexpected error (ValueError)", exit 70,
    for `list`, `show`, `search` and `export --full` alike."""
    entry_id = add(ENTRY)
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute(f"UPDATE entry SET {column} = ? WHERE id = ?", (value, entry_id))
    for command in (["list"], ["show", str(entry_id)], ["search", "housing"]):
        result = cli(*command)
        one_line_error(result, 4, f"Entry {entry_id} in the journal is damaged: its {field} "
                       "cannot be read.")
        assert "Zoë" not in result.stderr
    # a backup saves what can still be read, and names the rest (tests/test_salvage_r23.py)
    result = cli("export", "--full")
    assert result.exit_code == 4
    assert f"1 entry could not be ({entry_id})" in " ".join(result.stderr.split())
    assert json.loads(result.stdout)["entries"] == [] and "Zoë" not in result.stderr


def test_a_damaged_stored_score_does_not_stop_an_export(cli: CLI, add: Any,
                                                        isolated: Path) -> None:
    """Before: "Unexpected error (JSONDecodeError)" for `export`; the score now reads as
    unscored, as it already did for `supervision prep`."""
    first, second = add(ENTRY), add("I shared my own story with him and we laughed.")
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("UPDATE entry SET drift_summary = 'garbage{' WHERE id = ?", (first,))
    result = cli("export", "--format", "md", "--yes")
    assert result.exit_code == 0, result.stderr
    # the damaged score is left out of the numbers, as the report leaves it out
    assert "2 written, 0 shared with you (1 without a drift score" in result.stdout
    assert cli("show", str(second)).exit_code == 0
