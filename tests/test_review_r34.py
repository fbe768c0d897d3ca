"""Round 34: the mentor's `review` after the QA of the mentor path.

Before: a mentor's own note in a folder of summaries that opened with a date, a number or a
quote ("2026-12-01 notes about Alex") was "not valid JSON (line 1, column 6: Extra data)"
and failed the run; a named pipe was waited on for ever (and left out of a folder without a
line); a loop of links was "a link to …, which is not there"; a signature edited to hold a
line break was shown joined without a word; a summary from before the totals showed its
balance as "–"; and a self-check answers file answering one item twice was read silently
as its last answer.
"""

from __future__ import annotations

import json
import os
import threading
from collections.abc import Iterator
from contextlib import contextmanager, suppress
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI
from peerjournal.db.store import Store
from test_qa19_mentor import turning_summary
from test_summary import sample_summary
from test_supervision_cli import all_answers, stored_checks

NOT_JSON = ("not a summary (not JSON); `peerjournal review` reads the file made by "
            "`peerjournal export --format json`.")
PIPE = ("a named pipe, not a summary file; not read (to read a summary from a pipe, give `-` "
        "and send it to standard input).")
LOOP = "a link that leads back to itself (a loop of links); not read."
SIGNATURE = ("its signature holds a line break or another control character, which `export "
             "--from` never writes: the file was changed after it was exported; the signature "
             "is shown on one line.")

posix_only = pytest.mark.skipif(not hasattr(os, "mkfifo"), reason="named pipes and links")


def _save(path: Path, summary: dict[str, Any]) -> Path:
    path.write_text(json.dumps(summary), encoding="utf-8")
    return path


def _folder(tmp_path: Path) -> Path:
    """A folder holding one good summary, sam.json."""
    folder = tmp_path / "mentees"
    folder.mkdir()
    _save(folder / "sam.json", sample_summary())
    return folder


# -- a note beside the summaries -------------------------------------------------------------


@pytest.mark.parametrize("note", [
    "2026-12-01 notes about Alex\n",
    '"Thanks for the session" - Alex\n',
    "12 entries\n",
    '"""A helper script."""\nimport json\n',
    "[Alex]\nnext = 'handovers'\n",
    "true story\n",
])
def test_a_note_opening_with_a_date_a_number_or_a_quote_is_skipped_with_a_line(
    cli: CLI, tmp_path: Path, note: str
) -> None:
    folder = _folder(tmp_path)
    (folder / "thanks.txt").write_text(note, encoding="utf-8")
    result = cli("review", str(folder))
    assert result.exit_code == 0, result.stderr
    assert result.stderr == f"peerjournal: skipped {folder / 'thanks.txt'}: {NOT_JSON}\n"
    assert "Reflective-practice summary: Sam" in result.stdout
    named = cli("review", str(folder / "thanks.txt"))  # named alone: an error, as before
    assert named.exit_code == 1 and named.stdout == ""
    assert named.stderr == f"peerjournal: {folder / 'thanks.txt'}: {NOT_JSON}\n"


@pytest.mark.parametrize(("text", "said"), [
    ('{"schema": "peerjournal.summary/1",, }', "not valid JSON (line 1, column 36: Expecting "
                                                "property name enclosed in double quotes)."),
    ('\ufeff{"schema": "peerjournal.summary/1", "wri', "the file ends part-way through"),
    ('{"schema": "peerjournal.summary/1"} and more', "not valid JSON (line 1, column 37: "
                                                     "Extra data)."),
])
def test_a_damaged_summary_in_a_folder_is_still_reported_as_damaged(
    cli: CLI, tmp_path: Path, text: str, said: str
) -> None:
    folder = _folder(tmp_path)
    (folder / "alex.json").write_text(text, encoding="utf-8")
    result = cli("review", str(folder))
    assert result.exit_code == 1
    [line] = result.stderr.splitlines()
    assert line.startswith(f"peerjournal: {folder / 'alex.json'}: {said}")
    assert "skipped" not in result.stderr
    assert "Reflective-practice summary: Sam" in result.stdout  # the good one still read


# -- a named pipe, a device, a loop of links ---------------------------------------------------


@contextmanager
def _unblocked(fifo: Path) -> Iterator[None]:
    """If review opens `fifo` and waits for a writer (the bug), one comes after 3 s and
    closes at once: the test then fails on review's words instead of hanging."""
    def write() -> None:
        with suppress(OSError):  # no reader waiting: nothing to unblock
            os.close(os.open(fifo, os.O_WRONLY | os.O_NONBLOCK))

    timer = threading.Timer(3, write)
    timer.start()
    try:
        yield
    finally:
        timer.cancel()


@posix_only
def test_a_named_pipe_is_refused_at_once_named_or_in_a_folder(cli: CLI, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    fifo = folder / "from-alex.json"
    os.mkfifo(fifo)
    with _unblocked(fifo):
        named = cli("review", str(fifo))
        in_folder = cli("review", str(folder))
    assert named.exit_code == 1 and named.stdout == ""
    assert named.stderr == f"peerjournal: {fifo}: {PIPE}\n"
    assert in_folder.exit_code == 0, in_folder.stderr
    assert in_folder.stderr == f"peerjournal: skipped {fifo}: {PIPE}\n"
    assert "Reflective-practice summary: Sam" in in_folder.stdout


@pytest.mark.skipif(not Path("/dev/null").exists(), reason="a device to name")
def test_a_device_is_not_read_as_an_empty_summary(cli: CLI) -> None:
    result = cli("review", "/dev/null")
    assert result.exit_code == 1
    assert result.stderr == "peerjournal: /dev/null: a device, not a summary file; not read.\n"


@posix_only
def test_a_loop_of_links_is_named_as_a_loop(cli: CLI, tmp_path: Path) -> None:
    folder = _folder(tmp_path)
    (folder / "a.json").symlink_to("b.json")
    (folder / "b.json").symlink_to("a.json")
    (folder / "gone.json").symlink_to(tmp_path / "moved.json")
    result = cli("review", str(folder))
    assert result.exit_code == 0, result.stderr
    assert result.stderr.splitlines() == [
        f"peerjournal: skipped {folder / 'a.json'}: {LOOP}",
        f"peerjournal: skipped {folder / 'b.json'}: {LOOP}",
        f"peerjournal: skipped {folder / 'gone.json'}: a link to {tmp_path / 'moved.json'}, "
        "which is not there (moved or deleted?); not read.",
    ]
    assert "not there" not in result.stderr.split("gone.json")[0]
    named = cli("review", str(folder / "a.json"))
    assert named.exit_code == 1 and named.stderr == f"peerjournal: {folder / 'a.json'}: {LOOP}\n"


# -- a signature edited after export -----------------------------------------------------------


@pytest.mark.parametrize("writer", ["Alex\nFake line: UNREDACTED", "Alex\u2028Fake", "Alex\tB"])
def test_a_signature_edited_to_hold_a_line_break_is_said_and_shown_on_one_line(
    cli: CLI, tmp_path: Path, writer: str
) -> None:
    summary = sample_summary()
    summary["writer"] = writer
    path = _save(tmp_path / "alex.json", summary)
    for args in ((), ("--json",)):
        result = cli("review", str(path), *args)
        assert result.exit_code == 0, result.stderr
        assert result.stderr == f"peerjournal: {path}: {SIGNATURE}\n"
    shown = cli("review", str(path)).stdout
    assert not any(line.strip(" │").startswith("Fake") for line in shown.splitlines())


def test_an_exported_signature_gets_no_such_line(cli: CLI, tmp_path: Path) -> None:
    assert cli("write", "-x", "I sat with a peer today.", "--share").exit_code == 0
    path = tmp_path / "s.json"
    exported = cli("export", "--yes", "--from", "Alex Jones", "-o", str(path))
    assert exported.exit_code == 0, exported.stderr
    result = cli("review", str(path))
    assert result.exit_code == 0 and result.stderr == ""
    assert "Reflective-practice summary: Alex Jones" in result.stdout


# -- a summary from before the totals ----------------------------------------------------------


OLDER = ("No balance (–) in the summary of 26 Oct – 20 Nov 2026: it is from an older "
         "peerjournal, which gave none; its identity and drift give +0.06.")


def test_a_summary_from_before_the_totals_says_what_its_missing_balance_is(
    cli: CLI, tmp_path: Path
) -> None:
    """Four weekly periods of one entry each: identity 1, 2, 6, 8 and drift 8, 6, 1, 0 pool to
    4.25 and 3.75, whose balance is 0.5 / 8 = +0.06; the newer summary's totals say +0.09.
    Was: "balance – → +0.09" and nothing more. --json keeps null (the summary holds none)."""
    old = turning_summary()
    del old["totals"]
    new = turning_summary()
    assert new["totals"]["balance"] == 0.089
    files = [str(_save(tmp_path / "old.json", old)), str(_save(tmp_path / "new.json", new))]
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    text = " ".join(result.stdout.replace("•", " ").split())
    between = text.split("Between summaries", 1)[1].split("Reflective-practice summary", 1)[0]
    assert "balance – → +0.09" in between and OLDER in between
    since = text.split("Since the previous summary", 1)[1]
    assert "balance – → +0.09." in since and OLDER in since
    merged = json.loads(cli("review", *files, "--json").stdout)
    assert merged["between"][0]["balance"] == [None, 0.09]


def test_no_note_for_a_summary_with_totals_or_without_evidence(cli: CLI, tmp_path: Path) -> None:
    old = turning_summary()
    del old["totals"]
    for period in old["periods"]:
        period.update(identity=0.0, drift=0.0, balance=None)
    new = turning_summary()
    files = [str(_save(tmp_path / "old.json", old)), str(_save(tmp_path / "new.json", new))]
    result = cli("review", *files)
    assert result.exit_code == 0, result.stderr
    assert "balance – → +0.09" in result.stdout and "older peerjournal" not in result.stdout


# -- self-check answers: an item answered twice ------------------------------------------------


def _answers(tmp_path: Path, text: str, name: str = "answers.json") -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_an_item_answered_twice_is_refused_naming_it(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    body = json.dumps(all_answers(3))[1:-1]
    path = _answers(tmp_path, '{"story": 4, ' + body + "}")
    result = cli("supervision", "check", "--answers", path)
    assert result.exit_code == 1 and result.stdout == ""
    assert result.stderr == (
        f"peerjournal: {path}: item 'story' is answered twice; keep one of its answers.\n")
    assert stored_checks(store) == []


def test_a_score_given_twice_in_one_answer_is_refused_without_the_note(
    cli: CLI, store: Store, tmp_path: Path
) -> None:
    path = _answers(tmp_path, '{"story": {"score": 2, "note": "held back", "score": 4}}')
    result = cli("supervision", "check", "--answers", path)
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {path}: 'score' is given twice; give it once.\n"
    assert "held back" not in result.stderr
    assert stored_checks(store) == []


def test_answers_given_once_are_read_as_before(cli: CLI, store: Store, tmp_path: Path) -> None:
    path = _answers(tmp_path, json.dumps({"story": {"score": 2, "note": "a"}, "voice": 4}))
    result = cli("supervision", "check", "--answers", path)
    assert result.exit_code == 0, result.stderr
    [(_, answers, complete)] = stored_checks(store)
    assert answers["story"] == {"score": 2, "note": "a"} and answers["voice"]["score"] == 4
    assert not complete


@posix_only
def test_an_answers_pipe_is_refused_at_once(cli: CLI, store: Store, tmp_path: Path) -> None:
    fifo = tmp_path / "answers.json"
    os.mkfifo(fifo)
    with _unblocked(fifo):
        result = cli("supervision", "check", "--answers", str(fifo))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: Cannot read the answers file {fifo}: it is not a file (a folder, a "
        "named pipe or a device).\n")
    assert stored_checks(store) == []
