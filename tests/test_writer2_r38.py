"""Round 38 (writer2): a request to go back is one addressed to the tool ("let me edit", "no,
go back"), never a statement about life ("Things need to change", "I need to go back"), which
stays words for the entry (at a terminal, piped in, or cut off by Ctrl-C); a request asked
again is shown back; "no, go back" at a [y/N] question is a no; a setting list naming a
person ("busy ward, no beds, Kai upset") is questioned; a setting that cannot be saved (too
long, no letter) is refused at the Setting prompt, and a draft holding one asks it again."""

from __future__ import annotations

import builtins
import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_C, Keys
from peerjournal.cli import guided
from peerjournal.context import AppContext
from test_write import entries

_INPUT, _WAITING = builtins.input, guided.more_input_waiting

# after the experience (and the blank line ending it): feelings, its question, evaluation, its
# question, tags, self-care; then "Save this entry?"
AFTER = ["", "", "", "", "", ""]
BACK = ("Please answer y (save) or n (keep it as a draft; to change it: n, then "
        "`peerjournal write --resume --editor`).")
LONG = "crisis house, night shift, bank staff, ward 4, day centre, outreach van"  # 71


def said(result: Any) -> str:
    return " ".join(result.stderr.split())


# -- go back: requests, and statements ------------------------------------------------------------

STATEMENTS = [
    "Things need to change", "I need to make changes", "I want to make a change",
    "I need to go back", "I need to change", "I can change.", "I'd like to go back again",
    "need to get back on it", "I need to fix it", "I can make changes",
    "I need to make some changes", "go back to work",
]
REQUESTS = [
    "nope, let me edit", "ok let me edit", "okay, let me change it", "yeah let me fix it",
    "not yet, let me edit", "no, not yet, let me edit", "erm let me edit", "hold up, let me edit",
    "let me fix a typo", "go back a step", "go back to feelings", "let me correct it",
    "let me retype it", "let me rephrase", "lemme edit", "yes, let me edit", "n, let me edit",
    "n let me change it", "no - let me edit", "back please", "can I change the setting?",
]


@pytest.mark.parametrize("line", STATEMENTS)
def test_a_statement_about_life_is_words(line: str) -> None:
    """Was: AGAIN (the line dropped at "Save this entry?")."""
    from peerjournal.replies import SAVE_ANSWERS, wants_to_go_back, yes_or_no_reply

    assert not wants_to_go_back(line)
    assert yes_or_no_reply(line, SAVE_ANSWERS, requests=True) is None
    assert yes_or_no_reply(line, SAVE_ANSWERS, partial=True) is None


@pytest.mark.parametrize("line", REQUESTS)
def test_a_request_with_a_lead_or_another_verb_is_asked_again(line: str) -> None:
    """Was: words, added to the evaluation."""
    from peerjournal.replies import AGAIN, SAVE_ANSWERS, wants_to_go_back, yes_or_no_reply

    assert wants_to_go_back(line)
    assert yes_or_no_reply(line, SAVE_ANSWERS, requests=True) == AGAIN


@pytest.mark.parametrize("line", ["let me edit", "can I edit it", "go back please"])
def test_a_request_piped_in_is_words(line: str) -> None:
    """Nobody at a terminal to ask again: kept (`requests` off, as `write --resume` reads
    piped text)."""
    from peerjournal.replies import SAVE_ANSWERS, yes_or_no_reply

    assert yes_or_no_reply(line, SAVE_ANSWERS) is None


@pytest.mark.parametrize("line", ["no, go back", "No. Edit please", "no, I want to change it",
                                  "n, let me edit", "nope, let me edit"])
def test_a_request_led_by_a_no_at_a_destructive_question_is_a_no(line: str) -> None:
    """Was: "Please answer y or n." (AGAIN)."""
    from peerjournal.replies import AGAIN, confirm_reply

    assert confirm_reply(line) is False
    assert confirm_reply("wait, let me change that") == AGAIN


@pytest.mark.parametrize("line", ["Things need to change", "I need to go back"])
def test_a_statement_at_save_is_added_to_the_evaluation(
    cli: CLI, keys: Callable[..., Keys], line: str
) -> None:
    keys("community", "Sat with Jo.", "", *AFTER, line, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "words for your entry" in said(result)
    [entry] = entries(cli)
    assert entry["evaluation"] == line


def test_a_request_at_save_is_shown_back_when_asked_again(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("community", "Sat with Jo.", "", *AFTER, "n, let me edit", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert ("'n, let me edit' reads as a wish to change your entry, so it is not added to it. "
            + BACK) in said(result)
    [entry] = entries(cli)
    assert entry["evaluation"] == ""


def test_a_statement_cut_off_by_ctrl_c_at_save_is_kept(
    cli: CLI, keys: Callable[..., Keys], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: dropped (AGAIN as a partial reply)."""
    keys("community", "Sat with Jo.", "", *AFTER, CTRL_C)
    monkeypatch.setattr(guided.LineReader, "take_interrupted", lambda self: "Things need to change")
    result = cli("write")
    assert result.exit_code != 0
    assert "added to the end of your evaluation" in said(result)
    [draft] = [p for p in (isolated / "drafts").iterdir() if p.suffix == ".json"]
    assert json.loads(draft.read_text())["entry"]["evaluation"] == "Things need to change"


def _guided_draft(cli: CLI, keys: Callable[..., Keys], setting: str = "community") -> None:
    keys(setting, "Sat with Jo.", "", *AFTER, "n")
    assert cli("write").exit_code == 1


def _piped(monkeypatch: pytest.MonkeyPatch) -> None:
    """Standard input piped in from now on (the keys typed before, used up)."""
    monkeypatch.setattr(AppContext, "stdin_is_terminal", lambda self: False)
    monkeypatch.setattr(builtins, "input", _INPUT)
    monkeypatch.setattr(guided, "more_input_waiting", _WAITING)


@pytest.mark.parametrize("line", ["Things need to change", "let me edit"])
def test_a_line_piped_before_the_answer_is_kept(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, line: str
) -> None:
    """`printf 'Things need to change\\ny\\n' | write --resume`: was saved without it."""
    _guided_draft(cli, keys)
    _piped(monkeypatch)
    result = cli("write", "--resume", input=f"{line}\ny\n")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["evaluation"] == line


# -- a setting list that names a person ----------------------------------------------------------

NAMING = [
    "crisis house, night shift, Kai upset", "busy ward, no beds, Kai upset",
    "ward 4, Sam refused meds", "community, Kai lost his flat", "ward 5, Kai hit a nurse",
    "GP surgery, Kai not coping", "home visit, Sam drunk again", "inpatient, Sam angry at staff",
    "day centre, Kai and Jo fighting", "community, meeting Priya and her dad",
    "ward 3, tough shift, Mohammed struggling", "hospital, Mum of Kai angry",
    "home visit with Sam, then hospital", "rough night, no sleep, Kai missing",
    "home visit to Kai and his mum", "Sams flat, Sams mum there",
    "walked, talked, laughed, cried, left",
]
NAMED_PLACES = [
    "ward 4, Oak House, day centre", "ward 4, Centre for Recovery", "ward 4, Mary Seacole ward",
    "crisis house, Hope street", "GP surgery, A&E, Day centre", "ward 4, St Mary's",
    "crisis house, Kai's flat", "Crisis House, Night Shift, Bank Staff",
    "Busy ward, no beds, night shift",
]


@pytest.mark.parametrize("line", NAMING)
def test_a_setting_list_naming_a_person_is_a_sentence(line: str) -> None:
    """Was: taken whole as the setting (the name then a row of `report`)."""
    from peerjournal.cli.guided import reads_like_a_sentence

    assert reads_like_a_sentence(line, one_value=True)


@pytest.mark.parametrize("line", NAMED_PLACES)
def test_a_setting_list_of_named_places_is_no_sentence(line: str) -> None:
    from peerjournal.cli.guided import reads_like_a_sentence

    assert not reads_like_a_sentence(line, one_value=True)


def test_a_setting_list_naming_a_person_is_questioned_at_the_prompt(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    line = "busy ward, no beds, Kai upset"
    keys(line, "y", "", "He sat down.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "'Kai' may be a person's name" in said(result)  # round 39 F11: named, not "a sentence"
    [entry] = entries(cli)
    assert entry["setting"] == ""
    assert entry["experience"] == f"{line}\nHe sat down."


# -- a setting that cannot be saved ---------------------------------------------------------------


@pytest.mark.parametrize(("line", "why"), [
    (LONG, "A setting can be at most 64 characters"),
    ("\U0001f3e5", "Not a usable setting"),
])
def test_a_setting_that_cannot_be_saved_is_refused_at_the_prompt(
    cli: CLI, keys: Callable[..., Keys], line: str, why: str
) -> None:
    """Was: taken, and refused only at "Save this entry? y" (exit 1, nothing saved)."""
    keys(line, "crisis house", "Sat with Jo.", "", *AFTER, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert why in said(result)
    assert f"Your line was: {line}" in said(result)  # given back, never lost
    [entry] = entries(cli)
    assert entry["setting"] == "crisis house"


def _long_setting_draft(cli: CLI, keys: Callable[..., Keys], isolated: Path) -> Path:
    """A guided draft whose setting is too long (kept by an earlier version)."""
    _guided_draft(cli, keys)
    [draft] = [p for p in (isolated / "drafts").iterdir() if p.suffix == ".json"]
    data = json.loads(draft.read_text())
    data["entry"]["setting"] = LONG
    draft.write_text(json.dumps(data))
    return draft


def test_a_draft_with_a_setting_too_long_asks_the_setting_again(
    cli: CLI, keys: Callable[..., Keys], isolated: Path
) -> None:
    """Was: `write --resume` went straight to "Save this entry?", refused, and again."""
    _long_setting_draft(cli, keys, isolated)
    keys("ward 4", "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert "A setting can be at most 64 characters" in said(result)
    [entry] = entries(cli)
    assert entry["setting"] == "ward 4"
    assert entry["experience"] == "Sat with Jo."


def test_a_draft_with_a_setting_too_long_piped_says_why_and_is_left(
    cli: CLI, keys: Callable[..., Keys], isolated: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    draft = _long_setting_draft(cli, keys, isolated)
    before = draft.read_text()
    _piped(monkeypatch)
    result = cli("write", "--resume", input="y\n")
    assert result.exit_code == 1
    assert "A setting can be at most 64 characters" in said(result)
    assert "Give another with --setting, or resume it in a terminal" in said(result)
    assert "Traceback" not in result.stderr
    assert draft.read_text() == before
    assert entries(cli) == []
