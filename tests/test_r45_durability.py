"""Round 45, durability leftovers (r44 fix_edit, fix_durability, qa_writer_access).

1. A Ctrl-C (SIGTERM, SIGHUP) that comes once an edit is committed, as the process ends
   (closing the journal, the launcher's last flush), ended it with 130 or a traceback over
   an edit saved and said "Updated entry N": the change is the command's result, exit 0.
2. `supervision check`: a Ctrl-C raised as an answer's COMMIT returned was taken for one
   in the wait before it: the answers the journal now holds were kept a second time in an
   answers file ("The answer just given was not saved"); with --answers, "Interrupted."
   over answers saved. `save_check` now marks its commit (`SavedCheck`).
3. The guided write at TERM=dumb: see the terminal tests at the end.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path

import pytest

from conftest import CLI, Keys
from test_editor_drafts_r29 import said
from test_r43_writer_access import LONG, _redraws, _stored, _Terminal, on_a_terminal, on_terminal

__all__ = ["on_terminal"]  # (a fixture)

SRC = str(Path(__file__).resolve().parents[1] / "src")
NEW = "Kai and I walked to the housing office, and he did the talking."

# Runs the launcher as `python -m peerjournal` does, with a SIGINT sent to itself at a late
# point (`argv[1]`): in the WAL checkpoint after the commit, as the journal is closed at the
# end, or in the launcher as the process exits.
LATE = """
import os, signal, sys
where = sys.argv[1]
def late(owner, name):
    real = getattr(owner, name)
    def wrapper(*args, **kwargs):
        os.kill(os.getpid(), signal.SIGINT)
        return real(*args, **kwargs)
    setattr(owner, name, wrapper)
if where == "checkpoint":
    from peerjournal.db.store import Store
    late(Store, "clear_freed")
elif where == "close":
    from peerjournal.context import AppContext
    late(AppContext, "close")
else:
    from peerjournal import launcher
    late(launcher, "_letters_note")
sys.argv = ["peerjournal", *sys.argv[2:]]
from peerjournal.launcher import main
main()
"""


def _run(*args: str, late: str | None = None) -> subprocess.CompletedProcess[str]:
    """The CLI in a process of its own, with Ctrl-C at its default (Python's handler)."""
    command = ["-c", LATE, late, *args] if late else ["-m", "peerjournal", *args]
    return subprocess.run(
        [sys.executable, *command], capture_output=True, text=True, timeout=60,
        env={**os.environ, "PYTHONPATH": SRC},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )


# -- 1. a late Ctrl-C after an edit is committed ------------------------------------------------


@pytest.mark.parametrize("late", ["checkpoint", "close", "exit"])
def test_a_ctrl_c_once_the_edit_is_committed_ends_it_as_saved(late: str) -> None:
    """Was: "close" exit 130 ("Interrupted." after "Updated entry 1."), "exit" a
    KeyboardInterrupt traceback and death by SIGINT."""
    assert _run("write", "-x", "A calm shift on the ward.", "--feelings", "Calm.").returncode == 0
    done = _run("edit", "1", "-x", NEW, late=late)
    assert done.returncode == 0, done.stderr
    assert "Updated entry 1." in done.stderr
    assert "Interrupted" not in done.stderr
    assert "Traceback" not in done.stderr
    shown = _run("show", "1", "--json")
    assert json.loads(shown.stdout)["experience"] == NEW


def test_a_ctrl_c_before_the_commit_still_stops_the_edit() -> None:
    """The held-back signals begin at the commit: one before it stops the edit (130), which
    keeps the words given, as before."""
    assert _run("write", "-x", "A calm shift on the ward.").returncode == 0
    script = LATE.replace('late(Store, "clear_freed")', 'late(Store, "update")')
    stopped = subprocess.run(
        [sys.executable, "-c", script, "checkpoint", "edit", "1", "-x", NEW],
        capture_output=True, text=True, timeout=60, env={**os.environ, "PYTHONPATH": SRC},
        preexec_fn=lambda: signal.signal(signal.SIGINT, signal.SIG_DFL),
    )
    assert stopped.returncode == 130
    assert "Nothing changed; your edit is kept" in stopped.stderr
    assert json.loads(_run("show", "1", "--json").stdout)["experience"] != NEW


def test_ctrl_c_as_the_edit_of_several_entries_commits_says_them_updated(
    cli: CLI, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`edit 1-2 -s ward`: a Ctrl-C raised as its COMMIT returned said "Interrupted." (130)
    over the two entries changed."""
    from peerjournal.db import engine

    for text in ("One shift.", "Another shift."):
        assert cli("write", "-x", text).exit_code == 0
    real = engine.all_or_nothing

    @contextmanager
    def committed_then_ctrl_c(*args: object) -> Iterator[engine.Commit]:
        with real(*args) as commit:  # type: ignore[arg-type]
            yield commit
        assert commit.done
        raise KeyboardInterrupt

    monkeypatch.setattr(engine, "all_or_nothing", committed_then_ctrl_c)
    result = cli("edit", "1-2", "-s", "ward")
    assert result.exit_code == 0, result.stderr
    assert "Interrupted" not in result.stderr
    monkeypatch.setattr(engine, "all_or_nothing", real)
    listed = json.loads(cli("list", "--json").stdout)
    assert {e["setting"] for e in listed} == {"ward"}


# -- 2. `supervision check`: a Ctrl-C as an answer is committed ----------------------------------


def _kept_answers(home: Path) -> list[Path]:
    folder = home / "drafts" / "self-check"
    return sorted(folder.iterdir()) if folder.is_dir() else []


@pytest.fixture
def ctrl_c_as_committed(monkeypatch: pytest.MonkeyPatch) -> Callable[[int], None]:
    """The answer saved by call `n` of `save_check` is committed, then a Ctrl-C is raised as
    COMMIT returns (what `write_transaction` does with one that came during it)."""
    from peerjournal.db import supervision as db_supervision

    real = db_supervision.save_check

    def install(n: int) -> None:
        calls: list[int] = []

        def save_check(*args: object, **kwargs: object) -> int:
            calls.append(1)
            found = real(*args, **kwargs)  # type: ignore[arg-type]
            if len(calls) == n:
                raise KeyboardInterrupt
            return found

        monkeypatch.setattr(db_supervision, "save_check", save_check)

    return install


def _check(cli: CLI) -> dict[str, object]:
    [check] = json.loads(cli("export", "--full").stdout)["self_checks"]
    return dict(check)


def test_ctrl_c_as_an_answer_is_committed_stops_saying_the_journal_holds_it(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], ctrl_c_as_committed: Callable[[int], None]
) -> None:
    """Was: "The answer just given was not saved: it is kept … in answers-….json", a second
    copy of answers the journal held, and "The journal holds 1 of 22"."""
    ctrl_c_as_committed(2)
    keys("3", "my first note", "2", "the second note")
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert said(result).split("peerjournal: ")[-1] == (
        "Stopped. Kept 2 of 22 answers; `peerjournal supervision check` carries on from there."
    )
    assert _kept_answers(isolated) == []  # (nor a lock file)
    answers = _check(cli)["answers"]
    assert answers == {"story": {"score": 3, "note": "my first note"},  # type: ignore[comparison-overlap]
                       "mutuality": {"score": 2, "note": "the second note"}}


def test_the_check_carries_on_in_the_same_self_check_after_it(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], ctrl_c_as_committed: Callable[[int], None]
) -> None:
    """The first answer makes the check (an INSERT, whose id went with the Ctrl-C): the next
    answers go to it, not to a second check."""
    ctrl_c_as_committed(1)
    keys("4", "")
    assert cli("supervision", "check").exit_code == 130
    assert _kept_answers(isolated) == []  # (was: kept again in an answers file)
    keys("y", "2", "")
    cli("supervision", "check")
    check = _check(cli)  # (one check only)
    assert set(check["answers"]) == {"story", "mutuality"}  # type: ignore[arg-type]


def test_ctrl_c_as_the_last_answer_is_committed_ends_the_check_done(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], ctrl_c_as_committed: Callable[[int], None]
) -> None:
    """The last answer completes the check: done, exit 0, as a check not stopped."""
    from peerjournal.supervision import load_form

    items = load_form().items
    ctrl_c_as_committed(len(items))
    keys(*[line for _ in items for line in ("3", "")])
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert "Stopped" not in result.stderr
    assert _check(cli)["complete"] is True
    assert _kept_answers(isolated) == []


def test_ctrl_c_as_an_answers_file_is_committed_saves_it_and_says_so(
    cli: CLI, isolated: Path, tmp_path: Path, ctrl_c_as_committed: Callable[[int], None]
) -> None:
    """`check --answers FILE`: was "Interrupted." (130) over the answers saved."""
    answers = tmp_path / "answers.json"
    answers.write_text(json.dumps({"story": {"score": 4, "note": "n"}}), encoding="utf-8")
    ctrl_c_as_committed(1)
    result = cli("supervision", "check", "--answers", str(answers))
    assert result.exit_code == 0, result.stderr
    assert "Interrupted" not in result.stderr
    assert _check(cli)["answers"] == {"story": {"score": 4, "note": "n"}}


# -- 3. the guided write on a terminal -----------------------------------------------------------


@on_a_terminal
def test_on_a_dumb_terminal_a_resize_mid_line_draws_nothing_again(
    on_terminal: Callable[..., _Terminal], isolated: Path
) -> None:
    """Was: "\\r<29 spaces>\\r<her and I shared \\rWe walked to …": the line scrolled at
    the new width as the window was resized, then drawn whole once more with the next key (a
    screen reader read it twice)."""
    session = on_terminal("dumb", 40)
    session.answer(b"ward", b"(A blank line ends it")
    half = len(LONG) // 2
    session.keys(LONG[:half].encode())
    assert session.until(LONG[:half].encode())
    start = len(session.shown)
    session.resize(30)
    session.settle(0.5)
    session.keys(LONG[half:].encode() + b"\r")
    assert session.until(b"waiting lists.\r\n")
    after = session.shown[start:]
    assert _redraws(after) == []
    assert after.startswith(LONG[half:].encode())  # (the line's start not said again)
    assert session.finish() == 0
    assert _stored(isolated) == ("ward", LONG)


@on_a_terminal
@pytest.mark.parametrize("term", ["dumb", "xterm-256color"])
def test_a_line_of_10000_characters_pasted_as_its_question_shows_is_kept_whole(
    on_terminal: Callable[..., _Terminal], isolated: Path, term: str
) -> None:
    """Was: cut at 4,094 characters, without a word: pasted before readline took the
    terminal, the line sat in the terminal's line buffer, which holds 4,095."""
    import termios

    words = " ".join(f"w{i:05d}" for i in range(1700))[:10_000]
    session = on_terminal(term, 80)
    session.answer(b"ward", b"1/3")  # (the question's first line: readline not reading yet)
    session.paste(words.encode() + b"\r")
    assert session.until(words[-20:].encode())
    assert session.finish() == 0
    assert _stored(isolated) == ("ward", words)
    # its line mode given back as the session ends (the shell's terminal as it was)
    assert termios.tcgetattr(session.controller)[3] & termios.ICANON
