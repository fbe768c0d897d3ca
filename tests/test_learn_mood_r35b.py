"""Round 35 (QA findings 1 and 2): a sad or tired note is not drift. Words of mood, energy, time,
thanks and hedging are not learned as evidence (benchmarks/learn_markers.py), and the writer's
own "Tearful after group." is not clinical language, while a client described as tearful is."""

from __future__ import annotations

import json
from typing import Any

import pytest

from conftest import CLI
from learn_markers import usable
from learned_cv import SAD_OR_TIRED
from peerjournal.drift import load_lexicon, score_text

LEX = load_lexicon()
# mood and energy, time, thanks, hedges, and words that count only beside another content word
NOT_EVIDENCE_ALONE = (
    "low", "high", "stress", "busy", "tearful", "early", "late", "finally", "soon", "lately",
    "news", "thank", "thanked", "thanks", "cheers", "sure", "seems", "tried", "careful", "chat",
)  # fmt: skip


def _drift(text: str, cli: CLI) -> dict[str, Any]:
    result = cli("drift", "--json", "--text", text)
    assert result.exit_code == 0, result.output
    score: dict[str, Any] = json.loads(result.stdout)
    return score


@pytest.mark.parametrize(
    "gram",
    [*NOT_EVIDENCE_ALONE, "left early", "finally got", "tried to", "chat with", "thanked me for"],
)
def test_mood_time_and_thanks_are_not_learned(gram: str) -> None:
    assert not usable(gram)


@pytest.mark.parametrize("gram", ["make sure he", "tried to explain", "busy work", "proper chat"])
def test_beside_a_word_of_practice_they_stay_learnable(gram: str) -> None:
    assert usable(gram)


def test_no_learned_pattern_is_only_a_mood_time_or_thanks_word() -> None:
    learned = {p for m in LEX.markers if m.learned for p in m.patterns}
    assert len(learned) >= 500
    assert learned.isdisjoint(NOT_EVIDENCE_ALONE)


@pytest.mark.parametrize(
    "text",
    [
        # each was "drift" (leans clinical, -1.0) before, from these words alone
        "Feeling a bit low after the news about the closure of our service. Went home early and"
        " had a bath.",
        "Honestly exhausted and a bit low. Didn't see many people today, mostly paperwork. Had a"
        " nice chat with Kay over tea about her garden and mine. Going to bed early.",
        "I was tearful on the bus home. Busy, stressful shift. Mo thanked me and said it was nice"
        " to talk to someone who gets it. Finally home, early night.",
        "Good chat with Ola this morning about her week. Left early for the dentist, which was"
        " grim as usual, then home.",
    ],
)
def test_a_sad_or_tired_note_does_not_lean_clinical(isolated: object, cli: CLI, text: str) -> None:
    score = _drift(text, cli)
    assert score["verdict"] != "drift"
    counted = {h["text"].lower() for h in score["hits"] if h["counted"]}
    assert counted.isdisjoint({"low", "news", "early", "busy", "finally", "chat with", "thanked"})
    shown = cli("drift", "--text", text)
    assert shown.exit_code == 0
    assert "leans clinical" not in shown.stdout


def test_few_sad_or_tired_notes_get_a_drift_verdict() -> None:
    """11 of the 32 had a drift verdict before round 35's exclusions, 4 after."""
    assert sum(score_text(t, LEX).verdict == "drift" for t in SAD_OR_TIRED) <= 4


@pytest.mark.parametrize(
    "text",
    [
        "Tearful after group. Mo's mum died last month and it brought my own grief back up.",
        "I was tearful on the bus home after group today.",
    ],
)
def test_the_writers_own_tearful_is_not_clinical_language(
    isolated: object, cli: CLI, text: str
) -> None:
    score = _drift(text, cli)
    assert [h for h in score["hits"] if "tearful" in h["text"].lower() and h["counted"]] == []
    assert score["dimensions"]["clinical_language"]["drift"] == 0.0


@pytest.mark.parametrize(
    ("text", "hit"),
    [
        ("She was tearful in group today and left before the end.", "She was tearful"),
        ("Client tearful in session, we sat with it for a while.", "Client tearful"),
        ("He presented as tearful and withdrawn on the ward.", "He presented as tearful"),
    ],
)
def test_someone_described_as_tearful_is_clinical_language(
    isolated: object, cli: CLI, text: str, hit: str
) -> None:
    score = _drift(text, cli)
    counted = [h for h in score["hits"] if h["counted"]]
    assert [h["dimension"] for h in counted if h["text"] == hit] == ["clinical_language"]


@pytest.mark.parametrize(
    "text", ["She wasn't keen on the plan, but she'll thank me later.", "He'll thank me one day."]
)
def test_youll_thank_me_is_advice(isolated: object, cli: CLI, text: str) -> None:
    """Curated once "thank" alone stopped being learned: the paternal justification of advice."""
    score = _drift(text, cli)
    assert [h["dimension"] for h in score["hits"] if h["counted"]] == ["advice"]
