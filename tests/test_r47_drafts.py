"""Round 47: a draft a failure keeps is named by its number, in one command to type.

1. The messages that keep a draft (the journal locked by another program when saving, the
   editor failing or killed, Ctrl-C in a guided write, a full disk) named its path and said
   `write --resume`; they say "Your words are kept as draft 3: `peerjournal write --resume
   --draft 3`." (`drafts.kept_as`), with the path too when the number cannot be stored.
   `write --resume 3` is `write --resume --draft 3` (was refused as a quick entry's text).
2. Drafts not numbered yet are numbered oldest first, whether the numbers can be stored or
   not (were newest first when the numbers file was lost, oldest first when it could not be
   written).
"""

from __future__ import annotations

import json
import os
import sqlite3
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_C
from peerjournal.drafts import numbers_file
from test_editor_drafts_r29 import said, use_editor
from test_inputs_r26 import locked  # noqa: F401 (a fixture)

FIRST = "First text, about the walk to the housing office."
SECOND = "Second text, about the group on Tuesday."


def _at(monkeypatch: pytest.MonkeyPatch, minute: int) -> None:
    """The clock at 18:`minute` on the tests' day: drafts kept later are started later."""
    monkeypatch.setenv("PEERJOURNAL_NOW", f"2026-11-20T18:{minute:02d}:00+00:00")


def _kept(number: int) -> str:
    return (f"Your words are kept as draft {number}: "
            f"`peerjournal write --resume --draft {number}`.")


def _numbered(cli: CLI) -> dict[int, str]:
    """`drafts --json`: each draft's file name, by number."""
    rows = json.loads(cli("drafts", "--json").stdout)
    return {row["number"]: Path(row["path"]).name for row in rows}


def _newest_entry(cli: CLI) -> str:
    """The experience of the entry saved last (`list` is newest first)."""
    return str(json.loads(cli("list", "--json").stdout)[0]["experience"])


# -- 1. the messages that keep a draft ---------------------------------------------------------


def test_a_locked_journal_names_each_kept_draft_by_its_number(
    cli: CLI, monkeypatch: pytest.MonkeyPatch,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """Before: "… Your entry is kept as a draft in …/drafts/kept-20261120-180000.json
    (`peerjournal write --resume`)." for both: the second's command was the first's too
    once the second was continued."""
    _at(monkeypatch, 1)
    first = cli("write", "-x", FIRST)
    _at(monkeypatch, 2)
    second = cli("write", "-x", SECOND)
    assert first.exit_code == second.exit_code == 4
    assert said(first).endswith(f"try again in a moment. {_kept(1)}")
    assert said(second).endswith(f"try again in a moment. {_kept(2)}")
    assert "drafts/" not in said(first)  # (one command, not a path to read past)
    assert _numbered(cli) == {1: "kept-20261120-180100.json", 2: "kept-20261120-180200.json"}
    locked.execute("ROLLBACK")
    # the command the first message gave saves the first text, whichever is newest
    saved = cli("write", "--resume", "--draft", "1", input="y\n")
    assert saved.exit_code == 0, saved.stderr
    assert _newest_entry(cli) == FIRST
    assert _numbered(cli) == {2: "kept-20261120-180200.json"}


@pytest.mark.parametrize("ending", ["sys.exit(1)", "os.kill(os.getpid(), signal.SIGKILL)"],
                         ids=["exits-1", "killed"])
def test_an_editor_that_fails_names_the_draft_by_its_number(
    cli: CLI, monkeypatch: pytest.MonkeyPatch, tmp_path: Path, ending: str
) -> None:
    """Before: "The editor exited with status 1; nothing was saved. Your text is kept in
    …/drafts/20261120-180000.md (`peerjournal write --resume`).\""""
    use_editor(monkeypatch, tmp_path, f"open(path, 'a').write('\\n{FIRST}\\n')\n{ending}\n")
    _at(monkeypatch, 1)
    assert cli("write", "-x", "An entry saved before.").exit_code == 0
    result = cli("write", "--editor")
    assert result.exit_code == 1
    why = ("The editor exited with status 1" if ending.startswith("sys")
           else "The editor was stopped (SIGKILL)")
    assert said(result) == f"peerjournal: {why}; nothing was saved. {_kept(1)}"
    assert _numbered(cli) == {1: "20261120-180100.md"}
    again = cli("write", "--editor")  # a second draft: the next number
    assert said(again).endswith(_kept(2))


def test_ctrl_c_in_a_guided_write_names_the_draft_once_by_its_number(
    cli: CLI, keys: Any, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "Interrupted. Your draft is kept in …/drafts/20261120-180100.json;
    `peerjournal write --resume` continues it." (`GuidedSession.stopped`)."""
    _at(monkeypatch, 1)
    keys("", FIRST, CTRL_C)
    result = cli("write")
    assert result.exit_code == 130
    assert said(result).endswith(f"peerjournal: Interrupted. {_kept(1)}")
    assert said(result).count("Your words are kept") == 1
    assert _numbered(cli) == {1: "20261120-180100.json"}


def test_a_number_that_cannot_be_stored_is_said_with_the_path(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """The numbers cannot be written (a full disk, here a folder in their place): the number
    may change when a draft is discarded, so the path is said too, after one line that says
    why."""
    numbers_file(isolated / "drafts").mkdir(parents=True)
    _at(monkeypatch, 1)
    result = cli("write", "-x", FIRST)
    assert result.exit_code == 4
    path = isolated / "drafts" / "kept-20261120-180100.json"
    assert said(result).startswith("Draft numbers cannot be stored in ")
    assert said(result).endswith(
        f"Your words are kept as draft 1, in {path}: `peerjournal write --resume --draft 1`.")


def test_resume_followed_by_a_number_continues_that_draft(
    cli: CLI, monkeypatch: pytest.MonkeyPatch,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """`write --resume 1`, as a writer who read "draft 1" types it: draft 1, not the newest.
    Was: "A quick entry's text goes after -x, in quotes"."""
    for minute, text in enumerate((FIRST, SECOND), 1):
        _at(monkeypatch, minute)
        assert cli("write", "-x", text).exit_code == 4
    locked.execute("ROLLBACK")
    assert cli("write", "--resume", "1", input="y\n").exit_code == 0
    assert _newest_entry(cli) == FIRST
    two = cli("write", "--resume", "2", "--draft", "1")
    assert two.exit_code == 2
    assert said(two) == ("peerjournal: --resume 2 and --draft 1 name two drafts: give one "
                         "number (`peerjournal drafts` lists them). Nothing was changed.")
    zero = cli("write", "--resume", "0")
    assert zero.exit_code == 2 and "0 is not a draft number" in said(zero)
    words = cli("write", "--resume", "We", "sat")  # (words are still no number)
    assert words.exit_code == 2 and "A quick entry's text goes after -x" in said(words)
    assert _numbered(cli) == {2: "kept-20261120-180200.json"}


# -- 2. one order ------------------------------------------------------------------------------


def _three_unnumbered(isolated: Path) -> list[str]:
    """Three drafts no numbers are kept for, started at 10, 11 and 12 o'clock; the first
    written to last (newest first by when they were written: 1, 3, 2)."""
    folder = isolated / "drafts"
    folder.mkdir(parents=True, exist_ok=True)
    names = [f"20261120-{hour}0000.md" for hour in (10, 11, 12)]
    for age, name in zip((0, 200, 100), names, strict=True):
        path = folder / name
        path.write_text(f"## Experience\nStarted as {name}.\n", encoding="utf-8")
        os.utime(path, (1_700_000_000 - age, 1_700_000_000 - age))
    return names


def test_drafts_numbered_again_are_numbered_oldest_first(cli: CLI, isolated: Path) -> None:
    """Before: numbers lost (or a version before round 46's drafts) were given newest first
    (the one written last was 1), the other way round from numbers that cannot be stored."""
    names = _three_unnumbered(isolated)
    assert _numbered(cli) == {1: names[0], 2: names[1], 3: names[2]}
    numbers_file(isolated / "drafts").unlink()  # lost
    assert _numbered(cli) == {1: names[0], 2: names[1], 3: names[2]}


def test_numbers_that_cannot_be_stored_are_in_the_same_order(cli: CLI, isolated: Path) -> None:
    names = _three_unnumbered(isolated)
    numbers_file(isolated / "drafts").mkdir()
    listed = cli("drafts", "--json")
    assert "Draft numbers cannot be stored in " in listed.stderr
    assert {row["number"]: Path(row["path"]).name for row in json.loads(listed.stdout)} == {
        1: names[0], 2: names[1], 3: names[2]}
