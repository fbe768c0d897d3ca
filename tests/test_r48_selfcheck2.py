"""Round 48 QA of the self-check's score line and `drafts`:

1. An arrow or sign between two numbers was read as a face: "3 -> 4" was kept as 3 with the
   note "-> 4" (and "6 -> 7" kept as words, not asked again as a score). Two numbers are two
   scores whatever is typed between them; a face needs an eye or a mouth.
2. The marks glued to a score became the start of its note ("3? because tired": "? because
   tired"); they are the score's, as "3??" alone is: "because tired".
3. `drafts`: its heading named `write --resume` without `peerjournal`; `drafts --discard 1`
   said "no unfinished drafts" where `drafts` said "no unfinished entry drafts"; and words a
   running check holds were said to be offered.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from conftest import CLI, Keys
from peerjournal.db.store import Store
from peerjournal.drafts import Draft
from peerjournal.supervision import is_face, score_and_words, tried_a_score
from test_r47_selfcheck import AGAIN
from test_r48_selfcheck import FACES, FIRST, KEPT_BY_A_CHECK, _words_file
from test_supervision_qa import stored

# -- 1. an arrow between two numbers: two scores, asked again ------------------------------------

BETWEEN = ["3 -> 4", "4 -> 3 after the incident", "3 => 4", "3 <- 4", "4 —> 3",
           "2 >> 4 last month", "3 >= 4", "3 <> 4", "3 +/- 1", "3 && 4", "3 :) 4", "3 </3 5"]


@pytest.mark.parametrize("typed", BETWEEN)
def test_two_numbers_with_marks_between_are_asked_again(
    cli: CLI, store: Store, keys: Callable[..., Keys], typed: str
) -> None:
    """Were (but the last two): kept as the first number, the rest its note."""
    keys(typed, "q")
    result = cli("supervision", "check")
    assert result.exit_code == 0, result.stderr
    assert AGAIN.rstrip(".") in result.stderr  # (with ": the words are kept" after words)
    assert "   Kept " not in result.stderr
    assert stored(store) == []


@pytest.mark.parametrize("sign", ["->", "=>", "<-", "—>", ">>", ">=", "<>", "+/-", "&&", "-->",
                                  "<->", "~~", "=/=", "||"])
def test_an_arrow_or_a_sign_is_no_face(sign: str) -> None:
    assert not is_face(sign)


@pytest.mark.parametrize("face", [*FACES, ">.>", "<_<", "*_*"])
def test_the_faces_drawn_are_still_faces(face: str) -> None:
    assert is_face(face)
    assert score_and_words(f"3 {face}") == (3, face)


@pytest.mark.parametrize("typed", ["6 -> 7", "3 => 4", "0 >> 9"])
def test_numbers_with_an_arrow_between_only_tried_a_score(typed: str) -> None:
    """Was False for "6 -> 7": kept as words for a note, not asked again as a score."""
    assert score_and_words(typed) is None and tried_a_score(typed)


# -- 2. the marks glued to a score are the score's -----------------------------------------------


@pytest.mark.parametrize(("typed", "note"), [
    ("3? because tired", "because tired"),
    ("3?: hard to say", "hard to say"),
    ("3!! good week", "good week"),
    ("3?? idk", "idk"),
    ("idk 3?", "idk"),
    ("idk maybe 3??", "idk maybe"),
    ("3??", ""),
    ("maybe 3??", ""),
    ("3?? :(", ":("),
    ("3? 0_0", "0_0"),
])
def test_marks_glued_to_a_score_do_not_open_its_note(typed: str, note: str) -> None:
    """Were "? because tired", "?: hard to say", "!! good week", "?? idk", "idk ?"."""
    assert score_and_words(typed) == (3, note)


def test_a_note_after_a_doubted_score_is_saved_as_typed(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("3? because tired", "q")
    assert cli("supervision", "check").exit_code == 0
    assert stored(store) == [({FIRST: {"score": 3, "note": "because tired"}}, 0)]


# -- 3. `drafts` -----------------------------------------------------------------------------------


def _kept_words(cli: CLI, keys: Callable[..., Keys]) -> None:
    keys("5 people came and I held back", "q")
    assert cli("supervision", "check").exit_code == 0


def test_the_heading_names_the_command_in_full(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    _kept_words(cli, keys)
    assert KEPT_BY_A_CHECK in cli("drafts").stderr.splitlines()
    assert "`peerjournal write --resume`" in KEPT_BY_A_CHECK


def test_discard_with_no_draft_says_what_drafts_says(
    cli: CLI, keys: Callable[..., Keys]
) -> None:
    """Was "there are no unfinished drafts." beside `drafts`' "no unfinished entry drafts"."""
    _kept_words(cli, keys)
    assert cli("drafts").stderr.startswith("There are no unfinished entry drafts.\n")
    result = cli("drafts", "--discard", "1")
    assert result.exit_code != 0
    assert result.stderr == ("peerjournal: There is no draft 1: there are no unfinished entry "
                             "drafts.\n")


def test_words_a_running_check_holds_are_said_to_be_in_use(
    cli: CLI, isolated: Path, keys: Callable[..., Keys]
) -> None:
    """Was: "`peerjournal supervision check` offers them" while another check had them."""
    _kept_words(cli, keys)
    other = Draft(_words_file(isolated))
    assert other.take()  # a check in another terminal is offering them
    try:
        held = cli("drafts").stderr
    finally:
        other.release()
    assert "in use by a self-check running in another terminal" in held
    assert "offers them as that question's note (it asks first)" not in held
    assert "offers them as that question's note (it asks first)" in cli("drafts").stderr


# -- 4. (fix_sc3) faces with eyes of any mark; an arrow after a score points on to its note ------


@pytest.mark.parametrize("face", ["<3<3", "~.~", "¬.¬", "¬¬", "+.+", "~-~", ";-;", "(;-;)", ".-.",
                                  "$_$", "<3<3<3"])
def test_eyes_of_any_mark_around_a_mouth_are_a_face(face: str) -> None:
    """Were dropped (note "") or, for "<3<3", read as a second score."""
    assert is_face(face)
    assert score_and_words(f"3 {face}") == (3, face)


@pytest.mark.parametrize("marks", ["...", "---", "___", "?!?", "->", "=>"])
def test_a_run_of_one_mark_or_an_arrow_is_no_face(marks: str) -> None:
    assert not is_face(marks)


@pytest.mark.parametrize("typed", ["3 <3<3 4", "3 ~.~ 4", "3 .-. 4", "3 ¬¬ 4", "3 -> 4"])
def test_a_face_between_two_numbers_is_still_two_scores(typed: str) -> None:
    assert score_and_words(typed) is None


@pytest.mark.parametrize(("typed", "note"), [
    ("3 -> better than last time", "better than last time"),
    ("3 => better", "better"),
    ("3 —> better", "better"),
    ("3 --> ok", "ok"),
    ("3 ->", ""),
    ("3 =>", ""),
    ("3 >>", ""),
    ("3 ~~", ""),
    ("3 - not yet", "not yet"),
    ("3 +/-", "+/-"),
    ("3 ±", "±"),
    ("3 +/- because tired", "+/- because tired"),
])
def test_an_arrow_after_a_score_is_dropped_as_a_dash_is(typed: str, note: str) -> None:
    """Were: "3 -> better than last time" and "3 ->" refused, "3 =>" kept; "+/-" dropped."""
    assert score_and_words(typed) == (3, note)


def test_words_after_an_arrow_are_saved_as_the_note(
    cli: CLI, store: Store, keys: Callable[..., Keys]
) -> None:
    keys("3 -> better than last time", "q")
    assert cli("supervision", "check").exit_code == 0
    assert stored(store) == [({FIRST: {"score": 3, "note": "better than last time"}}, 0)]
