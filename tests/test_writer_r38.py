"""Round 38 (writer): a setting typed as a list of short places ("crisis house, night shift,
bank staff") is no sentence, where a clause among them still is; a short request to go back
and change ("let me edit", "can I edit it?") at a [Y/n] question is asked again, never added to
the evaluation; `drafts --discard 1,2,2` reads its numbers once (options), each draft once."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CLI, Keys
from test_write import entries

# after the experience (and the blank line ending it): feelings, its question, evaluation, its
# question, tags, self-care, then "Save this entry?"
REST = ["", "", "", "", "", "", "y"]
BACK = ("Please answer y (save) or n (keep it as a draft; to change it: n, then "
        "`peerjournal write --resume --editor`).")


def said(result: Any) -> str:
    return " ".join(result.stderr.split())


# -- 1. a list of places at the Setting prompt -----------------------------------------------------

PLACE_LISTS = [
    "crisis house, night shift, bank staff",
    "ward 4, day centre, outreach van, drop-in",
    "community; home visit; late shift",
    "day centre and outreach van and drop-in",
    "sheltered housing, council funded flat",
    "A&E, short staffed, night shift",
    "IT suite, US base, May ward",
    "st. mary's, ward 4 and day centre",
]
SENTENCES = [
    "rough one today, Kai kicked off",
    "crisis house, the client kicked off badly",
    "ward, Sam shouted at everyone",
    "ward 4, we sat in the garden",
    "ward 4, it was busy",
    "home visit, didn't go well",
    "went to the ward, sat with Sam",
    "day centre, sat with Jo for an hour",
    "ward. Kai kicked off",
]


@pytest.mark.parametrize("line", PLACE_LISTS)
def test_a_list_of_short_places_is_no_sentence(line: str) -> None:
    """Was: each of these questioned as a sentence (more than four words judged whole)."""
    from peerjournal.cli.guided import reads_like_a_sentence

    assert not reads_like_a_sentence(line, one_value=True)


@pytest.mark.parametrize("line", SENTENCES)
def test_a_list_with_a_clause_in_it_is_still_a_sentence(line: str) -> None:
    from peerjournal.cli.guided import reads_like_a_sentence

    assert reads_like_a_sentence(line, one_value=True)


def test_a_part_too_long_for_a_place_is_still_a_sentence() -> None:
    from peerjournal.cli.guided import reads_like_a_sentence

    assert reads_like_a_sentence("ward 4, a long and slow night on the unit", one_value=True)


def test_tags_are_judged_as_before() -> None:
    """The list rule is the setting's: a tags line is split into tags, each judged alone."""
    from peerjournal.cli.guided import reads_like_a_sentence

    assert not reads_like_a_sentence("crisis house, night shift, bank staff")
    assert reads_like_a_sentence("handover, next time I will let him lead")


def test_a_list_of_places_typed_at_the_setting_prompt_is_the_setting(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Was: "That reads like a sentence, not a setting", and Enter moved it into the
    experience."""
    keys("crisis house, night shift, bank staff", "We sat.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "reads like a sentence" not in said(result)
    [entry] = entries(cli)
    assert entry["experience"] == "We sat."
    assert "night shift" in entry["setting"]


def test_a_sentence_with_a_comma_at_the_setting_prompt_is_still_questioned(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys("ward 4, we sat in the garden", "y", "", "He smiled.", "", *REST)
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "That reads like a sentence, not a setting" in said(result)
    [entry] = entries(cli)
    assert entry["experience"] == "ward 4, we sat in the garden\nHe smiled."


# -- 2. a wish to go back, said as a request -------------------------------------------------------

REQUESTS = [
    "go back please", "let me edit", "wait, I want to change that", "can I edit it",
    "Can I edit it?", "actually, can I go back and edit it please",
    "sorry, I want to make a change", "no wait, go back", "let me fix it", "I\u2019d like to edit",
]


@pytest.mark.parametrize("line", REQUESTS)
def test_a_request_to_go_back_is_asked_again(line: str) -> None:
    from peerjournal.replies import AGAIN, SAVE_ANSWERS, wants_to_go_back, yes_or_no_reply

    assert wants_to_go_back(line)
    # (r38 writer2: a request is one from a writer at a terminal, `requests`; piped, words)
    assert yes_or_no_reply(line, SAVE_ANSWERS, requests=True) == AGAIN


@pytest.mark.parametrize("line", [
    "I need to edit my notes sooner", "Change is hard", "edit the rota before the shift",
    "I should change how I start", "next time fix the kettle first", "he wanted to go back home",
])
def test_words_with_a_go_back_word_in_them_are_words(line: str) -> None:
    from peerjournal.replies import SAVE_ANSWERS, wants_to_go_back, yes_or_no_reply

    assert not wants_to_go_back(line)
    assert yes_or_no_reply(line, SAVE_ANSWERS) is None


def test_a_long_request_is_words() -> None:
    """More than GO_BACK_MOST_WORDS words is no quick reply, whatever the words."""
    from peerjournal.replies import GO_BACK_MOST_WORDS, wants_to_go_back

    line = " ".join(["please"] * GO_BACK_MOST_WORDS + ["edit"])
    assert not wants_to_go_back(line)


def test_a_request_cut_off_by_ctrl_c_is_kept_as_typed() -> None:
    """"let me ed" may have been "let me educate…": a line Ctrl-C cut off is kept; (r38
    writer2) so is "let me edit", which may have been "let me edit my notes sooner"."""
    from peerjournal.replies import SAVE_ANSWERS, yes_or_no_reply

    assert yes_or_no_reply("let me ed", SAVE_ANSWERS, partial=True) is None
    assert yes_or_no_reply("let me edit", SAVE_ANSWERS, partial=True) is None


def test_a_destructive_question_asks_again_too() -> None:
    from peerjournal.replies import AGAIN, confirm_reply

    assert confirm_reply("wait, let me change that") == AGAIN


@pytest.mark.parametrize("line", ["go back please", "let me edit", "wait, I want to change that",
                                  "can I edit it"])
def test_a_request_to_go_back_at_save_is_asked_again_not_saved_as_text(
    cli: CLI, keys: Callable[..., Keys], line: str
) -> None:
    """Was: "That reads like words for your entry": the request added to the evaluation."""
    keys("community", "Sat with Jo in the garden.", "", "", "", "", "", "", "", line, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert BACK in said(result)
    assert "words for your entry" not in said(result)
    [entry] = entries(cli)
    assert entry["evaluation"] == ""


def test_a_sentence_with_edit_in_it_at_save_is_kept_in_the_evaluation(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    line = "I need to edit my notes sooner"
    keys("community", "Sat with Jo in the garden.", "", "", "", "", "", "", "", line, "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "words for your entry" in said(result)
    [entry] = entries(cli)
    assert entry["evaluation"] == line


# -- 3. drafts --discard: numbers read once -------------------------------------------------


def _three_drafts(cli: CLI) -> None:
    for n in range(3):
        assert cli("write", "--stdin", input=f"Draft words {n}.\x00").exit_code == 1


@pytest.mark.parametrize("given", [["1,2,2"], ["1-2", "--discard", "2"], ["2,1,1-2"]])
def test_drafts_discard_with_a_number_twice_discards_each_draft_once(
    cli: CLI, isolated: Path, given: list[str]
) -> None:
    _three_drafts(cli)
    before = json.loads(cli("drafts", "--json").stdout)
    result = cli("drafts", "--yes", "--json", "--discard", *given)
    assert result.exit_code == 0, result.stderr
    assert "Discarded 2 drafts" in said(result)
    assert [d["number"] for d in json.loads(result.stdout)] == [1, 2]
    left = json.loads(cli("drafts", "--json").stdout)
    assert [d["path"] for d in left] == [before[2]["path"]]


def test_the_discard_numbers_come_from_options_each_once() -> None:
    from peerjournal.cli.options import every_draft_number

    assert every_draft_number([[3, 1, 1], [2, 3]]) == [1, 2, 3]
    assert every_draft_number(None) == []
