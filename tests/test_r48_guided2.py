"""Round 48, second pass (QA with a real terminal): a line that came inside a paste, or after
the answer on standard input, answers only when it is y, yes, n or no alone ("Sure." is
words); `people add` reads a pasted CRLF as one line end; a feeling typed at the Setting is
asked about, who was there ("lunch with them") is not; "Carry on with …?" takes the everyday
yes and no words; a short place typed at the day question is asked about."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, CTRL_D, Keys
from test_guided_r31 import TO_TAGS
from test_r48_guided import LATE, _draft_entry, _people
from test_write import entries
from test_writer_r34 import _kept_quick_entry

# -- 1. the last line of a paste, or a line piped after the answer, is words ---------------------

SAID = ["I asked if he wanted to stop.", "He said:"]


@pytest.mark.parametrize("last", ["Sure.", "Nope.", "yeah", "No thanks."])
def test_the_last_line_of_a_paste_at_save_is_words(
    cli: CLI, keys: Callable[..., Keys], isolated: Path, last: str
) -> None:
    """Before: "Sure." was taken as a yes and the entry saved at once, without it."""
    keys(*TO_TAGS, "", "", [*SAID, last], "n")
    result = cli("write")
    assert result.exit_code == 1 and "Not saved." in result.stderr
    assert "Those lines read like words for your entry" in result.stderr
    assert _draft_entry(isolated)["evaluation"] == "\n".join([*SAID, last])


def test_a_plain_y_last_in_a_paste_still_answers(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys(*TO_TAGS, "", "", [*SAID, "Fine.", "y"])
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert entries(cli)[0]["evaluation"] == "\n".join([*SAID, "Fine."])


def test_the_last_line_of_a_paste_at_the_day_question_is_words(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch
) -> None:
    """Before: "Nope." was a no, the entry dated today and "Nope." lost."""
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys(["We talked.", "He asked if I would tell anyone.", "Nope."], "y", *TO_TAGS, "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert entry["date"] == "2026-11-20"
    assert entry["experience"].startswith("We talked.\nHe asked if I would tell anyone.\nNope.")


def test_an_everyday_word_piped_after_the_answer_is_kept(cli: CLI, isolated: Path) -> None:
    """Before: `printf 'y\\nHe said he would come back.\\nSure.\\n' | write --resume` dropped
    "Sure.", though the docs say lines piped after the answer are not dropped."""
    _kept_quick_entry(cli)
    result = cli("write", "--resume", "-d", "today",
                 input="y\nHe said he would come back.\nSure.\ny\n")
    assert result.exit_code == 1
    assert "(2 lines)" in result.stderr
    assert _draft_entry(isolated)["evaluation"] == "He said he would come back.\nSure."


def test_only_plain_answers_are_answers_in_a_paste() -> None:
    from peerjournal.cli.guided import an_answer, words_after_the_answer
    from peerjournal.replies import a_plain_answer

    assert [a_plain_answer(line) for line in ("y", "Yes.", "NO!", "n")] == [
        True, True, False, False]
    assert {a_plain_answer(line) for line in ("sure", "nope", "yes please", "yesterday")} == {
        None}
    assert not an_answer("Sure.") and an_answer("yes")
    assert words_after_the_answer(["y", "Sure.", "", "n"]) == ("Sure.", 1)


# -- 2. people add: a pasted CRLF is one line end ------------------------------------------------


def test_people_add_takes_names_pasted_with_crlfs(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Before: the terminal reads "Kerry Jones\\r\\nMo Ahmed\\r\\n" as a name, an empty line
    (which ended the list) and so on: Kerry was added, and "Mo Ahmed" went to the shell."""
    fake = keys(["Kerry Jones", "", "Mo Ahmed", ""], "")
    result = cli("people", "add", "--json")
    assert result.exit_code == 0, result.stderr
    assert _people(cli) == ["Kerry Jones", "Mo Ahmed"] and not fake.lines
    assert [row["name"] for row in json.loads(result.stdout)] == ["Kerry Jones", "Mo Ahmed"]


def test_people_add_ends_the_list_on_an_empty_line_typed_alone(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    fake = keys("Kerry Jones", "", "Mo Ahmed")
    result = cli("people", "add", "--json")
    assert result.exit_code == 0, result.stderr
    assert _people(cli) == ["Kerry Jones"] and fake.lines == [("Mo Ahmed", False)]
    assert json.loads(result.stdout)["name"] == "Kerry Jones"  # one name: an object


# -- 3. a feeling at the Setting is asked about; who was there is not ----------------------------

ASKED = "not a setting: begin your experience with it instead? [Y/n]"


@pytest.mark.parametrize("typed", [
    "lunch with them", "cafe with him", "zoom call with him", "group with them", "quiet room",
    "low secure unit", "safe house", "flat",
])
def test_a_setting_with_who_was_there_is_not_asked_about(
    cli: CLI, keys: Callable[..., Keys], typed: str
) -> None:
    """Before: "lunch with them" was asked about, and Enter moved it into the experience."""
    keys(typed, *TO_TAGS[1:], "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert ASKED not in result.stderr
    assert entries(cli)[0]["setting"] == typed


# -- 5. "Carry on with …?" reads the everyday yes and no words -----------------------------------


@pytest.mark.parametrize(("reply", "kept"), [("yeah", True), ("Sure!", True), ("nope", False),
                                             ("nah", False)])
def test_carry_on_takes_the_everyday_yes_and_no(
    cli: CLI, keys: Callable[..., Keys], reply: str, kept: bool
) -> None:
    """Before: only y, yes, n and no; "yeah" was asked again."""
    keys("3", "kept note", "q")
    cli("supervision", "check")
    keys(reply, "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert "Please answer" not in result.stderr
    assert ("Kept 1 of" in result.stderr) is kept


@pytest.mark.parametrize("reply", ["sure ok", "ok sure", "yes ok"])
def test_ok_with_a_yes_is_asked_again_at_a_destroying_question(
    cli: CLI, add: Callable[..., int], reply: str
) -> None:
    """Before: "sure ok" emptied the trash, while "ok sure" was asked again."""
    assert cli("delete", str(add())).exit_code == 0
    result = cli("trash", "--empty", input=f"{reply}\n")
    assert result.exit_code == 1
    assert result.stderr.count("Please answer y or n.") == 1
    assert json.loads(cli("trash", "--json").stdout) != []


# -- 6. the day question: a short place is asked about; Ctrl-D there stops -----------------------


@pytest.mark.parametrize("typed", ["home visit", "Inpatient ward"])
def test_a_short_place_at_the_day_question_is_asked_about(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """Before: it was added to the experience unasked; then the Setting prompt said
    "continuing your draft" of a new entry."""
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys(typed, "", "y", *TO_TAGS, "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    said = " ".join(result.stderr.split())
    assert f"make {typed} the setting? [Y/n]" in said
    assert "Setting (as you said at the day question:)" in said
    assert "continuing your draft" not in said
    [entry] = entries(cli)
    assert (entry["setting"], entry["experience"]) == (typed, "We sat.")


def test_ctrl_d_at_the_setting_question_of_the_day_question_stops(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, isolated: Path
) -> None:
    """Before: the word went to the experience and the day question was asked again."""
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    fake = keys("community", CTRL_D, "y")
    result = cli("write")
    assert result.exit_code == 1
    assert "Stopped for now (Ctrl-D)" in result.stderr
    assert fake.lines == [("y", False)]
    draft: dict[str, Any] = _draft_entry(isolated)
    assert (draft["setting"], draft["experience"]) == ("", "community")


@pytest.mark.parametrize("typed", ["yes, late shift", "late shift", "my shift", "yes the ward",
                                   "nah the ward"])
def test_a_reply_to_the_day_question_is_never_offered_as_the_setting(
    cli: CLI, keys: Callable[..., Keys], monkeypatch: pytest.MonkeyPatch, typed: str
) -> None:
    """QA r48: the question says "(a late shift)", and "yes, late shift" or "nah the ward"
    answer it; they were offered as the setting, and Enter made them so."""
    monkeypatch.setenv("PEERJOURNAL_NOW", LATE)
    keys(typed, "", "y", *TO_TAGS, "", "", "y")
    result = cli("write")
    assert "reads like a setting" not in result.stderr
    assert all(entry["setting"] != typed for entry in entries(cli))


@pytest.mark.parametrize("typed", ["ok yes", "okay yes", "ok, yes please", "ok y"])
def test_an_ok_before_a_yes_is_asked_again_at_a_destructive_question(typed: str) -> None:
    """QA r48: "ok yes" read as a no while "yes ok" was asked again (docs: any ok is)."""
    from peerjournal.replies import AGAIN, confirm_reply

    assert confirm_reply(typed) == AGAIN
    assert confirm_reply("ok no") is False
