"""Round 28: Ctrl-C at a self-check's note prompt lost the score just given ("Kept 0 of 22
answers", and nothing in `export --full`), where Ctrl-D or q there kept it. Now the score is
kept with the words typed on the note's line (as `write` keeps a half-typed line), and the
check stops (exit 130), as it does after SIGTERM or a closed terminal."""

from __future__ import annotations

import json
import os
import select
import shutil
import signal
import sqlite3
import subprocess
import sys
import time
from collections.abc import Callable
from datetime import UTC, datetime
from pathlib import Path
from typing import Any

import pytest

from conftest import CTRL_C, SRC, Keys
from peerjournal.db.store import Store
from peerjournal.db.supervision import save_check
from peerjournal.supervision import MAX_NOTE_CHARS, Answer, load_items
from test_inputs_r26 import locked  # noqa: F401 (a fixture)
from test_qa16_writer_terminal import _controlling_terminal
from test_supervision_qa import stored
from test_write_robust_r23 import _ctrl_c_after

CLI = Callable[..., Any]
ITEMS = load_items()
N = len(ITEMS)
CARRIES_ON = "`peerjournal supervision check` carries on from there."
NOTHING_KEPT = (
    "No answer is kept yet: `peerjournal supervision check` starts from the first question."
)


def exported(cli: CLI) -> list[dict[str, Any]]:
    result = cli("export", "--full")
    assert result.exit_code == 0, result.stderr
    checks: list[dict[str, Any]] = json.loads(result.stdout)["self_checks"]
    return checks


# -- Ctrl-C at the note --------------------------------------------------------------------------


def test_ctrl_c_at_the_note_keeps_the_score_and_the_words_typed(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, terminal: None, keys: Callable[..., Keys]
) -> None:
    with monkeypatch.context() as patched:
        _ctrl_c_after(patched, ["2"], "Sam was hard on me tod")
        result = cli("supervision", "check")
    assert result.exit_code == 130
    assert result.stderr.endswith(f"\npeerjournal: Stopped. Kept 1 of {N} answers; {CARRIES_ON}\n")
    [check] = exported(cli)
    assert check["complete"] is False
    assert check["answers"] == {ITEMS[0].id: {"score": 2, "note": "Sam was hard on me tod"}}
    fake = keys("", "4", "", "q")  # carry on: the next question is the second
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert f"(1 of {N} answered)" in result.stderr and f"2/{N} " in result.stderr
    assert f"1/{N} " not in result.stderr and not fake.lines
    assert exported(cli)[0]["answers"][ITEMS[0].id]["note"] == "Sam was hard on me tod"


def test_ctrl_c_at_an_empty_note_keeps_the_score(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    fake = keys("5", CTRL_C, "3", "")
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert f"Stopped. Kept 1 of {N} answers; {CARRIES_ON}" in result.stderr
    assert "Traceback" not in result.stderr
    assert stored(store) == [({ITEMS[0].id: {"score": 5, "note": ""}}, 0)]
    assert len(fake.lines) == 2  # nothing more was asked


def test_ctrl_c_in_a_pasted_note_keeps_the_lines_read_before_it(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("2", ["Sam was hard on me today.", "I said nothing.", CTRL_C])
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert f"Kept 1 of {N} answers" in result.stderr
    note = "Sam was hard on me today. I said nothing."
    assert stored(store) == [({ITEMS[0].id: {"score": 2, "note": note}}, 0)]


def test_ctrl_c_at_a_note_too_long_to_keep_keeps_the_score_and_says_so(
    cli: CLI, store: Store, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    _ctrl_c_after(monkeypatch, ["3"], "x" * (MAX_NOTE_CHARS + 1))
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert f"The note is {MAX_NOTE_CHARS + 1:,} characters" in result.stderr
    assert "It was not kept.\n" in result.stderr and "shorter one" not in result.stderr
    assert f"Stopped. Kept 1 of {N} answers" in result.stderr
    assert stored(store) == [({ITEMS[0].id: {"score": 3, "note": ""}}, 0)]


def test_ctrl_c_at_the_last_note_finishes_the_check(
    cli: CLI, store: Store, monkeypatch: pytest.MonkeyPatch, terminal: None
) -> None:
    earlier = {i.id: Answer(4, "") for i in ITEMS[:-1]}
    save_check(store, None, earlier, False, datetime(2026, 11, 19, 9, 0, tzinfo=UTC))
    _ctrl_c_after(monkeypatch, ["", "1"], "felt alone with it")  # carry on; the last score
    result = cli("supervision", "check", "--json")
    assert result.exit_code == 130 and result.stdout == ""
    assert result.stderr.endswith(
        f"\npeerjournal: Stopped. Kept all {N} answers: the self-check is done; "
        "`peerjournal supervision history` shows it.\n"
    )
    [(answers, complete)] = stored(store)
    assert complete == 1 and len(answers) == N
    assert answers[ITEMS[-1].id] == {"score": 1, "note": "felt alone with it"}


def test_ctrl_c_at_the_note_after_restart_says_what_was_discarded(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("3", "old note", "q")
    assert cli("supervision", "check").exit_code == 0
    keys("2", CTRL_C)
    result = cli("supervision", "check", "--restart")
    assert result.exit_code == 130
    assert f"Stopped. Kept 1 of {N} answers (the 1 answer set aside was discarded);" in (
        result.stderr
    )
    assert stored(store) == [({ITEMS[0].id: {"score": 2, "note": ""}}, 0)]


def test_ctrl_c_at_a_note_while_the_journal_is_locked_asks_nothing_more(
    cli: CLI, store: Store, keys: Callable[..., Keys], locked: sqlite3.Connection  # noqa: F811
) -> None:
    """Ctrl-C (or SIGTERM) means stop: no "Enter tries again", and the message is true."""
    fake = keys("4", CTRL_C, "", "")
    result = cli("supervision", "check")
    assert result.exit_code == 4
    assert "Enter tries again" not in result.stderr and len(fake.lines) == 2
    assert "not saved yet" not in result.stderr  # said once, in the error
    assert "The answer just given was not saved: it is kept in" in result.stderr
    locked.execute("ROLLBACK")
    assert stored(store) == []


# -- Ctrl-C elsewhere: unchanged -----------------------------------------------------------------


def test_ctrl_c_at_the_second_score_keeps_the_first_answer(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("3", "a fine week", CTRL_C)
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert f"Stopped. Kept 1 of {N} answers; {CARRIES_ON}" in result.stderr
    assert stored(store) == [({ITEMS[0].id: {"score": 3, "note": "a fine week"}}, 0)]


def test_ctrl_c_at_the_first_prompt_keeps_no_check(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys(CTRL_C)
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert f"Stopped. {NOTHING_KEPT}" in result.stderr  # (round 42: not "Kept 0 of 22")
    assert stored(store) == [] and exported(cli) == []


# -- on a real terminal: Ctrl-C, SIGTERM, a closed terminal --------------------------------------


def _check_on_a_terminal(note: bytes, stop: str) -> int:
    """`supervision check` on a pseudo-terminal: score 2, `note` typed without Enter, then
    `stop`; returns the exit code."""
    controller, terminal = os.openpty()
    env = {**os.environ, "PYTHONPATH": SRC, "TERM": "xterm"}
    process = subprocess.Popen(
        [sys.executable, "-m", "peerjournal", "supervision", "check"],
        stdin=terminal, stdout=terminal, stderr=terminal,
        env=env, close_fds=True, preexec_fn=_controlling_terminal,
    )
    os.close(terminal)
    shown = b""

    def wait_for(text: bytes) -> None:
        nonlocal shown
        end = time.monotonic() + 20
        while time.monotonic() < end and text not in shown:
            if select.select([controller], [], [], 0.05)[0]:
                shown += os.read(controller, 65536)
        assert text in shown, shown.decode("utf-8", "replace")[-500:]

    try:
        wait_for(b"1-5: ")
        os.write(controller, b"2\r")
        wait_for(b"note (Enter to skip): ")
        os.write(controller, note)
        wait_for(note)  # echoed: readline has it
        time.sleep(0.2)
        if stop == "ctrl-c":
            os.write(controller, b"\x03")
        elif stop == "SIGTERM":
            process.send_signal(signal.SIGTERM)
        else:  # the terminal window closed
            os.close(controller)
            controller = -1
        return process.wait(timeout=30)
    finally:
        if process.poll() is None:
            process.kill()
            process.wait()
        if controller != -1:
            os.close(controller)


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
@pytest.mark.parametrize("stop", ["ctrl-c", "SIGTERM", "hangup"])
def test_on_a_real_terminal_stopping_at_the_note_keeps_the_score_and_the_words(
    isolated: Path, journal_template: Path, stop: str
) -> None:
    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")  # no migration in the child
    typed = "Sam was hard on me tod\u00e9"
    assert _check_on_a_terminal(typed.encode(), stop) == 130
    with sqlite3.connect(isolated / "journal.db") as conn:
        [(answers,)] = conn.execute("SELECT answers FROM selfcheck").fetchall()
    assert json.loads(answers) == {ITEMS[0].id: {"score": 2, "note": typed}}
