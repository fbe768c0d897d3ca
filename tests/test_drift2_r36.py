"""Round 36 (drift2): one long entry is scored in near-linear time (the per-hit "for the writer"
lookup searched the rest of the text, and the writer-resumes check copied the rest of the
clause list); and a drift word in "on my behalf" is someone else's deed, done for the writer."""

from __future__ import annotations

from typing import Any

import pytest

from peerjournal.drift import Lexicon, load_lexicon, matcher, score_text


@pytest.fixture(scope="module")
def lexicon() -> Lexicon:
    return load_lexicon()


class _Counting:
    """A compiled regex that adds up how many characters each `finditer` may scan."""

    def __init__(self, regex: Any) -> None:
        self.regex, self.scanned = regex, 0

    def finditer(self, text: str, pos: int = 0, endpos: int | None = None) -> Any:
        self.scanned += (len(text) if endpos is None else endpos) - pos
        return self.regex.finditer(text, pos, len(text) if endpos is None else endpos)


def test_the_for_the_writer_lookup_scans_the_text_once_per_pass(
    lexicon: Lexicon, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Was: one search from each voice hit to the end of the text (quadratic: 72 s for a
    400,000-character entry)."""
    part = "Jo spoke up for me. I spoke up too. We walked to the housing office together. "
    text = part * 300
    counting = _Counting(matcher._WRITER_IN)
    monkeypatch.setattr(matcher, "_WRITER_IN", counting)
    score = score_text(text, lexicon)
    assert counting.scanned <= 2 * len(text)  # the curated pass and the learned one
    voice = [h for h in score.hits if h.dimension in ("voice", "advocacy")]
    theirs = {h.start % len(part) for h in voice if not h.counted}
    mine = {h.start % len(part) for h in voice if h.counted}
    assert theirs and mine and all(at < 20 for at in theirs) and all(at >= 20 for at in mine)


class _NoSlices(list[int]):
    def __getitem__(self, key: Any) -> Any:
        assert not isinstance(key, slice), "the clause list was copied"
        return super().__getitem__(key)


def test_writer_resumes_does_not_copy_the_clause_list() -> None:
    text = "she said it. " * 5000 + "but i said no"  # lower case, as the matcher reads it
    clauses = _NoSlices([13 * i for i in range(5000)] + [len(text) - 13])
    assert matcher._writer_resumes(text, clauses, 0, len(text))
    assert not matcher._writer_resumes(text, clauses, 0, 13 * 4999)


def test_long_entry_scores_as_its_parts(lexicon: Lexicon) -> None:
    """Each repeated paragraph gets the same hits, so nothing depends on the text's length."""
    part = (
        "Sat with Mo after group. I told her she should take her meds, then caught myself and "
        "asked what she wanted. She rang the housing office on my behalf.\n\n"
    )
    one = score_text(part, lexicon).hits
    many = score_text(part * 200, lexicon).hits
    assert len(many) == 200 * len(one)
    for i, hit in enumerate(many):
        first = one[i % len(one)]
        assert (hit.marker, hit.start - (i // len(one)) * len(part), hit.counted) == (
            first.marker, first.start, first.counted
        )


@pytest.mark.parametrize(
    "text",
    [
        "She rang the council on my behalf.",
        "She rang the council on our behalf",
        "Jo spoke up on my behalf.",
    ],
)
def test_a_deed_on_the_writers_behalf_is_not_their_drift(text: str, lexicon: Lexicon) -> None:
    behalf = [h for h in score_text(text, lexicon).hits if h.text == "behalf"]
    assert behalf and not any(h.counted for h in behalf)


@pytest.mark.parametrize(
    "text", ["I rang the council on her behalf.", "I spoke on his behalf throughout."]
)
def test_the_writer_acting_on_someones_behalf_is_theirs(
    text: str, lexicon: Lexicon
) -> None:
    behalf = [h for h in score_text(text, lexicon).hits if h.text == "behalf"]
    assert behalf and not any(h.attributed for h in behalf)
