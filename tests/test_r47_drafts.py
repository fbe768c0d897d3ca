"""Round 47: a draft a failure keeps is named by its number, in one command to type.

1. The messages that keep a draft (the journal locked by another program when saving, the
   editor failing or killed, Ctrl-C in a guided write, a full disk) named its path and said
   `write --resume`; they say "Your words are kept as draft 3: `peerjournal write --resume
   --draft 3`." (`drafts.kept_as`), with the path too when the number cannot be stored.
   `write --resume 3` is `write --resume --draft 3` (was refused as a quick entry's text).
2. Drafts not numbered yet are numbered oldest first, whether the numbers can be stored or
   not (were newest first when the numbers file was lost, oldest first when it could not be
   written).
3. (QA r47 of 1 and 2) The numbers file gone (deleted, or drafts kept by a version that
   numbered them newest first) while two drafts or more are there: the drafts are numbered
   again, oldest first, and that is said once, as for a damaged file (it was said for no lost
   file: a number a message gave opened another draft without a word). Not said for the
   first draft kept, nor beside a draft another terminal is still writing. `write --resume`
   names the draft it continues: its number, when it was started and its first words.
4. `write --resume -1`: "-1 is not a draft number", as 0 (was "No such option: -1").
   `write --resume abc`: "give a draft's number" (was the quick entry's hint: text goes after
   -x); words (`--resume We sat`, `--resume "A long shift"`) still get that hint.
"""

from __future__ import annotations

import json
import os
import sqlite3
from collections.abc import Iterator
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_C
from peerjournal.drafts import Draft, numbers_file
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


# -- 3. numbers lost, said; 4. what --resume is followed by -----------------------------------


TEXTS = ("Alpha: the walk to the housing office.", "Bravo: the group on Tuesday.",
         "Charlie: the phone call with Sam.")
NEW = "Delta: the drop-in, late."


def _words_by_number(cli: CLI) -> dict[int, str]:
    """`drafts --json`: each draft's first words, by number."""
    listed = cli("drafts", "--json")
    assert listed.exit_code == 0, listed.stderr
    return {row["number"]: row["first_words"] for row in json.loads(listed.stdout)}


def _note(index: Path, why: str) -> str:
    return (f"The stored draft numbers ({index}) were {why}, so the drafts are numbered "
            "again, oldest first: check a draft's first words before you resume it "
            "(`peerjournal drafts` shows them).")


def _entries(isolated: Path) -> list[str]:
    with sqlite3.connect(isolated / "journal.db") as db:
        return [row[0] for row in db.execute("SELECT experience FROM entry ORDER BY id")]


@pytest.fixture
def kept(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> Iterator[Path]:
    """QA's steps: three quick entries the locked journal could not take (drafts 1, 2, 3),
    draft 1 discarded, a fourth kept as draft 1; the journal then free. The numbers file."""
    for minute, text in enumerate(TEXTS, 30):
        _at(monkeypatch, minute)
        kept = cli("write", "-x", text)
        assert kept.exit_code == 4, kept.stderr
        assert f"kept as draft {minute - 29}:" in said(kept)
    assert cli("drafts", "--discard", "1", "--yes").exit_code == 0
    _at(monkeypatch, 40)
    fourth = cli("write", "-x", NEW)
    assert "kept as draft 1: `peerjournal write --resume --draft 1`" in said(fourth)
    locked.execute("ROLLBACK")
    yield numbers_file(isolated / "drafts")


def test_numbers_deleted_are_said_to_be_lost_and_resume_names_the_draft(
    cli: CLI, isolated: Path, kept: Path
) -> None:
    """QA's finding 1, as QA ran it: the command "kept as draft 1" gave now opens the oldest
    draft; that is said once, and the draft resumed is named by its words before it is saved."""
    assert _words_by_number(cli) == {1: NEW, 2: TEXTS[1], 3: TEXTS[2]}
    kept.unlink()
    listed = cli("drafts")
    assert listed.exit_code == 0, listed.stderr
    assert said(listed).startswith(_note(kept, "not found") + " `peerjournal write --resume")
    assert [line.split()[0] for line in listed.stdout.splitlines()] == ["1", "2", "3"]
    assert TEXTS[1] in listed.stdout.splitlines()[0]  # oldest first: Bravo is draft 1 now
    assert "were not found" not in said(cli("drafts"))  # said once: the numbers are kept again
    assert json.loads(kept.read_text(encoding="utf-8"))

    resumed = cli("write", "--resume", "--draft", "1", input="y\n")
    assert resumed.exit_code == 0, resumed.stderr
    assert ("Resuming draft 1 (quick, started 2026-11-20 18:31: \"Bravo: the group on "
            "Tuesday.\"): ") in said(resumed)
    assert said(resumed).index("Resuming draft 1") < said(resumed).index("Save this entry?")
    assert _entries(isolated) == ["Earlier entry.", TEXTS[1]]
    assert _words_by_number(cli) == {2: TEXTS[2], 3: NEW}


def test_drafts_of_a_version_that_kept_no_numbers_are_said_to_be_numbered_again(
    cli: CLI, isolated: Path
) -> None:
    """Two drafts, no numbers file (an upgrade, the older version numbering newest first):
    said once, then numbered oldest first."""
    folder = isolated / "drafts"
    folder.mkdir(parents=True)
    (folder / "20261120-100000.md").write_text(f"## Experience\n{TEXTS[0]}\n", encoding="utf-8")
    (folder / "20261120-110000.md").write_text(f"## Experience\n{TEXTS[1]}\n", encoding="utf-8")
    listed = cli("drafts", "--json")
    assert listed.exit_code == 0, listed.stderr
    assert said(listed) == _note(numbers_file(folder), "not found")
    assert {row["number"]: row["first_words"] for row in json.loads(listed.stdout)} == {
        1: TEXTS[0], 2: TEXTS[1]}
    assert said(cli("drafts", "--json")) == ""


def test_the_first_draft_kept_or_one_beside_a_draft_being_written_is_not_said_to_be_renumbered(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch,
    locked: sqlite3.Connection,  # noqa: F811 (the fixture)
) -> None:
    """No numbers file yet: the first draft kept takes number 1 without a word; so does one
    kept while another terminal is writing a draft never numbered (it holds it)."""
    first = cli("write", "-x", TEXTS[0])
    assert first.exit_code == 4
    assert "numbered again" not in said(first)
    assert "kept as draft 1:" in said(first)
    assert cli("drafts", "--discard", "1", "--yes").exit_code == 0
    assert not numbers_file(isolated / "drafts").exists()  # (no draft left: no numbers)

    writing = Draft(isolated / "drafts" / "20261120-170000.json")  # another terminal's
    entry = {"date": "2026-11-20", "experience": TEXTS[2], "prompt_set": "boud"}
    writing.path.write_text(json.dumps({"entry": entry, "done": []}), encoding="utf-8")
    writing.hold()
    try:
        _at(monkeypatch, 45)
        second = cli("write", "-x", TEXTS[1])
        assert second.exit_code == 4
        assert "numbered again" not in said(second)
        assert "kept as draft" in said(second)
    finally:
        writing.release()
    assert sorted(_words_by_number(cli).values()) == sorted([TEXTS[1], TEXTS[2]])


@pytest.mark.parametrize("typed", [["-1"], ["-1", "-s", "ward"], ["-12"], ["#-3"]])
def test_resume_with_a_negative_number_is_no_draft_number(
    cli: CLI, isolated: Path, typed: list[str]
) -> None:
    """QA's finding 2: "No such option: -1. See 'peerjournal write --help'." """
    refused = cli("write", "--resume", *typed)
    assert refused.exit_code == 2
    assert said(refused) == (f"peerjournal: --resume {typed[0]}: {typed[0]} is not a draft "
                             "number; drafts are numbered from 1 (see `peerjournal drafts`).")
    assert not (isolated / "drafts").exists() or not any((isolated / "drafts").iterdir())


@pytest.mark.parametrize("word", ["abc", "two", "#2a"])
def test_resume_with_a_word_asks_for_a_draft_number(
    cli: CLI, isolated: Path, word: str
) -> None:
    """QA's finding 3: the quick entry's hint ("text goes after -x") named the wrong fix."""
    refused = cli("write", "--resume", word, "-s", "ward")
    assert refused.exit_code == 2
    assert said(refused) == (f"peerjournal: --resume {word}: give a draft's number (see "
                             "`peerjournal drafts`). Nothing was changed.")
    assert not (isolated / "journal.db").exists() or _entries(isolated) == []


def test_resume_with_words_still_says_where_text_goes_without_repeating_it(
    cli: CLI, isolated: Path
) -> None:
    refused = cli("write", "--resume", "A long shift on the ward tonight")
    assert refused.exit_code == 2
    assert "long shift" not in said(refused)
    assert "A quick entry's text goes after -x" in said(refused)
