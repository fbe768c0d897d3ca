"""Round 24 (QA finding 3 of the scripting tester): once `write` has saved the entry, a stdout
that takes nothing (a full disk, closed, a reader gone) does not fail the command, and stderr
says the entry is saved, so that a script does not save it again."""

from __future__ import annotations

import io
import json
import os
import subprocess
import sys
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC


def write_to(stdout: Any, *args: str) -> subprocess.CompletedProcess[bytes]:
    env = {**os.environ, "PYTHONPATH": SRC}
    return subprocess.run(
        [sys.executable, "-m", "peerjournal", "write", *args, "-x", "We sat in the garden."],
        env=env, stdout=stdout, stderr=subprocess.PIPE, timeout=120,
    )


def stored(cli: CLI) -> list[int]:
    return [e["id"] for e in json.loads(cli("list", "--json").stdout)]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
@pytest.mark.parametrize("args", [(), ("--json",)])
def test_a_full_stdout_after_saving_is_success_and_says_saved(
    cli: CLI, isolated: Path, args: tuple[str, ...]
) -> None:
    with open("/dev/full", "wb") as full:
        done = write_to(full, *args)
    assert done.returncode == 0, done.stderr
    assert b"Entry 1 is saved, but it could not be printed (No space left on device)." in (
        done.stderr
    )
    assert b"Traceback" not in done.stderr
    assert stored(cli) == [1]


def test_a_closed_stdout_after_saving_is_success_and_says_saved(
    cli: CLI, isolated: Path
) -> None:
    done = write_to(subprocess.DEVNULL)  # first, a saved entry printed as usual: exit 0
    assert done.returncode == 0
    env = {**os.environ, "PYTHONPATH": SRC}
    closed = subprocess.run(
        [sys.executable, "-c",
         "import os, runpy, sys; os.close(1); sys.argv = ['peerjournal', 'write', '-x', "
         "'We sat by the river.']; runpy.run_module('peerjournal', run_name='__main__')"],
        env=env, stderr=subprocess.PIPE, timeout=120,
    )
    assert closed.returncode == 0, closed.stderr
    assert b"Entry 2 is saved, but it could not be printed (standard output is closed)." in (
        closed.stderr
    )
    assert stored(cli) == [2, 1]


@pytest.mark.skipif(not Path("/dev/full").exists(), reason="needs /dev/full")
def test_edit_json_to_a_full_stdout_is_success_and_says_updated(
    cli: CLI, isolated: Path, add: Any
) -> None:
    add()
    env = {**os.environ, "PYTHONPATH": SRC}
    with open("/dev/full", "wb") as full:
        done = subprocess.run(
            [sys.executable, "-m", "peerjournal", "edit", "1", "--json", "-f", "Calm."],
            env=env, stdout=full, stderr=subprocess.PIPE, timeout=120,
        )
    assert done.returncode == 0, done.stderr
    assert b"Entry 1 is updated, but it could not be printed (No space left on device)." in (
        done.stderr
    )
    assert json.loads(cli("show", "1", "--json").stdout)["feelings"] == "Calm."


def test_edit_names_a_setting_that_is_a_near_miss_as_write_does(cli: CLI, add: Any) -> None:
    add("We sat on the ward together.", "-s", "inpatient")
    add("We walked to the shop.")
    result = cli("edit", "2", "-s", "inpateint")
    assert result.exit_code == 0, result.stderr
    assert (
        "Setting 'inpateint' is new; did you mean 'inpatient'? Change it with "
        "`peerjournal edit 2 --setting inpatient`."
    ) in " ".join(result.stderr.split())
    assert json.loads(cli("show", "2", "--json").stdout)["setting"] == "inpateint"
    same = cli("edit", "2", "-f", "Fine.")  # the setting unchanged: not asked about again
    assert same.exit_code == 0 and "did you mean" not in same.stderr


def test_messages_on_a_terminal_wrap_between_words(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    # QA r24 finding 6: "· details: peerjourna" / "l drift 1" at 80 columns
    monkeypatch.setenv("FORCE_COLOR", "1")  # stderr taken for a terminal
    monkeypatch.setenv("TERM", "xterm-256color")
    monkeypatch.setenv("COLUMNS", "50")
    result = cli("write", "-x", "We sat together in the garden and I listened to his week.")
    assert result.exit_code == 0, result.stderr
    plain = [line.rstrip() for line in strip_styles(result.stderr).splitlines()]
    # a word wider than that (the journal's path under pytest) is left whole
    assert all(len(line) <= 50 or " " not in line.rstrip(",.;") for line in plain), plain
    assert any(line.endswith("details: peerjournal drift 1") for line in plain), plain
    piped = cli("write", "-x", "We walked to the shop together and talked about his week.")
    assert "· details: peerjournal drift 2" in piped.stderr  # not a terminal: one line each


def strip_styles(text: str) -> str:
    import re

    return re.sub(r"\x1b\[[0-9;]*m", "", text)


class _Terminal(io.StringIO):
    def isatty(self) -> bool:
        return True


def test_an_error_on_a_terminal_wraps_between_words(monkeypatch: pytest.MonkeyPatch) -> None:
    import typer

    from peerjournal.cli import _fail

    monkeypatch.setenv("COLUMNS", "40")
    screen = _Terminal()
    monkeypatch.setattr(sys, "stderr", screen)
    path = "/home/sam/.local/share/peerjournal/drafts/20261205-095125.json"
    with pytest.raises(typer.Exit):
        _fail(f"Interrupted. Your draft is kept in {path}; `peerjournal write --resume` "
              "continues it.", 130)
    lines = screen.getvalue().splitlines()
    assert f"{path};" in lines  # wider than the terminal: whole, on a line of its own
    assert all(len(line) <= 40 for line in lines if path not in line)
    assert "`peerjournal write --resume`" in screen.getvalue()
    assert " ".join(lines) == " ".join(screen.getvalue().split())  # only spaces became breaks
