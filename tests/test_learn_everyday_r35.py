"""Round 35: everyday things (the lift, a coat, the parking) are not learned as evidence, so a
note about them gets no verdict from them (benchmarks/learn_markers.py, `EVERYDAY_WORDS`)."""

from __future__ import annotations

import json

import pytest

from conftest import CLI
from learn_markers import EVERYDAY_WORDS, usable
from learned_cv import NEUTRAL, NEUTRAL_SECOND
from peerjournal.drift import load_lexicon, score_text

NOT_ENOUGH = "Not enough signal in this entry to say either way"
LEX = load_lexicon()


def _everyday(phrase: str) -> bool:
    return any(w.removesuffix("'s") in EVERYDAY_WORDS for w in phrase.lower().split())


def test_no_learned_phrase_holds_an_everyday_thing() -> None:
    learned = [p for m in LEX.markers if m.learned for p in m.patterns]
    assert len(learned) >= 500
    assert [p for p in learned if _everyday(p)] == []


@pytest.mark.parametrize(
    "gram", ["radiator", "coat", "parking", "lift", "charger", "o'clock", "dog's", "stairs up"]
)
def test_everyday_things_are_not_learned(gram: str) -> None:
    assert not usable(gram)


@pytest.mark.parametrize("gram", ["paperwork", "forms", "meds", "tick box", "months", "steps"])
def test_the_things_of_the_work_and_durations_stay_learnable(gram: str) -> None:
    assert usable(gram)


@pytest.mark.parametrize(
    "text",
    [
        # each read "identity" before round 35, from learned everyday words alone
        "It rained all the way in and my coat is still soaked through.",
        "The lift was out of order so I took the stairs up to the fourth floor.",
        "Fire drill at two o'clock, everyone stood in the car park for twenty minutes.",
        # round 34's: "insufficient" from the length rule, now with no everyday word as evidence
        "Parking was a nightmare today and the rota was changed again.",
        "Someone took my parking space again, third time this week.",
        "Lost my badge somewhere between the car park and the lift.",
    ],
)
def test_a_note_about_everyday_things_gets_no_verdict(
    isolated: object, cli: CLI, text: str
) -> None:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.output
    score = json.loads(result.stdout)
    assert score["verdict"] == "insufficient"
    assert [h["text"] for h in score["hits"] if _everyday(h["text"])] == []
    shown = cli("drift", "--text", text)
    assert shown.exit_code == 0
    assert NOT_ENOUGH in shown.stdout
    assert "leans toward" not in shown.stdout


@pytest.mark.parametrize(("texts", "most"), [(NEUTRAL, 2), (NEUTRAL_SECOND, 2)])
def test_few_neutral_sentences_get_a_verdict(texts: tuple[str, ...], most: int) -> None:
    """Round 35: 5 of the 50 and 3 of the 30 had a verdict before; none from an everyday word."""
    scores = [score_text(t, LEX) for t in texts]
    assert sum(s.verdict != "insufficient" for s in scores) <= most
    assert [h.text for s in scores for h in s.hits if h.counted and _everyday(h.text)] == []
