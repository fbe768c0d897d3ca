"""QA round 26 (#8): a sentence typed at the tags prompt, a tag's full stop, and a review that
says an element was skipped when only its question was answered."""

from __future__ import annotations

import json
from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, CTRL_C, CTRL_D, Keys
from test_qa18_writer import entries

SENTENCE = "Next time I will let him lead the conversation."
QUESTION = "That reads like a sentence, not tags: add it to your evaluation instead? [Y/n]"
# setting, experience and its blank line; feelings, its question, evaluation, its question
START = ["community", "We walked to the shop.", ""]
ELEMENTS = ["", "", "It went ok.", "", ""]


def drafts(home: Path) -> list[Path]:
    folder = home / "drafts"
    return sorted(folder.glob("*.json")) if folder.is_dir() else []


def test_enter_adds_a_sentence_to_the_evaluation_and_asks_for_the_tags_again(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys(*START, *ELEMENTS, SENTENCE, "", "ward", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert QUESTION in result.stderr and "Added to your evaluation." in result.stderr
    assert result.stderr.count("Tags, separated by commas") == 2
    [entry] = entries(cli)
    assert entry["evaluation"] == f"It went ok.\n{SENTENCE}"
    assert entry["tags"] == ["ward"]


def test_the_sentence_is_the_evaluation_when_there_was_none(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys(*START, "", "", "", "", "Went well!", "y", "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    [entry] = entries(cli)
    assert (entry["evaluation"], entry["tags"]) == ("Went well!", [])


def test_n_keeps_a_sentence_as_a_tag_without_its_full_stop(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    keys(*START, *ELEMENTS, SENTENCE, "maybe", "n", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Please answer y (add it to your evaluation) or n (keep it as tags)." in result.stderr
    assert result.stderr.count("Tags, separated by commas") == 1
    [entry] = entries(cli)
    assert entry["evaluation"] == "It went ok."
    assert entry["tags"] == ["next-time-i-will-let-him-lead-the-conversation"]


@pytest.mark.parametrize("tags", ["ward, handover.", "crisis house, 1:1 support", "hard day",
                                  "Night", "calm, then tired, then fine"])
def test_a_line_of_tags_is_not_questioned(
    cli: CLI, keys: Callable[..., Keys], tags: str
) -> None:
    keys(*START, *ELEMENTS, tags, "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "reads like a sentence" not in result.stderr
    assert entries(cli)[0]["tags"]


@pytest.mark.parametrize("tags", ["Calm, then tired, then fine.", "It went well?",
                                  "He spoke about his sister and his week"])
def test_a_line_that_reads_like_a_sentence_is_questioned(
    cli: CLI, keys: Callable[..., Keys], tags: str
) -> None:
    keys(*START, *ELEMENTS, tags, "", "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert QUESTION in result.stderr
    assert entries(cli)[0]["evaluation"].endswith(tags)


def test_ctrl_c_at_the_question_keeps_the_sentence_in_the_evaluation(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys(*START, *ELEMENTS, SENTENCE, CTRL_C)
    result = cli("write")
    assert result.exit_code == 130 and "Your words are kept as draft " in result.stderr
    [draft] = drafts(isolated)
    kept = json.loads(draft.read_text("utf-8"))["entry"]
    assert (kept["evaluation"], kept["tags"]) == (f"It went ok.\n{SENTENCE}", [])
    # resumed: the tags are asked for (not the question again), and nothing is added twice
    keys("ward", "", "y")
    result = cli("write", "--resume")
    assert result.exit_code == 0, result.stderr
    assert QUESTION not in result.stderr and "Tags, separated by commas" in result.stderr
    [entry] = entries(cli)
    assert (entry["evaluation"], entry["tags"]) == (f"It went ok.\n{SENTENCE}", ["ward"])


def test_ctrl_d_at_the_question_keeps_the_sentence_in_the_evaluation(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys(*START, *ELEMENTS, SENTENCE, CTRL_D)
    result = cli("write")
    assert result.exit_code == 1 and "so it was not saved" in result.stderr
    [draft] = drafts(isolated)
    kept = json.loads(draft.read_text("utf-8"))["entry"]
    assert (kept["evaluation"], kept["tags"]) == (f"It went ok.\n{SENTENCE}", [])
    assert entries(cli) == []


def test_ctrl_c_at_the_tags_asked_again_keeps_the_sentence(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    keys(*START, *ELEMENTS, SENTENCE, "", CTRL_C)
    assert cli("write").exit_code == 130
    [draft] = drafts(isolated)
    assert SENTENCE in json.loads(draft.read_text("utf-8"))["entry"]["evaluation"]


@pytest.mark.parametrize(("given", "stored"), [
    ("handover.", "handover"), ("Hard day...", "hard-day"), ("v1.2", "v1.2"),
    ("hard. day", "hard-day"), ("wait ... what", "wait-what"), (".net", ".net"),
])
def test_a_tag_keeps_no_full_stop_at_its_end(cli: CLI, add: Callable[..., int],
                                             given: str, stored: str) -> None:
    add("We talked.", "--tag", given)
    assert entries(cli)[0]["tags"] == [stored]
    assert cli("tags").stdout.split()[0] == stored


def test_the_review_says_an_element_with_only_its_question_answered_is_not_skipped(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    # feelings: nothing, then its question answered; evaluation: nothing at all
    keys(*START, "", "Irritated he would not listen.", "", "", "", "", "", "y")
    result = cli("write")
    assert result.exit_code == 0, result.stderr
    assert "Feelings   see Answers (only its question was answered)" in result.stderr
    assert "Evaluation skipped" in result.stderr
    assert "Answers    Irritated he would not listen." in result.stderr
