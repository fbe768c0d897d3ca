"""Round 37, the writer's words (writer):

1. `write --resume` of a guided draft with questions left does not wait on standard input
   left open with nothing in it (`sleep 100 | write --resume`) for ever: 30 seconds (round 37,
   writer3: text slow to come, `(sleep 1; echo words) |`, is kept, see test_writer3_r37.py).
2. The wait after the answer for an editor draft names where the words go: its file.
3. A journal that cannot be read (damaged, locked) while a kept edit is looked up: one clear
   line, the draft kept as it was.
4. `list -tag` (nothing after it) is "did you mean --tag?", not a filter for the tag "ag".
5. `people add`'s note for a name part that is also a word says when it is replaced.
6. `drafts` under a Latin-1 locale prints "..." for the "…" it cannot show.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from test_write import drafts
from test_writer3_r36 import _kept_guided
from test_writer_r35 import _until_said
from test_writer_r35d import _editor_draft

PJ = [sys.executable, "-m", "peerjournal"]


def _env(**more: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, **more}


def _open_pipe(*args: str, data: bytes = b"") -> subprocess.Popen[bytes]:
    """`peerjournal ARGS` with `data` on a standard input left open (as `sleep 100 |`)."""
    process = subprocess.Popen([*PJ, *args], env=_env(), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdin is not None
    if data:
        process.stdin.write(data)
        process.stdin.flush()
    return process


def _ended(process: subprocess.Popen[bytes], within: float) -> tuple[int | None, str]:
    """The exit code of `process` once it ends, if it does `within` seconds with its
    standard input still open (None if not; then it is ended by closing it), and its stderr."""
    try:
        process.wait(timeout=within)
        code: int | None = process.returncode
    except subprocess.TimeoutExpired:
        code = None
    _, err = process.communicate(timeout=60)
    return code, " ".join(err.decode().split())


# -- 1. questions left, standard input open and empty --------------------------------------------


def test_questions_left_do_not_wait_on_an_empty_open_pipe(cli: CLI, isolated: Path) -> None:
    """Was: `sleep 100 | write --resume` waited the 100 s, saying nothing."""
    draft = _kept_guided(cli, open_questions=2)
    before = draft.read_bytes()
    code, said = _ended(_open_pipe("write", "--resume", "-d", "today"), within=90)
    assert code == 1, said
    assert "questions still to answer" in said
    assert "Nothing came in on standard input for 30 seconds, so it was not read." in said
    assert draft.read_bytes() == before and drafts(isolated) == [draft]


def test_questions_left_still_keep_text_piped_in(cli: CLI, isolated: Path) -> None:
    _kept_guided(cli, open_questions=2)
    result = subprocess.run([*PJ, "write", "--resume", "-d", "today"], env=_env(),
                            input=b"Answers I meant for it.\n", capture_output=True, timeout=120)
    said = " ".join(result.stderr.decode().split())
    assert result.returncode == 1, said
    assert "What was piped in was not taken as its answers." in said
    [kept] = [p for p in drafts(isolated) if p.suffix == ".md"]
    assert "Answers I meant for it." in kept.read_text(encoding="utf-8")


def test_questions_left_say_what_text_that_stops_coming_waits_for(
    cli: CLI, isolated: Path
) -> None:
    """Text, then the pipe left open: waited for (it is kept whole), saying so."""
    _kept_guided(cli, open_questions=2)
    process = _open_pipe("write", "--resume", "-d", "today", data=b"A first line.\n")
    waiting = _until_said(process, b"Waiting for the end of standard input")
    assert process.poll() is None and process.stdin is not None
    process.stdin.write(b"A second line.\n")
    _, err = process.communicate(timeout=60)
    said = " ".join((waiting + err).decode().split())
    assert "what is piped in is kept as a draft of its own" in said
    [kept] = [p for p in drafts(isolated) if p.suffix == ".md"]
    assert "A second line." in kept.read_text(encoding="utf-8")


def test_nothing_to_resume_still_says_stdin_was_not_read(isolated: Path) -> None:
    code, said = _ended(_open_pipe("write", "--resume"), within=90)
    assert code == 3, said
    assert "Nothing came in on standard input for 30 seconds, so it was not read." in said


# -- 2. the wait after the answer, for an editor draft -------------------------------------------


def test_an_editor_draft_s_wait_names_its_file(cli: CLI, isolated: Path) -> None:
    """Was: "… is added to your evaluation", a guided draft's words."""
    draft = _editor_draft(cli, isolated)
    process = _open_pipe("write", "--resume", data=b"y\n")
    waiting = _until_said(process, b"Waiting for the end of standard input")
    _, err = process.communicate(timeout=60)
    said = " ".join((waiting + err).decode().split())
    assert ("what comes in after your answer is added to the end of the evaluation in the "
            f"draft {draft}") in said
    assert "added to your evaluation" not in said


def test_a_guided_draft_s_wait_is_as_it_was() -> None:
    from peerjournal.cli.guided import WAITING_NOTICE

    assert WAITING_NOTICE == (
        "Waiting for the end of standard input: what comes in after your answer is added to "
        "your evaluation (Ctrl-D, or closing the pipe, ends it)."
    )


# -- 3. a journal that cannot be read while a kept edit is looked up -----------------------------

WORDS = "Words I typed and never saved."
LOCKED = "The journal is locked by another program; try again in a moment."


def _kept_edit(cli: CLI, add: Callable[..., int], edits: Any) -> int:
    from conftest import GUIDE

    entry_id = add()
    edits((GUIDE, f"{GUIDE}\n{WORDS}"))
    assert cli("edit", str(entry_id)).exit_code == 1
    return entry_id


def _unreadable(monkeypatch: pytest.MonkeyPatch) -> None:
    from peerjournal.db.store import Store
    from peerjournal.errors import DatabaseError

    def get(self: Store, entry_id: int, *, trashed: bool = False) -> None:
        raise DatabaseError(LOCKED)

    monkeypatch.setattr(Store, "get", get)


def _kept_words(isolated: Path) -> list[Path]:
    return [p for p in isolated.rglob("*.md") if WORDS in p.read_text(encoding="utf-8")]


def test_an_edit_picked_by_number_is_kept_when_the_journal_cannot_be_read(
    cli: CLI, add: Callable[..., int], edits: Any, isolated: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: the journal's error alone, nothing said of the draft."""
    entry_id = _kept_edit(cli, add, edits)
    [kept] = _kept_words(isolated)
    _unreadable(monkeypatch)
    result = cli("write", "--resume", "--draft", "1", input="y\n")
    assert result.exit_code == 4
    said = " ".join(result.stderr.split())
    assert said.count("peerjournal:") == 1 and "Traceback" not in said
    assert LOCKED in said
    assert f"Draft 1, unsaved changes to entry {entry_id}, is kept as it was." in said
    assert _kept_words(isolated) == [kept]  # (not moved to a draft of a new entry)


def test_no_draft_to_resume_still_names_the_edit_when_the_journal_cannot_be_read(
    cli: CLI, add: Callable[..., int], edits: Any, isolated: Path,
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """Was: the journal's error alone, in place of "There is no unfinished draft …"."""
    entry_id = _kept_edit(cli, add, edits)
    _unreadable(monkeypatch)
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 3
    said = " ".join(result.stderr.split())
    assert ("There is no unfinished draft to resume. Unsaved changes to entry "
            f"{entry_id} are kept: `peerjournal edit {entry_id}` continues them.") in said
    assert len(_kept_words(isolated)) == 1


# -- 4. a long option with one dash and nothing after it -----------------------------------------


@pytest.mark.parametrize(
    ("args", "typed", "meant", "command"),
    [
        (["list", "-tag"], "-tag", "--tag", "list"),  # (was: the entries tagged "ag")
        (["list", "-setting"], "-setting", "--setting", "list"),  # (the setting "etting")
        (["list", "-tag=housing"], "-tag=housing", "--tag=housing", "list"),
        (["people", "list", "-json"], "-json", "--json", "people list"),
    ],
)
def test_a_one_dash_long_option_click_would_run_with_is_refused(
    cli: CLI, add: Callable[..., int], args: list[str], typed: str, meant: str, command: str
) -> None:
    add()
    result = cli(*args)
    assert result.exit_code == 2 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: No such option: {typed}; did you mean {meant}? "
        f"See 'peerjournal {command} --help'.\n"
    )


def test_short_options_and_values_still_run(cli: CLI, add: Callable[..., int]) -> None:
    add("We sat together at the bench.", "-t", "ag")
    assert cli("list", "-t", "ag", "--json").exit_code == 0
    listed = cli("list", "-n", "1", "--json")
    assert listed.exit_code == 0 and len(json.loads(listed.stdout)) == 1
    assert cli("write", "-x", "-tag", "-d", "today").exit_code == 0  # (-x's value)
    assert "No such command" in cli("lsit", "-tag").stderr


# -- 6. `drafts` under a Latin-1 locale ----------------------------------------------------------


@pytest.mark.parametrize("encoding", ["latin-1", "ascii"])
def test_drafts_cut_with_a_stand_in_the_locale_can_print(
    cli: CLI, isolated: Path, encoding: str
) -> None:
    """Was: "We walked a long way along t\\u2026", the stream's escape, wider than the column."""
    long = "We walked a long way along the river and talked about the week ahead of him."
    assert cli("write", "-t", "x" * 300, input=long + "\n").exit_code == 1
    result = subprocess.run([*PJ, "drafts"], capture_output=True, timeout=120,
                            env=_env(LC_ALL="C", PYTHONIOENCODING=encoding, COLUMNS="60"))
    assert result.returncode == 0, result.stderr
    [line] = result.stdout.decode(encoding).splitlines()
    assert line.endswith("~") and "\\u" not in line and len(line) <= 60
