"""Round 36, the writer's words (writer3), from QA of this round's changes (qa_changes1):

1. `echo y | write --resume --tag X --self-care Y` saves a guided draft whose only open
   questions those flags answer (the questions-left check counts the flags).
3. Words piped after the answer beyond what a part of an entry holds: what fits is kept, and
   the rest is said not to be kept (after a no and a yes alike).
4. Text not UTF-8 piped to a guided draft with questions left: its bytes kept in
   drafts/originals, with the iconv command, as `write` keeps them.
5. `trash --empty` names the copies of text `edit ID -x` replaced in its question and its
   result, by their true name.
6. A reply line piped before text to a draft with questions left is not kept as a word.
7. One wording after a no (guided and editor drafts, Ctrl-C); the editor draft's wait after
   the answer says what the guided one says.
8. A line not UTF-8 typed at "Save this entry?" is read as the lines after it are.
11. Text piped to `write --resume` with no draft to resume is kept, never dropped unsaid.
"""

from __future__ import annotations

import json
import os
import signal
import subprocess
import sys
import time
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, SRC
from test_write import drafts, entries
from test_writer_r35d import MORE, _editor_draft

PJ = [sys.executable, "-m", "peerjournal"]


def _env(**more: str) -> dict[str, str]:
    return {**os.environ, "PYTHONPATH": SRC, **more}


def _kept_guided(cli: CLI, open_questions: int = 0) -> Path:
    """A quick entry kept as a guided draft (its date in the future), for `write --resume`;
    its last `open_questions` questions (before "Save this entry?") not answered yet."""
    assert cli("write", "-x", "We sat together at the bench.", "-d", "2030-01-01").exit_code == 1
    [draft] = drafts(Path(os.environ["PEERJOURNAL_HOME"]))
    if open_questions:
        data = json.loads(draft.read_text(encoding="utf-8"))
        data["done"] = data["done"][:-open_questions]
        draft.write_text(json.dumps(data), encoding="utf-8")
    return draft


def _resumed(data: bytes, *more: str) -> subprocess.CompletedProcess[bytes]:
    return subprocess.run([*PJ, "write", "--resume", "-d", "today", *more], input=data,
                          env=_env(), capture_output=True, timeout=120)


def _said(result: subprocess.CompletedProcess[bytes]) -> str:
    return " ".join(result.stderr.decode().split())


def _entry(draft: Path) -> dict[str, object]:
    return dict(json.loads(draft.read_text(encoding="utf-8"))["entry"])


# -- 1. flags that answer the questions left ---------------------------------------------------


def test_flags_that_answer_the_questions_left_let_a_yes_save(cli: CLI, isolated: Path) -> None:
    """Was: "This draft has questions still to answer …", exit 1, nothing saved."""
    draft = _kept_guided(cli, open_questions=2)
    assert json.loads(draft.read_text(encoding="utf-8"))["done"][-1] != "self_care"
    result = _resumed(b"y\n", "--tag", "advocacy", "--self-care", "a walk")
    assert result.returncode == 0, _said(result)
    [entry] = entries(cli)
    assert entry["tags"] == ["advocacy"] and entry["self_care"] == "a walk"


def test_a_flag_for_one_question_of_two_left_still_refuses(cli: CLI, isolated: Path) -> None:
    draft = _kept_guided(cli, open_questions=2)
    result = _resumed(b"y\n", "--tag", "advocacy")
    assert result.returncode == 1
    assert "questions still to answer" in _said(result)
    assert drafts(isolated) == [draft] and entries(cli) == []


# -- 3. beyond the size limit --------------------------------------------------------------------


@pytest.mark.parametrize("answer", [b"n", b"y"])
def test_words_beyond_the_limit_are_said_not_kept(
    cli: CLI, isolated: Path, answer: bytes
) -> None:
    """Was: 3 MB of 5 dropped after the answer, the message counting only the lines kept."""
    from peerjournal.entry import MAX_TEXT_CHARS

    draft = _kept_guided(cli)
    line = b"Words I wrote about the long shift and what it asked of me.\n"
    result = _resumed(answer + b"\n" + line * (MAX_TEXT_CHARS // len(line) + 200))
    said = _said(result)
    assert result.returncode == 1, said
    assert f"Standard input was read no further than {MAX_TEXT_CHARS:,} characters" in said
    assert "not kept anywhere" in said
    evaluation = str(_entry(draft)["evaluation"])
    assert MAX_TEXT_CHARS - len(line) < len(evaluation) <= MAX_TEXT_CHARS


def test_words_within_the_limit_say_nothing_of_it(cli: CLI, isolated: Path) -> None:
    _kept_guided(cli)
    said = _said(_resumed(b"n\nOne more line.\n"))
    assert "read no further" not in said


# -- 4. not UTF-8, questions left ---------------------------------------------------------------


def test_bytes_not_utf8_piped_to_questions_left_are_kept_as_they_came(
    cli: CLI, isolated: Path
) -> None:
    """Was: kept with � only, no drafts/originals copy, no iconv command."""
    _kept_guided(cli, open_questions=3)
    data = b"Sam said \xe4\xf6\xfc\xe4 twice and I felt it\n"
    result = _resumed(data)
    said = _said(result)
    assert result.returncode == 1, said
    [original] = (isolated / "drafts" / "originals").iterdir()
    assert original.read_bytes() == data
    assert "iconv -f" in said and str(original) in said


def test_bytes_not_utf8_piped_to_an_editor_draft_are_kept_as_they_came(
    cli: CLI, isolated: Path
) -> None:
    _editor_draft(cli, isolated)
    data = b"Sam said \xe4\xf6\xfc\xe4 twice\n"
    result = _resumed(data)
    assert result.returncode == 2, _said(result)
    [original] = (isolated / "drafts" / "originals").iterdir()
    assert original.read_bytes() == data


# -- 5. trash --empty and replaced text ---------------------------------------------------------


def _replaced_then_trashed(cli: CLI, add: Callable[..., int]) -> int:
    entry_id = add("Entry about Sam and the housing form.")
    assert cli("edit", str(entry_id), "-x", "Replaced text entirely.").exit_code == 0
    assert cli("delete", str(entry_id)).exit_code == 0
    return entry_id


def test_trash_empty_names_replaced_text_in_question_and_result(
    cli: CLI, add: Callable[..., int]
) -> None:
    """Was: not named in the question, then destroyed as "1 unsaved edit"."""
    entry_id = _replaced_then_trashed(cli, add)
    asked = cli("trash", "--empty", input="n\n")
    assert (f"Destroy 1 entry for good, and 1 copy of replaced text of entry {entry_id}"
            in asked.stderr)
    done = cli("trash", "--empty", input="y\n")
    assert done.exit_code == 0, done.stderr
    assert "Destroyed 1 entry, and 1 copy of replaced text of it." in done.stderr
    assert "unsaved edit" not in done.stderr


def test_trash_empty_counts_both_kinds_alike(
    cli: CLI, add: Callable[..., int], edits: object
) -> None:
    from conftest import GUIDE

    entry_id = add("Entry about Sam and the housing form.")
    assert cli("edit", str(entry_id), "-x", "Replaced text entirely.").exit_code == 0
    edits((GUIDE, f"{GUIDE}\nWords never saved.\n"))  # type: ignore[operator]
    assert cli("edit", str(entry_id)).exit_code == 1
    assert cli("delete", str(entry_id)).exit_code == 0
    asked = cli("trash", "--empty", input="y\n")
    both = "1 unsaved edit and 1 copy of replaced text"
    said = " ".join(asked.stderr.split())
    assert f"Destroy 1 entry for good, and {both} of entry {entry_id}" in said
    assert f"Destroyed 1 entry, and {both} of it." in said


# -- 6. a reply before the text -------------------------------------------------------------------


@pytest.mark.parametrize("reply", [b"y", b"yes please", b"n"])
def test_a_reply_before_text_to_questions_left_is_no_word(
    cli: CLI, isolated: Path, reply: bytes
) -> None:
    """Was: a new draft "y more words here"."""
    _kept_guided(cli, open_questions=3)
    result = _resumed(reply + b"\nmore words here\n")
    assert result.returncode == 1
    [kept] = [d for d in drafts(isolated) if d.suffix == ".md"]
    text = kept.read_text(encoding="utf-8")
    assert text.split("-->\n")[-1] == "more words here\n"


# -- 7. one wording after a no --------------------------------------------------------------------


def test_an_editor_draft_says_no_as_a_guided_one_does(cli: CLI, isolated: Path) -> None:
    """Was: "More came in after the answer …, so the entry was not saved" after a no."""
    draft = _editor_draft(cli, isolated)
    result = cli("write", "--resume", input=f"n\n{MORE}\n")
    assert result.exit_code == 1
    said = " ".join(result.stderr.split())
    assert ("Not saved (the answer was no). What came in after it (1 line) is added to the end "
            f"of the evaluation in the draft {draft}") in said
    assert "so the entry was not saved" not in said


def _interrupted(data: bytes, wait: float) -> str:
    process = subprocess.Popen([*PJ, "write", "--resume"], env=_env(), stdin=subprocess.PIPE,
                               stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    assert process.stdin is not None
    process.stdin.write(data)
    process.stdin.flush()
    time.sleep(wait)
    process.send_signal(signal.SIGINT)
    _, err = process.communicate(timeout=60)
    assert process.returncode == 130, err
    return " ".join(err.decode().split())


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_ctrl_c_after_a_no_says_the_no_did_not_save(cli: CLI, isolated: Path) -> None:
    """Was: "Interrupted while the rest of standard input was read, so the entry was not
    saved" (the answer was no)."""
    _kept_guided(cli)
    said = _interrupted(b"n\nOne more line.\n", 3)
    assert "Not saved (the answer was no); then interrupted" in said
    assert "so the entry was not saved" not in said


@pytest.mark.skipif(sys.platform == "win32", reason="SIGINT")
def test_an_editor_draft_says_it_waits_after_the_answer(cli: CLI, isolated: Path) -> None:
    _editor_draft(cli, isolated)
    said = _interrupted(b"n\nOne more line.\n", 3)
    assert "Waiting for the end of standard input" in said
    assert "Interrupted. Not saved (the answer was no)" in said


# -- 8. one reading of a line not UTF-8 -----------------------------------------------------------


def test_a_line_not_utf8_at_the_question_is_read_as_windows_1252(
    cli: CLI, isolated: Path
) -> None:
    """Was: "�t� was hard" at the question, "été was hard" after the answer."""
    draft = _kept_guided(cli)
    result = _resumed(b"\xe9t\xe9 was hard\n")
    assert result.returncode == 1
    assert _entry(draft)["evaluation"] == "été was hard"
    assert "read as Windows-1252" in _said(result)


# -- 11. nothing to resume ----------------------------------------------------------------------


def test_text_piped_with_no_draft_to_resume_is_kept(isolated: Path) -> None:
    """Was: "There is no unfinished draft to resume.", the words neither kept nor named."""
    result = _resumed(b"some words to keep\n")
    said = _said(result)
    assert result.returncode == 3, said
    [kept] = drafts(isolated)
    assert "some words to keep" in kept.read_text(encoding="utf-8")
    assert "Your words are kept as draft " in said


def test_a_yes_piped_with_no_draft_to_resume_keeps_nothing(isolated: Path) -> None:
    result = _resumed(b"y\n")
    assert result.returncode == 3
    assert not (isolated / "drafts").exists() or drafts(isolated) == []


def test_text_piped_with_the_home_a_file_is_printed(tmp_path: Path) -> None:
    home = tmp_path / "home"
    home.write_text("", encoding="utf-8")
    result = subprocess.run([*PJ, "write", "--resume"], input=b"some words to keep\n",
                            env=_env(PEERJOURNAL_HOME=str(home)), capture_output=True,
                            timeout=60)
    assert result.returncode == 4
    assert b"some words to keep" in result.stdout


def test_an_open_pipe_with_nothing_in_it_is_said_not_read(isolated: Path) -> None:
    process = subprocess.Popen([*PJ, "write", "--resume"], env=_env(), stdin=subprocess.PIPE,
                               stderr=subprocess.PIPE)
    assert process.stderr is not None and process.stdin is not None
    err = process.stderr.read()  # (to its end: the process ends with stdin still open)
    assert process.wait(timeout=60) == 3
    process.stdin.close()
    said = " ".join(err.decode().split())
    assert "Nothing came in on standard input for 30 seconds, so it was not read." in said
