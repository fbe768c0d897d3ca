"""Round 35: words typed at the self-check's 1-5 prompt are kept as the item's note ("4 because
Kerry asked" was refused and its words thrown away), and a TOML answers file answering an
item twice names the item, as a JSON one does (it gave tomllib's "Cannot overwrite a value")."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from typing import Any

import pytest

from conftest import CTRL_C, Keys
from peerjournal.db.store import Store
from test_supervision_qa import ITEMS, stored

CLI = Callable[..., Any]
FIRST, SECOND = ITEMS[0].id, ITEMS[1].id
AGAIN = "   A whole number from 1 to 5, please (or q to stop for now)."


def test_a_score_typed_with_words_keeps_them_as_its_note(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("4 because Kerry asked", "2: not yet", "", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert "   Kept 4, with the words after it as its note." in result.stderr
    assert result.stderr.count("note (Enter to skip)") == 0  # the note was typed already
    assert stored(store) == [({FIRST: {"score": 4, "note": "because Kerry asked"},
                               SECOND: {"score": 2, "note": "not yet"}}, 0)]


# ("4/5" is 4 since r46: out of 5)
@pytest.mark.parametrize("typed", ["3.5", "4/10", "2-3", "3 or 4", "45", "4 5", "2 - 3", "3 / 4"])
def test_what_is_no_score_on_the_scale_is_asked_again(
    cli: CLI, store: Store, keys: Callable[..., Keys], typed: str
) -> None:
    keys(typed, "3", "", "q")
    result = cli("supervision", "check")
    assert f"{AGAIN}\n" in result.stderr and "Kept" not in result.stderr.split("Kept 1 of")[0]
    assert stored(store) == [({FIRST: {"score": 3, "note": ""}}, 0)]


def test_words_typed_without_a_score_are_kept_for_the_score_that_follows(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("she asked me to", "4.5", "4 and I did", "it was hard", "03", "q")
    result = cli("supervision", "check")
    assert f"{AGAIN[:-1]}: the words are kept as its note once it has one.\n" in result.stderr
    # "4.5" alone: a slip, not a note ("four" alone was one too; since round 44 it is a 4)
    assert f"{AGAIN}\n" in result.stderr
    # (r47: the words typed on the line before are said too)
    assert "   Kept 4, with the words typed before it and the words after it as its note." \
        in result.stderr
    assert "   Kept 3, with the words typed before it as its note." in result.stderr
    assert stored(store) == [({FIRST: {"score": 4, "note": "she asked me to and I did"},
                               SECOND: {"score": 3, "note": "it was hard"}}, 0)]


def test_words_typed_without_a_score_then_q_are_kept_for_the_next_check(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    """Were "not kept" until round 47 (tests/test_r47_selfcheck.py: the next check gives
    them to the question's score)."""
    keys("she asked me to", "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0
    assert "No score came with the words typed at 1-5: they are kept in" in result.stderr
    assert stored(store) == []


def test_a_pasted_score_and_note_stay_one_answer(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys(["4 because", "Kerry asked"], "q")
    result = cli("supervision", "check")
    assert stored(store) == [({FIRST: {"score": 4, "note": "because Kerry asked"}}, 0)]
    assert result.exit_code == 0


def test_ctrl_c_after_a_score_with_words_keeps_both(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("5 felt heard", CTRL_C)
    result = cli("supervision", "check")
    assert result.exit_code == 130
    assert stored(store) == [({FIRST: {"score": 5, "note": "felt heard"}}, 0)]


TWICE = "item 'story' is answered twice; keep one of its answers."


@pytest.mark.parametrize(("text", "problem"), [
    ("story = 3\nstory = 4\n", TWICE),
    ("story = 3\nvoice = 2\nstory = 4", TWICE),  # (tomllib: "at end of document")
    ("[story]\nscore = 3\n[story]\nscore = 4\n", TWICE),
    ("[story]\nscore = 3\nscore = 4\n", TWICE),
    ("story = 3\n[story]\nnote = 'x'\n", TWICE),
    ("stroy = 3\nstroy = 4\n", "'stroy' is given twice; give it once."),
])
def test_a_toml_item_answered_twice_is_named(
    cli: CLI, store: Store, tmp_path: Path, text: str, problem: str
) -> None:
    path = tmp_path / "a.toml"
    path.write_text(text, encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr == f"peerjournal: {path}: {problem}\n"
    assert stored(store) == []


def test_other_toml_errors_are_as_before(cli: CLI, store: Store, tmp_path: Path) -> None:
    path = tmp_path / "a.toml"
    path.write_text("story = 3\nvoice = \n", encoding="utf-8")
    result = cli("supervision", "check", "--answers", str(path))
    assert result.exit_code == 1
    assert result.stderr == (
        f"peerjournal: {path}: not valid TOML (Invalid value (at line 2, column 9)).\n")
