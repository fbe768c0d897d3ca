"""Round 44, drift: the characters a keyboard, phone or IME puts in for an apostrophe or a space
score as the usual ones. "I didn´t speak up" (acute accent) read as speaking up, the verdict
flipped from drift to identity; a zero-width space glued to a word lost "told her she should";
a byte order mark at the end counted as a word."""

from __future__ import annotations

import pytest
from hypothesis import given
from hypothesis import strategies as st

from peerjournal.drift import score_text

NEGATED = "I didn{}t speak up at the ward round and the nurse took over the whole conversation."
ADVICE = "I told her she should take her tablets and stop moaning about the ward."
APOSTROPHES = ["\u2019", "\u00b4", "`", "\u2032", "\uff07", "\u201b", "\u02b9", "\u2035",
               "\uff40", "\ua78c"]
SPACES = ["\u200b", "\u2060", "\ufeff", "\u2009", "\u202f", "\u2002", "\u2003", "\u200a",
          "\u2007", "\u3000", "\u205f", "\u200c", "\u200d"]


def _numbers(text: str) -> tuple[str, float, float, int]:
    score = score_text(text)
    return score.verdict, score.identity, score.drift, score.words


@pytest.mark.parametrize("mark", APOSTROPHES)
def test_an_apostrophe_look_alike_negates_as_the_straight_one_does(mark: str) -> None:
    assert _numbers(NEGATED.format(mark)) == _numbers(NEGATED.format("'"))
    assert score_text(NEGATED.format(mark)).verdict == "drift"


@pytest.mark.parametrize("space", SPACES)
def test_a_space_drawn_as_nothing_or_thin_neither_hides_a_phrase_nor_counts_as_a_word(
    space: str,
) -> None:
    glued = ADVICE.replace("she should", f"she{space} should")
    at_the_end = ADVICE + space
    assert _numbers(glued) == _numbers(ADVICE)
    assert _numbers(at_the_end) == _numbers(ADVICE)


@pytest.mark.parametrize("space", SPACES)
def test_text_spaced_only_with_one_of_them_reads_as_spaced_text(space: str) -> None:
    """(an IME left on, or a phone's keyboard: every space an ideographic or en space)"""
    assert _numbers(ADVICE.replace(" ", space)) == _numbers(ADVICE)


@pytest.mark.parametrize("separator", ["\u2028", "\u2029"])
def test_a_line_or_paragraph_separator_ends_a_line(separator: str) -> None:
    two = "I sat with him.\nI told her she should take her tablets."
    assert _numbers(two.replace("\n", separator)) == _numbers(two)


def test_a_thin_space_after_a_full_stop_counts_the_words_a_space_does() -> None:
    text = "I sat with him.{}He said it was a hard week and I listened."
    assert score_text(text.format("\u2009")).words == score_text(text.format(" ")).words


@given(st.text(alphabet=["a", "b", " ", "'", ".", *APOSTROPHES, *SPACES], max_size=40))
def test_every_span_still_indexes_the_text_as_written(filler: str) -> None:
    text = f"{filler} I told her she should{filler} take her tablets.{filler}"
    for hit in score_text(text).hits:
        assert 0 <= hit.start < hit.end <= len(text)
        assert text[hit.start : hit.end].strip() != ""
