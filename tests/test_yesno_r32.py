"""Round 32, second QA of the guided `write`'s [Y/n] questions: a y or n that came in one
burst with the line before it (a laggy link, tmux `send-keys`) is an answer; "Yes!", "yes
please", "save", "not yet" are answers, "ues" and "hmm" are asked again, a sentence is kept;
the suggested setting answers "did you mean …?" in any case or spacing, or its start; Ctrl-C
on an answer keeps nothing; the line marked cut off is the one that was; a journal that cannot
be written is refused before the first question."""

from __future__ import annotations

import os
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, Keys
from test_guided_r31 import TO_TAGS, ctrl_c_after, kept
from test_guided_r32 import REST
from test_write import drafts, entries

NOT_Y_OR_N = "not y or n"
ASKED_AGAIN = "Please answer y (save) or n (keep it as a draft)."


# -- 1. a burst: the line before and the answer arrive together ----------------------------------


def test_a_y_in_one_burst_with_the_setting_answers_did_you_mean(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Before: the experience began with "y", "That reads like words for your entry, not y
    or n"."""
    keys(["inpateint", "y"], "We sat.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert NOT_Y_OR_N not in result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("inpatient", "We sat.")


def test_a_y_in_one_burst_with_the_self_care_line_saves(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Before: "Early night y" was the self-care note, and Save was asked with nothing typed."""
    keys(*TO_TAGS, "", ["Early night", "y"])
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Save this entry? [Y/n] y\n" in result.stderr
    [entry] = entries(cli)
    assert (entry["self_care"], entry["evaluation"]) == ("Early night", "")


@pytest.mark.parametrize(("reply", "evaluation", "tags"), [
    ("y", "He was calm all the way home.", ["calm"]),
    ("n", "", ["he-was-calm-all-the-way-home"]),
])
def test_a_y_or_n_in_one_burst_with_a_tags_sentence_answers_its_question(
    cli: CLI, keys: Callable[..., Keys], reply: str, evaluation: str, tags: list[str]
) -> None:
    keys(*TO_TAGS, ["He was calm all the way home.", reply], *(["calm"] if reply == "y" else []),
         "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert NOT_Y_OR_N not in result.stderr
    [entry] = entries(cli)
    assert (entry["evaluation"], entry["tags"]) == (evaluation, tags)


def test_a_y_with_more_lines_behind_it_is_text_and_a_last_y_answers(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """A paste that holds a "y" line keeps it; its last line, a y, is the answer."""
    keys("inpateint", ["y", "We sat together.", "y"], "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == ("inpatient", "y\nWe sat together.")


# -- 2. answers, slips and words at "Save this entry?" -------------------------------------------


@pytest.mark.parametrize("reply", ["Yes!", "yes.", "y.", "yes\\", "YES", "yes please",
                                   "Yes, save it", "save", "Save.", "done"])
def test_a_yes_in_other_words_saves(cli: CLI, keys: Callable[..., Keys], reply: str) -> None:
    keys(*TO_TAGS, "", "", reply)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert ASKED_AGAIN not in result.stderr and NOT_Y_OR_N not in result.stderr
    assert entries(cli)[0]["evaluation"] == ""


@pytest.mark.parametrize("reply", ["no thanks", "No.", "not yet", "Not yet!", "cancel",
                                   "no, keep it as a draft"])
def test_a_no_in_other_words_keeps_the_draft(
    cli: CLI, isolated: Path, keys: Callable[..., Keys], reply: str
) -> None:
    """Before: "no thanks" and "not yet" were added to the evaluation and asked again."""
    keys(*TO_TAGS, "", "", reply)
    result = cli("write")
    assert result.exit_code == 1 and "Not saved." in result.stderr
    assert NOT_Y_OR_N not in result.stderr
    assert kept(isolated)["entry"]["evaluation"] == ""
    assert entries(cli) == []


@pytest.mark.parametrize("reply", ["ues", "tes", "yesss", "nooo", "nop", "hmm", "wait", "skip",
                                   "Hmm...", "hmm thanks"])
def test_a_slip_or_a_hesitation_is_asked_again_not_kept(
    cli: CLI, keys: Callable[..., Keys], reply: str
) -> None:
    keys(*TO_TAGS, "", "", reply, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert result.stderr.count(ASKED_AGAIN) == 1
    assert entries(cli)[0]["evaluation"] == ""


@pytest.mark.parametrize("line", ["Early night", "no idea why", "Yes, he said he would come."])
def test_words_at_save_are_still_kept(cli: CLI, keys: Callable[..., Keys], line: str) -> None:
    keys(*TO_TAGS, "", "", line, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["evaluation"] == line


def test_the_table_of_replies() -> None:
    """One place decides: True/False an answer, AGAIN asked again, None words for the entry."""
    from peerjournal.cli.guided import AGAIN, SAVE_ANSWERS, yes_or_no_reply

    assert [yes_or_no_reply(r) for r in ("", "y", "Yes!", "n", "nop", "x", "...", "yoga")] == [
        True, True, True, False, AGAIN, AGAIN, AGAIN, None
    ]
    assert [yes_or_no_reply(r, SAVE_ANSWERS) for r in ("save", "canc", "done for today")] == [
        True, False, None
    ]


# -- 3. the setting at "did you mean …?" ----------------------------------------------------------


@pytest.mark.parametrize(("reply", "setting"), [
    ("Emergency  Department", "emergency department"),
    ("emergency department.", "emergency department"),
    ("emergency", "emergency department"),
    ("Emergancy department.", "emergancy department"),
])
def test_the_setting_in_other_spacing_or_its_start_answers_did_you_mean(
    cli: CLI, keys: Callable[..., Keys], reply: str, setting: str
) -> None:
    """Before: each of these was added to the experience and the question asked again."""
    keys("emergancy department", reply, "We sat.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "did you mean emergency department?" in result.stderr
    assert NOT_Y_OR_N not in result.stderr
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == (setting, "We sat.")


# -- 4. Ctrl-C on an answer being typed ----------------------------------------------------------


@pytest.mark.parametrize("half_typed", ["inpatient", "inpat", "ye", "Inpateint"])
def test_ctrl_c_on_an_answer_at_did_you_mean_keeps_nothing_in_the_experience(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None,
    half_typed: str,
) -> None:
    """Before: "inpatient" was the experience's first line, marked cut off."""
    ctrl_c_after(monkeypatch, ["inpateint"], half_typed)
    result = cli("write")
    assert result.exit_code == 130
    assert "The line you were typing" not in result.stderr
    data = kept(isolated)
    assert data["entry"]["experience"] == "" and "cut_off" not in data


@pytest.mark.parametrize("half_typed", ["yes plea", "canc", "sav"])
def test_ctrl_c_on_an_answer_at_save_keeps_nothing(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, terminal: None,
    half_typed: str,
) -> None:
    ctrl_c_after(monkeypatch, [*TO_TAGS, "", ""], half_typed)
    assert cli("write").exit_code == 130
    assert kept(isolated)["entry"]["evaluation"] == ""


# -- 5. the line marked cut off, after a resume --------------------------------------------------


def test_a_line_typed_after_the_cut_off_one_is_not_offered_as_cut_off(
    cli: CLI, isolated: Path, monkeypatch: pytest.MonkeyPatch, keys: Callable[..., Keys]
) -> None:
    """Before: resumed, "We sat together." (typed whole at the question) was offered back as
    "your last line was cut off", to be joined to what came next."""
    with monkeypatch.context() as patched:
        ctrl_c_after(patched, ["inpateint"], "We walked to the office")
        assert cli("write").exit_code == 130
    assert kept(isolated)["cut_off"] == "experience"
    keys("", "We sat together.", "y", "", *REST)
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "cut off" not in result.stderr
    [entry] = entries(cli)
    assert entry["experience"] == "We walked to the office\nWe sat together."


# -- 9. a journal that cannot be written ---------------------------------------------------------


@pytest.fixture
def read_only(isolated: Path, monkeypatch: pytest.MonkeyPatch) -> Callable[[str], Path]:
    """`read_only("file" or "folder")`: that of the journal reads as not writable (as
    `chattr +i` or a read-only disk makes it); returns the journal's path."""
    journal = isolated / "journal.db"
    real_access = os.access

    def block(which: str) -> Path:
        blocked = journal if which == "file" else journal.parent

        def access(path: Any, mode: int, **kwargs: Any) -> bool:
            if Path(path) == blocked and mode & os.W_OK:
                return False
            return bool(real_access(path, mode, **kwargs))

        monkeypatch.setattr(os, "access", access)
        return journal

    return block


@pytest.mark.parametrize("which", ["file", "folder"])
def test_a_guided_write_on_a_read_only_journal_is_refused_before_the_first_question(
    cli: CLI, isolated: Path, add: Callable[..., int], keys: Callable[..., Keys],
    read_only: Callable[[str], Path], which: str,
) -> None:
    """Before: every question was asked, and it failed only at "Save? y" (exit 4)."""
    add()
    journal = read_only(which)
    keys("", "We sat.", "", *REST)
    result = cli("write")
    assert result.exit_code == 4
    assert " ".join(result.stderr.split()) == (
        f"peerjournal: The journal at {journal} cannot be changed: "
        + ("the file is read-only" if which == "file" else "its folder is read-only")
        + " (a read-only disk, or no permission to write there); nothing was asked, and "
        "nothing is kept."
    )
    assert drafts(isolated) == []


def test_write_editor_on_a_read_only_journal_is_refused_before_the_editor(
    cli: CLI, isolated: Path, add: Callable[..., int], edits: Callable[..., None],
    read_only: Callable[[str], Path],
) -> None:
    add()
    read_only("file")
    edits(("what did you and they say and do?", "We sat."))
    result = cli("write", "--editor")
    assert result.exit_code == 4
    assert "the editor was not opened, and nothing is kept." in " ".join(result.stderr.split())
    assert drafts(isolated) == []


def test_a_quick_entry_is_not_refused_before_it_is_saved(
    cli: CLI, add: Callable[..., int], read_only: Callable[[str], Path]
) -> None:
    """-x text is in hand: it is kept as a draft if the save fails, as before."""
    add()
    read_only("file")
    result = cli("write", "-x", "Still written.")
    assert "cannot be changed" not in result.stderr


# -- on a real terminal (readline, keystrokes arriving in one burst) ----------------------------


@pytest.mark.skipif(not hasattr(os, "openpty"), reason="needs a pseudo-terminal")
def test_on_a_terminal_a_burst_of_the_setting_and_y_answers_did_you_mean(
    isolated: Path, journal_template: Path
) -> None:
    """tmux `send-keys 'inpateint' Enter y Enter` in one call, as a laggy ssh link sends."""
    import shutil
    import sqlite3

    from test_qa16_writer_terminal import REST as KEYS_REST
    from test_qa16_writer_terminal import _write_on_a_terminal

    isolated.mkdir(parents=True, exist_ok=True)
    shutil.copyfile(journal_template, isolated / "journal.db")  # no migration in the child
    shown = _write_on_a_terminal([b"inpateint\ry\r", b"We sat.\r", b"\r", *KEYS_REST])
    assert NOT_Y_OR_N not in shown
    with sqlite3.connect(isolated / "journal.db") as conn:
        saved = conn.execute("SELECT setting, experience FROM entry").fetchone()
    assert saved == ("inpatient", "We sat.")
