"""Round 42 (QA qa_scripter.md): a script's view of the journal. A change made while stderr's
reader is gone (`id=$(peerjournal write -x … 2>&1 | head -n1)`) exits 0, so it is not made
twice; delete/restore --json's shape follows the distinct IDs; `report --json` gives null,
not 0, for a period without entries; `list`/`search`/`trash --json` give every entry unless
-n is given; `--json` typed before the command says where it goes; `import --json` of
nothing has its message; `drift --stdin` of Latin-1 says what is true of a score; `demo
--json` names its journal."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC

Add = Any


def _without_stderr_reader(
    *args: str, stdout: Any = subprocess.PIPE
) -> subprocess.CompletedProcess[bytes]:
    """`peerjournal ARGS` with stderr a pipe whose reader has gone, as after `2>&1 | head -n1`
    once head has its line: every write to it fails with a broken pipe."""
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        return subprocess.run(
            [sys.executable, "-m", "peerjournal", *args], env={**os.environ, "PYTHONPATH": SRC},
            stdin=subprocess.DEVNULL, stdout=stdout, stderr=write_end, timeout=120, check=False,
        )
    finally:
        os.close(write_end)


def _ids(cli: CLI) -> list[int]:
    return [e["id"] for e in json.loads(cli("list", "--json").stdout)]


# -- 1. a gone stderr never changes the exit of a change made ----------------------------------


def test_a_write_with_stderr_s_reader_gone_exits_0_and_prints_its_id(cli: CLI) -> None:
    done = _without_stderr_reader("write", "-x", "Jo chose her own plan today.")
    assert (done.returncode, done.stdout) == (0, b"1\n")
    as_json = _without_stderr_reader("write", "-x", "Sam chose his plan.", "--json")
    assert as_json.returncode == 0 and json.loads(as_json.stdout)["id"] == 2
    assert _ids(cli) == [2, 1]  # each saved once: a script trusting the exit code is done


@pytest.mark.parametrize(
    "args", [("edit", "1", "--add-tag", "ward"), ("delete", "1"), ("delete", "1", "--json")]
)
def test_a_change_with_stderr_s_reader_gone_exits_0(
    cli: CLI, add: Add, args: tuple[str, ...]
) -> None:
    add()
    done = _without_stderr_reader(*args)
    assert done.returncode == 0 and b"Traceback" not in done.stdout
    if args[0] == "edit":
        assert json.loads(cli("show", "1", "--json").stdout)["tags"] == ["ward"]
    else:
        assert _ids(cli) == [] and len(json.loads(cli("trash", "--json").stdout)) == 1


def test_supervision_done_with_stderr_s_reader_gone_is_recorded_once(cli: CLI, add: Add) -> None:
    add()
    assert _without_stderr_reader("supervision", "done").returncode == 0
    assert len(json.loads(cli("supervision", "history", "--json").stdout)["supervisions"]) == 1


def test_a_read_with_stderr_s_reader_gone_exits_0_and_an_error_keeps_its_code(
    add: Add,
) -> None:
    for _ in range(3):
        add()
    # the "Showing the newest 2 entries" note is lost, the list is printed
    listed = _without_stderr_reader("list", "-n", "2")
    assert listed.returncode == 0 and listed.stdout.count(b"\n") > 2
    assert _without_stderr_reader("show", "99").returncode == 3  # not found, said or not


def test_a_write_with_both_readers_gone_is_saved_once_with_exit_0(cli: CLI) -> None:
    read_end, write_end = os.pipe()
    os.close(read_end)
    try:
        done = _without_stderr_reader("write", "-x", "A quiet shift.", stdout=write_end)
    finally:
        os.close(write_end)
    assert done.returncode == 0 and _ids(cli) == [1]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_a_write_with_stderr_on_a_full_disk_exits_0(cli: CLI) -> None:
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "peerjournal", "write", "-x", "A quiet shift."],
            env={**os.environ, "PYTHONPATH": SRC}, stdin=subprocess.DEVNULL,
            stdout=subprocess.PIPE, stderr=full, timeout=120, check=False,
        )
    assert (done.returncode, done.stdout) == (0, b"1\n") and _ids(cli) == [1]


# -- 2. delete/restore --json: one entry for one distinct ID -----------------------------------


def test_delete_and_restore_json_shape_follows_the_distinct_ids(cli: CLI, add: Add) -> None:
    for _ in range(3):
        add()
    # one ID typed twice is one entry, as `edit 3,3` takes it: the object, as for `delete 1`
    assert json.loads(cli("delete", "1,1", "--json").stdout)["id"] == 1
    assert json.loads(cli("restore", "1", "1", "--json").stdout)["id"] == 1
    assert json.loads(cli("delete", "2", "2-2", "--json").stdout)["id"] == 2
    assert [e["id"] for e in json.loads(cli("delete", "3", "1", "--json").stdout)] == [3, 1]
    back = json.loads(cli("restore", "1,3,1", "--json").stdout)
    assert [e["id"] for e in back] == [1, 3]


# -- 3. report --json: null for a period without entries ---------------------------------------


def test_report_json_gives_null_for_empty_periods_windows_and_dimensions(
    cli: CLI, add: Add
) -> None:
    add("I shared my own recovery story with Sam and we planned his week together.")
    report = json.loads(cli("report", "--json").stdout)
    empty, last = report["periods"][0], report["periods"][-1]
    assert empty["entries"] == 0
    assert (empty["identity"], empty["drift"], empty["balance"]) == (None, None, None)
    assert set(map(str, empty["dimensions"]["story"].values())) == {"None"}
    assert last["entries"] == 1 and isinstance(last["identity"], float)
    assert isinstance(last["dimensions"]["story"]["identity"], float)
    previous = report["previous"]
    assert previous["entries"] == 0 and (previous["identity"], previous["drift"]) == (None, None)
    # an empty window: its totals are null too
    none = json.loads(cli("report", "--json", "--since", "2025-01-01", "--until",
                          "2025-02-01").stdout)
    assert none["totals"]["entries"] == 0
    assert (none["totals"]["identity"], none["totals"]["drift"]) == (None, None)
    assert none["totals"]["dimensions"]["story"] == {"identity": None, "drift": None}
    detail = json.loads(cli("report", "--json", "-d", "story").stdout)["dimension"]
    assert detail["previous"] == {"identity": None, "drift": None}
    assert isinstance(detail["identity"], float)


def test_the_text_report_and_the_summary_read_the_nulls(cli: CLI, add: Add) -> None:
    add("I shared my own recovery story with Sam and we planned his week together.")
    text = cli("report")
    assert text.exit_code == 0 and "1 entry, " in text.stdout
    by_month = cli("report", "--by", "month", "--all", "--json")
    assert by_month.exit_code == 0
    exported = cli("export", "--format", "json", "--yes")
    assert exported.exit_code == 0, exported.stderr
    summary = json.loads(exported.stdout)
    report = json.loads(cli("report", "--json").stdout)
    assert [p["identity"] for p in summary["periods"] if not p["entries"]] == [None] * len(
        [p for p in summary["periods"] if not p["entries"]]
    )
    assert summary["periods"][-1]["identity"] == report["periods"][-1]["identity"]


# -- 4. list, search and trash --json: every entry unless -n is given --------------------------


def test_json_lists_every_entry_unless_n_is_given(cli: CLI, add: Add) -> None:
    for n in range(22):
        add(f"Handover number {n} with Sam.")
    listed = cli("list", "--json")
    assert len(json.loads(listed.stdout)) == 22 and listed.stderr == ""
    cut = cli("list", "--json", "-n", "5")
    assert len(json.loads(cut.stdout)) == 5 and "Showing the newest 5 entries" in cut.stderr
    table = cli("list")
    assert "Showing the newest 20 entries" in table.stderr  # the table's default stays
    assert len(json.loads(cli("search", "handover", "--json").stdout)) == 22
    assert len(json.loads(cli("search", "handover", "--json", "-n", "3").stdout)) == 3
    assert cli("delete", "1-22").exit_code == 0
    assert len(json.loads(cli("trash", "--json").stdout)) == 22
    assert len(json.loads(cli("trash", "--json", "-n", "4").stdout)) == 4
    assert "Showing the 20 entries moved to the trash last, of 22" in cli("trash").stderr


# -- 5-8. smaller things a script meets ---------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "said"),
    [
        (("--json", "list"), "--json goes after the command, as in `peerjournal list --json`."),
        (("--json", "people", "list"),
         "--json goes after the command, as in `peerjournal people list --json`."),
        (("--since", "today", "list"),
         "--since goes after the command, as in `peerjournal list --since …`."),
    ],
)
def test_a_command_s_option_before_it_says_where_it_goes(
    cli: CLI, args: tuple[str, ...], said: str
) -> None:
    result = cli(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr.startswith(f"peerjournal: {said}") and "--version" not in result.stderr
    assert result.stderr.count("\n") == 1


def test_an_unknown_root_option_is_still_a_typo(cli: CLI) -> None:
    result = cli("--verison", "list")
    assert result.exit_code == 2 and "No such option: --verison. Did you mean" in result.stderr


def test_import_json_of_nothing_has_its_message(cli: CLI) -> None:
    result = cli("import", "-", "--json", input="[]")
    assert result.exit_code == 0
    said = "No entries in standard input (peerjournal JSON)."
    assert json.loads(result.stdout)["message"] == said and said in result.stderr


def test_drift_stdin_of_latin1_says_nothing_is_saved(cli: CLI) -> None:
    result = cli("drift", "--stdin", "--json", input="café with Jo".encode("latin-1"))
    assert result.exit_code == 0 and json.loads(result.stdout)["verdict"]
    assert result.stderr == (
        "Standard input is not UTF-8: it was read as Windows-1252 (Latin-1), so letters such as "
        "é are kept; the text is scored as read, and nothing is saved.\n"
    )
    assert "entry" not in result.stderr


def test_demo_json_names_the_demo_journal(cli: CLI) -> None:
    result = cli("demo", "--json")
    assert result.exit_code == 0
    shown = json.loads(result.stdout)
    path = Path(shown["database"])
    try:
        assert path.is_file() and str(path) in result.stderr
        assert shown["totals"]["entries"] > 0 and shown["periods"]
    finally:
        for file in path.parent.iterdir():
            file.unlink()
        path.parent.rmdir()
