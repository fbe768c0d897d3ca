"""Round 34: learned words alone decide no short text ("Parking was a nightmare today and the
rota was changed again." read "identity" from the learned words "parking" and "nightmare"),
and a tie never leans ("good chat" against "updating the tracker", 1.0 a side, read "drift"):
score.py, `verdict_for`."""

from __future__ import annotations

import json
from typing import Any

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from conftest import CLI
from peerjournal.drift import is_learned_marker, load_lexicon, score_text
from peerjournal.drift.lexicon import example_phrase
from peerjournal.drift.score import (
    LEARNED_ONLY_MIN_WEIGHT,
    LEARNED_ONLY_MIN_WORDS,
    LEARNED_PHRASE_MIN_WORDS,
    MIN_COUNTED_HITS,
    MIN_WORDS,
    MIXED_MIN_SIDE,
    TIE,
    verdict_for,
)

NOT_ENOUGH = "Not enough signal in this entry to say either way"
BOTH = "This entry holds both: peer identity and signs of drift."
# one curated phrase a side, of equal weight: "good chat" and "updating the tracker"
TIE_TEXT = "We had a good chat about her week. Then I spent the afternoon updating the tracker."
# a short practice note whose evidence is all learned ("feels unprofessional", "private";
# "keep it about" until round 39, when "keep" came to count only inside a longer phrase):
# 13 words, as the shortest labelled entry decided by learned evidence alone
PRACTICE = "I dont bring my own stuff up. feels unprofessional. I keep it private"
LEX = load_lexicon()


def _drift_json(cli: CLI, text: str) -> dict[str, Any]:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.output
    score: dict[str, Any] = json.loads(result.stdout)
    return score


def _counted(score: dict[str, Any]) -> list[dict[str, Any]]:
    return [h for h in score["hits"] if h["counted"]]


@pytest.mark.parametrize(
    "text",
    [
        # the parking and the badge were learned words too until round 35, which learns no
        # everyday thing (tests/test_learn_everyday_r35.py)
        "Skipped lunch because the meeting ran over and the kettle was broken.",
        "New software update made everything slow and the screen kept flickering.",
        # round 39: "by" and "hour" are no longer learned, "froze" counts only in a phrase
        "Video call froze again, took me ages to dial in by phone.",
        "Emails piled up while I was out, so I stayed late clearing them.",
    ],
)
def test_learned_words_alone_do_not_decide_a_short_neutral_text(
    isolated: object, cli: CLI, text: str
) -> None:
    score = _drift_json(cli, text)
    assert score["verdict"] == "insufficient"
    # two or more places of learned evidence are still found and shown, they decide nothing
    counted = _counted(score)
    assert len({h["start"] for h in counted}) >= MIN_COUNTED_HITS
    assert all(h["marker"].startswith("learned.") for h in counted)
    shown = cli("drift", "--text", text)
    assert shown.exit_code == 0
    assert NOT_ENOUGH in shown.stdout
    assert "leans toward" not in shown.stdout


def test_learned_evidence_decides_from_the_minimum_length(isolated: object, cli: CLI) -> None:
    """The same learned hits: one word short of the bound no verdict, at it the entry's lean."""
    long = _drift_json(cli, PRACTICE)
    short = _drift_json(cli, PRACTICE.removeprefix("I "))
    assert long["words"] == LEARNED_ONLY_MIN_WORDS
    assert short["words"] == LEARNED_ONLY_MIN_WORDS - 1
    assert [h["text"] for h in _counted(long)] == [h["text"] for h in _counted(short)]
    assert all(h["marker"].startswith("learned.") for h in _counted(long))
    assert long["verdict"] == "drift"
    assert short["verdict"] == "insufficient"


def test_a_curated_marker_still_decides_a_short_text(isolated: object, cli: CLI) -> None:
    """The rule is for learned evidence alone: a curated phrase beside the parking still counts."""
    text = "Parking a nightmare, then I told her she should take her meds."
    score = _drift_json(cli, text)
    assert score["words"] < LEARNED_ONLY_MIN_WORDS
    assert score["verdict"] == "drift"
    assert any(not h["marker"].startswith("learned.") for h in _counted(score))


def test_learned_only_bounds_in_verdict_for() -> None:
    heavy, light = LEARNED_ONLY_MIN_WEIGHT, LEARNED_ONLY_MIN_WEIGHT * 0.9
    two = MIN_COUNTED_HITS
    # below LEARNED_ONLY_MIN_WORDS nothing learned decides, however heavy
    short = LEARNED_ONLY_MIN_WORDS - 1
    assert verdict_for(heavy * 3, 0.0, 5, words=short, learned_only=True) == "insufficient"
    assert verdict_for(heavy * 3, 0.0, 5, words=short) == "identity"  # curated: as before
    # from it, below LEARNED_PHRASE_MIN_WORDS, only with LEARNED_ONLY_MIN_WEIGHT
    mid = LEARNED_ONLY_MIN_WORDS
    assert verdict_for(0.0, heavy, two, words=mid, learned_only=True) == "drift"
    assert verdict_for(0.0, light, two, words=mid, learned_only=True) == "insufficient"
    assert verdict_for(0.0, light, two, words=mid) == "drift"
    # in a longer text the usual evidence rule
    assert verdict_for(0.0, light, two, words=LEARNED_PHRASE_MIN_WORDS, learned_only=True) == (
        "drift"
    )


def test_a_tie_reads_mixed_not_drift(isolated: object, cli: CLI) -> None:
    score = _drift_json(cli, TIE_TEXT)
    assert score["balance"] == 0
    assert score["identity"] == score["drift"] > 0
    assert {h["text"] for h in _counted(score)} == {"good chat", "updating the tracker"}
    assert score["verdict"] == "mixed"
    shown = cli("drift", "--text", TIE_TEXT)
    assert shown.exit_code == 0
    assert BOTH in shown.stdout
    assert "clinical role" not in shown.stdout


def test_a_tie_written_reads_mixed_on_the_write_line(isolated: object, cli: CLI) -> None:
    result = cli("write", "-x", TIE_TEXT)
    assert result.exit_code == 0, result.output
    assert "Drift: mixed" in result.stderr
    assert "leans clinical" not in result.output
    shown = cli("show", result.stdout.strip())
    assert shown.exit_code == 0
    assert "Drift: mixed" in shown.output


def test_small_ties_in_verdict_for() -> None:
    for side in (0.25, 0.75, 1.0, MIXED_MIN_SIDE * 0.99, MIXED_MIN_SIDE):
        assert verdict_for(side, side, MIN_COUNTED_HITS) == "mixed"
        assert verdict_for(side, side, 1, phrase=True) == "mixed"
    # just outside the tie, with little on the other side, the entry leans as before
    little = MIXED_MIN_SIDE * 0.5
    off = (1 - TIE * 2) / (1 + TIE * 2)  # identity / drift for a balance of -2 TIE
    assert verdict_for(little * off, little, MIN_COUNTED_HITS) == "drift"


weights = st.floats(min_value=0.01, max_value=20, allow_nan=False)


@settings(max_examples=300, deadline=None)
@given(
    side=weights,
    nudge=st.floats(min_value=-0.99, max_value=0.99),
    counted=st.integers(min_value=0, max_value=20),
    slip=st.booleans(),
    phrase=st.booleans(),
    words=st.integers(min_value=0, max_value=400),
    learned_only=st.booleans(),
)
def test_a_tie_never_leans(
    side: float,
    nudge: float,
    counted: int,
    slip: bool,
    phrase: bool,
    words: int,
    learned_only: bool,
) -> None:
    """A balance within TIE of 0 (shown as +0.00) reads mixed or insufficient, whatever else."""
    drift = side * (1 - TIE * nudge) / (1 + TIE * nudge)  # balance TIE * nudge
    verdict = verdict_for(side, drift, counted, slip, phrase, words, learned_only)
    assert verdict in ("mixed", "insufficient")


PHRASES = sorted(
    {example_phrase(p) for m in LEX.markers if m.learned for p in m.patterns[:3]}
    | {example_phrase(p) for m in LEX.markers if not m.learned for p in m.patterns[:1]}
)
FILLER = ["today", "the", "rota", "was", "changed", "again", "and", "bus", "late", ".", ","]


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(st.sampled_from(PHRASES + FILLER), min_size=1, max_size=8))
def test_short_learned_only_texts_and_ties_never_lean(parts: list[str]) -> None:
    s = score_text(" ".join(parts), LEX)
    counted = s.counted_hits()
    if abs(s.balance) < TIE and counted:
        assert s.verdict in ("mixed", "insufficient")
    if counted and all(is_learned_marker(h.marker) for h in counted):
        if s.words < LEARNED_ONLY_MIN_WORDS or s.words < MIN_WORDS:
            assert s.verdict == "insufficient"
        raw = sum(s.weights[h.marker] for h in counted)
        if s.words < LEARNED_PHRASE_MIN_WORDS and raw < LEARNED_ONLY_MIN_WEIGHT:
            assert s.verdict == "insufficient"
