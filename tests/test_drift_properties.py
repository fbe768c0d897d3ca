"""Hypothesis properties of the drift score."""

from __future__ import annotations

import json

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from peerjournal.drift import DriftScore, load_lexicon, score_text
from peerjournal.drift.lexicon import example_phrase

LEX = load_lexicon()
PHRASES = sorted({example_phrase(p) for m in LEX.markers for p in m.patterns})
DRIFT_PHRASES = sorted(
    {example_phrase(p) for m in LEX.markers if m.polarity == "drift" for p in m.patterns}
)
FILLER = [
    "today",
    "we",
    "sat",
    "outside",
    "and",
    "the",
    "weather",
    "was",
    "grey",
    ".",
    ",",
    "she",
    "he",
    "they",
    "I",
    "then",
    "but",
    "because",
    "talked",
    "about",
    "work",
    "her",
    "week",
    "said",
    "team",
    "if",
    "next",
    "time",
    "caught",
    "myself",
    "'",
    '"',
    "\n",
    "\u2019",
]
pieces = st.lists(st.sampled_from(PHRASES + FILLER), max_size=40)
SETTINGS = settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])


def join(parts: list[str]) -> str:
    return " ".join(parts)


def raw_drift(text: str) -> float:
    """The drift evidence before dividing by the word count ("not" is one word more)."""
    s = score_text(text, LEX)
    return sum(s.weights[h.marker] for h in s.hits if h.counted and h.polarity == "drift")


@SETTINGS
@given(pieces)
def test_balance_is_bounded(parts: list[str]) -> None:
    s = score_text(join(parts), LEX)
    assert -1.0 <= s.balance <= 1.0
    assert s.identity >= 0 and s.drift >= 0


@SETTINGS
@given(pieces)
def test_scoring_is_deterministic(parts: list[str]) -> None:
    text = join(parts)
    assert score_text(text, LEX).to_dict() == score_text(text, LEX).to_dict()


@SETTINGS
@given(pieces, st.sampled_from(DRIFT_PHRASES), pieces)
def test_not_before_a_drift_phrase_never_raises_drift(
    before: list[str], phrase: str, after: list[str]
) -> None:
    # the phrase is its own sentence: otherwise a `**` gap pattern can run from it into the
    # next generated piece ("shared too much" + "left my story out" reads as one story phrase)
    plain = join([*before, ".", phrase, ".", *after])
    negated = join([*before, ".", "not", phrase, ".", *after])
    assert raw_drift(negated) <= raw_drift(plain) + 1e-9


@SETTINGS
@given(st.text(max_size=300) | pieces.map(join))
def test_every_span_indexes_the_original_text(text: str) -> None:
    s = score_text(text, LEX)
    for h in s.hits:
        assert 0 <= h.start < h.end <= len(text)
        assert text[h.start : h.end] == h.text


@SETTINGS
@given(pieces)
def test_to_dict_round_trips(parts: list[str]) -> None:
    d = score_text(join(parts), LEX).to_dict()
    assert DriftScore.from_dict(d).to_dict() == d


@SETTINGS
@given(st.text(max_size=300) | pieces.map(join))
def test_to_json_is_to_dict_as_json(text: str) -> None:
    s = score_text(text, LEX)
    assert s.to_json() == json.dumps(s.to_dict(), ensure_ascii=False)
