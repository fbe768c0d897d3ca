"""Round 35, QA of the writer (fix-q2b):

5. `write --resume` of a draft for the editor, with stdin piped (its answer to "Save this
   entry?"): (a) what is waited for is said before the wait; (b) Ctrl-C while it waits saves
   nothing (exit 130, the draft as it was); (c) lines after the answer are added to the end
   of the draft's evaluation, the entry not saved, and no new draft is made of the answer.
1b. `edit ID -x NEW` says where the replaced text is kept, with no terminal too.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, SRC
from test_write import entries

LONG_TAG = "x" * 70
PIPED = "Piped words about the day."
MORE = "One more thing I noticed."


def _editor_draft(cli: CLI, isolated: Path) -> Path:
    """A draft for the editor: piped text kept, as its tag was refused."""
    assert cli("write", "-t", LONG_TAG, input=PIPED + "\n").exit_code == 1
    [draft] = _drafts(isolated)
    return draft


def _drafts(isolated: Path) -> list[Path]:
    return sorted((isolated / "drafts").glob("*.md"))


@pytest.mark.parametrize("answer", ["y", "n"])
def test_lines_after_the_answer_go_to_the_end_of_the_evaluation(
    cli: CLI, isolated: Path, answer: str
) -> None:
    """Was: the whole pipe, answer and all, kept as a new draft (the newest), and "--resume
    opens the draft in your editor" though nothing was opened."""
    draft = _editor_draft(cli, isolated)
    result = cli("write", "--resume", input=f"{answer}\n{MORE}\ny\n")
    assert result.exit_code == 1
    said = {"y": "More came in after the answer to 'Save this entry?' (1 line), so the entry "
            "was not saved: that is", "n": "Not saved (the answer was no). What came in after "
            "it (1 line) is"}[answer]  # (r36: after a no, as a guided draft says it)
    assert f"{said} added to the end of the evaluation in the draft {draft}" in result.stderr
    assert "opens the draft in your editor" not in result.stderr
    assert _drafts(isolated) == [draft] and entries(cli) == []
    saved = cli("write", "--resume", input="y\n")
    assert saved.exit_code == 0, saved.stderr
    [entry] = entries(cli)
    assert (entry["experience"], entry["evaluation"]) == (PIPED, MORE)


def test_text_piped_with_no_answer_first_is_still_kept_as_a_draft(
    cli: CLI, isolated: Path
) -> None:
    draft = _editor_draft(cli, isolated)
    before = draft.read_bytes()
    result = cli("write", "--resume", input=f"{MORE}\ny\n")
    assert result.exit_code == 2 and "Your words are kept as draft " in result.stderr
    assert len(_drafts(isolated)) == 2 and draft.read_bytes() == before


def _resume(isolated: Path) -> subprocess.Popen[bytes]:
    env = {**os.environ, "PYTHONPATH": SRC, "PEERJOURNAL_HOME": str(isolated)}
    return subprocess.Popen(
        [sys.executable, "-m", "peerjournal", "write", "--resume"], env=env,
        stdin=subprocess.PIPE, stdout=subprocess.PIPE, stderr=subprocess.PIPE,
    )


def _stopped(process: subprocess.Popen[bytes], piped: bytes) -> tuple[int, str]:
    """`process` given `piped` (the pipe left open), then Ctrl-C (SIGINT) once it waits."""
    assert process.stdin is not None
    process.stdin.write(piped)
    process.stdin.flush()
    time.sleep(3)  # (started, and reading the pipe)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    return process.returncode, err.decode()


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_ctrl_c_while_the_answer_is_awaited_saves_nothing(cli: CLI, isolated: Path) -> None:
    """Was: `(echo y; sleep 100) | write --resume`, Ctrl-C: "entry 1 saved"."""
    draft = _editor_draft(cli, isolated)
    before = draft.read_bytes()
    code, said = _stopped(_resume(isolated), b"y\n")
    assert code == 130, said
    assert f"Interrupted, so the entry was not saved. The draft {draft} is as it was" in said
    assert entries(cli) == [] and _drafts(isolated) == [draft] and draft.read_bytes() == before


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_ctrl_c_after_words_keeps_them_in_the_evaluation(cli: CLI, isolated: Path) -> None:
    draft = _editor_draft(cli, isolated)
    code, said = _stopped(_resume(isolated), f"y\n{MORE}\n".encode())
    assert code == 130, said
    assert "Interrupted, so the entry was not saved. More came in after the answer" in said
    assert entries(cli) == [] and _drafts(isolated) == [draft] and MORE in draft.read_text()


def test_the_wait_for_the_answer_is_said_before_it(cli: CLI, isolated: Path) -> None:
    """Was: `cat | write --resume` typed at a terminal: a blank screen until Ctrl-D."""
    draft = _editor_draft(cli, isolated)
    process = _resume(isolated)
    time.sleep(2)  # nothing typed yet
    _, err = process.communicate(b"y\n", timeout=60)
    assert process.returncode == 0, err
    assert err.decode().startswith(
        f"Save the draft {draft} as it is? The answer (y or n) is read from standard input"
    )
    assert len(entries(cli)) == 1


def test_a_yes_piped_at_once_says_no_more_than_before(cli: CLI, isolated: Path) -> None:
    _editor_draft(cli, isolated)
    process = _resume(isolated)
    _, err = process.communicate(b"y\n", timeout=60)
    assert process.returncode == 0 and "Save the draft" not in err.decode()


def test_edit_x_without_a_terminal_says_where_the_replaced_text_is(cli: CLI) -> None:
    """Was: only "Updated entry 1.", the replaced name kept in drafts/edits unsaid."""
    assert cli("write", "-x", "Kerry Jones told me about her week.").exit_code == 0
    result = cli("edit", "1", "-x", "A peer told me about a hard week.")
    assert result.exit_code == 0 and result.stdout == ""
    updated, note = result.stderr.splitlines()
    assert updated == "Updated entry 1."
    [row] = json.loads(cli("drafts", "--json").stdout)
    assert note == (
        f"Replaced the experience (7 words); the entry as it was is kept as draft 1, in "
        f"{row['path']}, to take back what you need (`peerjournal drafts --discard 1` drops it)."
    )


def test_a_short_part_inside_a_longer_word_is_still_replaced_and_kept(cli: CLI, add: Any) -> None:
    """Review: the old text was looked for as characters, so "ok" replaced by "I am okay"
    counted as kept in it and no copy was made; words are whole, and an empty part is never
    a replaced one."""
    entry_id = add("ok")
    replaced = cli("edit", str(entry_id), "-x", "I am okay")
    assert replaced.exit_code == 0 and "Replaced the experience (1 word)" in replaced.stderr
    added = cli("edit", str(entry_id), "-f", "Calm.", "-x", "I am okay today")
    assert added.exit_code == 0 and "Replaced" not in added.stderr, added.stderr
