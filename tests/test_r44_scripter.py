"""Round 44 (QA qa_scripter.md): a script's view. A reader of stdout that stops early ends
every command as Unix tools end, killed by SIGPIPE (141 in a shell), silently, whatever the
size of the output or PYTHONUNBUFFERED; `where | head -1` is 0 every time. The JSON entry
shape adds `verdict` and the score's numbers under names of their own. `delete` / `restore`
repeated are done, exit 0; an unknown ID stays 3. A PEERJOURNAL_NOW that is not a time is
exit 2 for every command; `edit` with no editor set and no terminal is refused."""

from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC

Add = Any
SIGPIPE = getattr(signal, "SIGPIPE", None)
needs_sigpipe = pytest.mark.skipif(SIGPIPE is None, reason="no SIGPIPE on this platform")
LONG = " ".join(["I sat with Sam at the drop-in and we talked about his week."] * 40)
NUMBERS = ("verdict", "identity_per_100_words", "drift_per_100_words", "balance", "words")
ENTRY_KEYS = ("id", "date", "created_at", "updated_at", "setting", "mode", "prompt_set", "tags",
              "experience", "feelings", "evaluation", "self_care", "answers", "shared", "drift")


def _env(**extra: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, **extra}


def _reader_stops(args: list[str], keep: int | None, **env: str) -> tuple[int, bytes, bytes]:
    """`peerjournal ARGS` with stdout a pipe its reader closes: before the command starts
    (`keep` None), or after reading `keep` bytes. The exit status, what was read, stderr."""
    read_end, write_end = os.pipe()
    if keep is None:
        os.close(read_end)
    try:
        process = subprocess.Popen([sys.executable, "-m", "peerjournal", *args],
                                   env=_env(**env), stdin=subprocess.DEVNULL, stdout=write_end,
                                   stderr=subprocess.PIPE)
    finally:
        os.close(write_end)
    got = b""
    if keep is not None:
        with os.fdopen(read_end, "rb") as reader:
            got = reader.read(keep)
    assert process.stderr is not None
    err = process.stderr.read()
    return process.wait(timeout=120), got, err


def _large_journal(cli: CLI, tmp_path: Path, n: int = 60) -> None:
    """A journal whose `list --json` and backup are far larger than a pipe's 64 KB."""
    records = [{"date": f"2026-11-{1 + i % 19:02d}", "experience": f"{LONG} ({i})",
                "setting": "drop-in", "tags": ["group"]} for i in range(n)]
    source = tmp_path / "many.json"
    source.write_text(json.dumps(records), encoding="utf-8")
    assert cli("import", str(source)).exit_code == 0


def _summary(cli: CLI, tmp_path: Path) -> Path:
    out = tmp_path / "sum.json"
    result = cli("export", "-f", "json", "-o", str(out), "-y", "--since", "2026-11-01")
    assert result.exit_code == 0, result.stderr
    return out


# -- 1. a reader that stops early: SIGPIPE for every command, without a word -------------------


@needs_sigpipe
def test_every_command_dies_of_sigpipe_when_its_reader_is_gone_first(
    cli: CLI, add: Add, tmp_path: Path
) -> None:
    """Was exit 1 ("user error"), or 0: the reader is gone before the first byte."""
    add(LONG, "-s", "drop-in", "-t", "group")
    summary = _summary(cli, tmp_path)
    for args in (["list"], ["list", "--json"], ["show", "1"], ["search", "Sam"],
                 ["search", "Sam", "--json"], ["report"], ["report", "--json"], ["where"],
                 ["tags"], ["trash", "--json"], ["review", str(summary)],
                 ["review", str(summary), "--json"], ["drift", "1"], ["--version"], ["--help"]):
        code, _, err = _reader_stops(args, keep=None)
        assert (code, err) == (-SIGPIPE, b""), args


@needs_sigpipe
@pytest.mark.parametrize("unbuffered", ["", "1"])
@pytest.mark.parametrize("args", [["list", "--json"], ["search", "Sam", "--json"]])
def test_a_large_output_cut_short_is_never_exit_0(
    cli: CLI, tmp_path: Path, args: list[str], unbuffered: str
) -> None:
    """Was: under PYTHONUNBUFFERED=1 (containers, CI) Python's write took 64 KB of 4.5 MB,
    called that the whole, and `list --json | head -c 10` exited 0."""
    _large_journal(cli, tmp_path)
    whole = cli(*args).stdout.encode()
    assert len(whole) > 150_000  # (a pipe takes 64 KB)
    code, got, err = _reader_stops(args, keep=10, PYTHONUNBUFFERED=unbuffered)
    assert (code, len(got), err) == (-SIGPIPE, 10, b"")
    done = subprocess.run([sys.executable, "-m", "peerjournal", *args], env=_env(
        PYTHONUNBUFFERED=unbuffered), capture_output=True, timeout=120, check=False)
    assert (done.returncode, done.stdout) == (0, whole)  # read whole: all of it, exit 0


@needs_sigpipe
def test_a_backup_to_stdout_cut_short_dies_of_sigpipe_as_every_command(
    cli: CLI, tmp_path: Path
) -> None:
    _large_journal(cli, tmp_path)
    from peerjournal.cli.export import FULL_WARNING

    code, got, err = _reader_stops(["export", "--full"], keep=10)
    # no word of the pipe: only the backup's own warning, said before it is written
    assert (code, len(got), err) == (-SIGPIPE, 10, f"{FULL_WARNING}\n".encode())


@needs_sigpipe
def test_a_shell_pipeline_sees_141_and_where_head_1_is_0_every_time(
    cli: CLI, tmp_path: Path
) -> None:
    """`set -o pipefail`: a reader that stops is 141 as for `cat`; `where`'s few lines are
    one write, so `where | head -1` no longer fails one time in three."""
    _large_journal(cli, tmp_path)
    pj = f"{sys.executable} -m peerjournal"
    script = (f"set -o pipefail; {pj} list --json | head -c 10 >/dev/null; echo $?; "
              + "".join(f"{pj} where | head -1 >/dev/null; echo $?; " for _ in range(5)))
    done = subprocess.run(["bash", "-c", script], env=_env(), capture_output=True,
                          timeout=300, check=False)
    assert done.stdout.split() == [b"141"] + [b"0"] * 5 and done.stderr == b""


@needs_sigpipe
def test_a_change_made_still_exits_0_when_its_output_cannot_be_printed(
    cli: CLI, add: Add
) -> None:
    """The rule for a command that changed the journal is kept: exit 0 once it is made, so a
    script does not make it twice; stderr says it is done."""
    add(), add()
    code, _, err = _reader_stops(["delete", "1", "--json"], keep=None)
    assert code == 0 and b"Moved entry 1 to the trash, but it could not be printed" in err
    code, _, err = _reader_stops(["delete", "1", "--json"], keep=None)
    assert code == 0 and b"Entry 1 is already in the trash, but it could not be printed" in err
    code, _, err = _reader_stops(["share", "2", "--json"], keep=None)
    assert code == 0 and b"Entry 2 shared, but it could not be printed" in err
    assert [e["id"] for e in json.loads(cli("trash", "--json").stdout)] == [1]
    assert json.loads(cli("show", "2", "--json").stdout)["shared"] is True


# -- 2. the entry shape: `verdict`, and the numbers under their own names -----------------------


def test_list_json_has_the_verdict_and_numbers_drift_id_gives(cli: CLI, add: Add) -> None:
    add("I shared my story with Jo and we decided together what she wanted to do next.")
    add("The patient was non-compliant with her meds so I told her she must take them.")
    add("ok")
    listed = json.loads(cli("list", "--json").stdout)
    for entry in listed:
        assert tuple(entry) == ENTRY_KEYS + NUMBERS  # old keys first, as they were
        assert entry["verdict"] == entry["drift"]
        score = json.loads(cli("drift", str(entry["id"]), "--json").stdout)
        assert entry["verdict"] == score["verdict"]
        assert (entry["identity_per_100_words"], entry["drift_per_100_words"],
                entry["words"]) == (score["identity"], score["drift"], score["words"])
        # (round 44 QA: insufficient too, as `drift ID --json` gives it, not null)
        assert entry["balance"] == score["balance"]
    by_id = {e["id"]: e for e in listed}
    assert by_id[3]["verdict"] == "insufficient" and by_id[3]["balance"] == 0.0
    # one process selects on a number (`.drift` is the verdict, a string: jq sorts it above
    # every number, so `select(.drift > 5)` matched every entry)
    assert [e["id"] for e in listed if e["drift_per_100_words"] > 5] == [2]
    assert by_id[1]["identity_per_100_words"] > 5 and by_id[1]["drift_per_100_words"] == 0


def test_show_search_trash_delete_restore_json_add_the_same(cli: CLI, add: Add) -> None:
    add("I shared my story with Jo and we decided together what she wanted.")
    listed = json.loads(cli("list", "--json").stdout)[0]
    numbers = {key: listed[key] for key in NUMBERS}
    shown = json.loads(cli("show", "1", "--json").stdout)
    found = json.loads(cli("search", "Jo", "--json").stdout)[0]
    assert list(found)[-len(NUMBERS) - 2:-len(NUMBERS)] == ["snippet", "matches"]
    deleted = json.loads(cli("delete", "1", "--json").stdout)
    trashed = json.loads(cli("trash", "--json").stdout)[0]
    assert list(deleted)[-len(NUMBERS) - 2:] == ["deleted_at", *NUMBERS, "already"]
    restored = json.loads(cli("restore", "1", "--json").stdout)
    for shape in (shown, found, deleted, trashed, restored):
        assert {key: shape[key] for key in NUMBERS} == numbers


def test_an_entry_not_scored_has_every_number_null(cli: CLI, add: Add, isolated: Path) -> None:
    add()
    with sqlite3.connect(isolated / "journal.db") as conn:  # (as a journal before scoring)
        conn.execute("UPDATE entry SET drift_verdict = NULL, drift_json = NULL, "
                     "drift_summary = NULL")
        conn.execute("DELETE FROM entry_score")
    entry = json.loads(cli("list", "--json").stdout)[0]
    assert entry["drift"] is None and all(entry[key] is None for key in NUMBERS)


def test_an_entry_whose_score_row_is_lost_keeps_its_verdict(
    cli: CLI, add: Add, isolated: Path
) -> None:
    """Was (its QA): "drift": "identity" beside "verdict": null."""
    add("I shared my story with Jo and we decided together what she wanted to do next.")
    with sqlite3.connect(isolated / "journal.db") as conn:
        conn.execute("DELETE FROM entry_score")
    entry = json.loads(cli("list", "--json").stdout)[0]
    assert entry["verdict"] == entry["drift"] == "identity"
    assert all(entry[key] is None for key in NUMBERS if key != "verdict")


# -- 3. delete and restore repeated: done, exit 0; an unknown ID: 3 -----------------------------


def test_delete_and_restore_again_are_done_and_say_so(cli: CLI, add: Add) -> None:
    add(), add()
    assert cli("delete", "1").exit_code == 0
    again = cli("delete", "1")
    assert (again.exit_code, again.stderr) == (
        0, "Entry 1 is already in the trash (`peerjournal restore 1` brings it back).\n")
    both = cli("delete", "1", "2", "--json")
    assert both.exit_code == 0 and [e["id"] for e in json.loads(both.stdout)] == [1, 2]
    assert " ".join(both.stderr.split()) == (  # (--json: only what the entries do not say)
        "Entry 1 was already in the trash (`peerjournal restore 1` brings it back).")
    mixed = cli("delete", "1", "2")
    assert " ".join(mixed.stderr.split()) == (
        "Entries 1 and 2 are already in the trash (`peerjournal restore 1 2` brings them back).")
    assert cli("restore", "1").exit_code == 0
    mixed = cli("delete", "1", "2")
    assert " ".join(mixed.stderr.split()) == (
        "Moved entry 1 to the trash. `peerjournal restore 1` brings it back. Entry 2 was "
        "already in the trash (`peerjournal restore 2` brings it back).")
    assert cli("restore", "2").exit_code == 0
    back = cli("restore", "2")
    assert (back.exit_code, back.stderr) == (
        0, "Entry 2 is already in the journal, not in the trash (`peerjournal show 2`).\n")
    mixed = cli("restore", "1", "2")
    assert mixed.exit_code == 0 and " ".join(mixed.stderr.split()) == (
        "Restored entry 1. Entry 2 was already in the journal, not in the trash "
        "(`peerjournal show 2`).")
    assert [e["id"] for e in json.loads(cli("list", "--json").stdout)] == [2, 1]


def test_an_unknown_id_is_still_3_and_moves_nothing(cli: CLI, add: Add) -> None:
    add(), add()
    assert cli("delete", "2").exit_code == 0
    for command in ("delete", "restore"):
        result = cli(command, "1", "2", "9")
        assert result.exit_code == 3 and result.stdout == ""
        assert result.stderr.startswith("peerjournal: No entry 9 in the ")
        assert result.stderr.endswith(
            f"Nothing was {'deleted' if command == 'delete' else 'restored'}.\n")
        assert [e["id"] for e in json.loads(cli("trash", "--json").stdout)] == [2]
    assert cli("restore", "9").exit_code == 3


# -- 4. PEERJOURNAL_NOW and the editor ----------------------------------------------------------


@pytest.mark.parametrize("args", [["list"], ["list", "--json"], ["where"], ["tags"],
                                  ["write", "-x", "A quiet shift."]])
def test_a_peerjournal_now_that_is_no_time_is_a_usage_error(
    cli: CLI, add: Add, monkeypatch: pytest.MonkeyPatch, args: list[str]
) -> None:
    """Was: ignored by the commands that do not read the clock (`list` ran on the real one),
    exit 1 in the others."""
    add()
    monkeypatch.setenv("PEERJOURNAL_NOW", "2026-13-45 garbage")
    result = cli(*args)
    assert (result.exit_code, result.stdout) == (2, "")
    assert result.stderr == (
        "peerjournal: PEERJOURNAL_NOW='2026-13-45 garbage' is not a date and time such as "
        "2026-11-20T18:30:00+00:00; unset it to use the real clock.\n")
    monkeypatch.setenv("PEERJOURNAL_NOW", "")  # empty: the real clock, as unset
    assert len(json.loads(cli("list", "--json").stdout)) == 1  # (nothing was written)


@pytest.mark.parametrize("args", [["edit", "1"], ["write", "--editor"]])
def test_no_editor_set_and_no_terminal_is_refused_not_vim_into_a_pipe(
    cli: CLI, add: Add, args: list[str]
) -> None:
    add("Before.")
    env = {k: v for k, v in _env().items() if k not in ("EDITOR", "VISUAL")}
    done = subprocess.run([sys.executable, "-m", "peerjournal", *args], env=env,
                          stdin=subprocess.DEVNULL, capture_output=True, timeout=120,
                          check=False)
    assert (done.returncode, done.stdout) == (2, b"")
    assert done.stderr.decode() == (
        "peerjournal: No editor is set ($VISUAL, $EDITOR) and standard input is not a terminal "
        "to run nano or vi in: set $EDITOR (one that opens a window of its own waits with its "
        'option: EDITOR="code --wait"), or give the text as options (-x TEXT).\n')
    assert [e["experience"] for e in json.loads(cli("list", "--json").stdout)] == ["Before."]
    assert "no unfinished drafts" in cli("drafts").stderr.lower()
